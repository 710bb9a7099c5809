public import Foundation

/// Golden-file cases in a directory: `<case>.graphql` holds the operation, the optional `<case>.variables.json` its
/// variables, and `<case>.json` the expected response. With `STRATA_RECORD_GOLDEN=1` in the environment, `verify`
/// (re)writes the expectation instead of comparing.
public struct GoldenCases: Sendable {
    public let directory: URL

    public init(directory: URL) {
        self.directory = directory
    }

    /// Cases relative to the calling test file's directory: `GoldenCases(relativeTo: #filePath, "Cases")`.
    public init(relativeTo file: String = #filePath, _ subdirectory: String) {
        self.directory = URL(fileURLWithPath: file).deletingLastPathComponent().appendingPathComponent(subdirectory)
    }

    /// One case: the operation and its variables.
    public struct Case: Sendable {
        public var name: String
        public var query: String
        public var variables: [String: JSONValue]
        public var operationName: String?
    }

    /// What `verify` found.
    public enum Outcome: Sendable, Hashable {
        case matched
        case recorded
        case missingExpectation(path: String)
        case mismatch(expected: String, actual: String)

        public var isSuccess: Bool { self == .matched || self == .recorded }
    }

    public static var isRecording: Bool { ProcessInfo.processInfo.environment["STRATA_RECORD_GOLDEN"] == "1" }

    /// The names of every `<case>.graphql` in the directory, sorted.
    public func names() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: directory.path)
            .filter { $0.hasSuffix(".graphql") }
            .map { String($0.dropLast(".graphql".count)) }
            .sorted()
    }

    public func load(_ name: String) throws -> Case {
        let query = try String(contentsOf: file(name, "graphql"), encoding: .utf8)
        var variables: [String: JSONValue] = [:]
        let variablesFile = file(name, "variables.json")
        if FileManager.default.fileExists(atPath: variablesFile.path) {
            guard case .object(let members) = try JSONParser.parse(Array(try Data(contentsOf: variablesFile))) else {
                throw FixtureError("\(variablesFile.path) must hold a JSON object")
            }
            for member in members { variables[member.key] = member.value }
        }
        return Case(name: name, query: query, variables: variables, operationName: nil)
    }

    /// Compares `actual` with `<case>.json` (as JSON values, member order included), or records it.
    public func verify(_ name: String, actual: JSONValue) throws -> Outcome {
        let expectedFile = file(name, "json")
        let actualText = GoldenJSON.pretty(actual)
        if Self.isRecording {
            try Data(actualText.utf8).write(to: expectedFile)
            return .recorded
        }
        guard FileManager.default.fileExists(atPath: expectedFile.path) else {
            return .missingExpectation(path: expectedFile.path)
        }
        let expected = try JSONParser.parse(Array(try Data(contentsOf: expectedFile)))
        return expected == actual ? .matched : .mismatch(expected: GoldenJSON.pretty(expected), actual: actualText)
    }

    private func file(_ name: String, _ suffix: String) -> URL {
        directory.appendingPathComponent("\(name).\(suffix)")
    }
}

extension StrataTestApp {
    /// Runs a golden case in-process and verifies its response.
    public func run(_ name: String, in cases: GoldenCases, actor: String? = nil) async throws -> GoldenCases.Outcome {
        let golden = try cases.load(name)
        let response = await execute(golden.query, variables: golden.variables, operationName: golden.operationName, actor: actor)
        return try cases.verify(name, actual: response.json)
    }
}

/// Two-space indented JSON with a final newline, for reviewable golden files.
enum GoldenJSON {
    static func pretty(_ value: JSONValue) -> String {
        var out = ""
        write(value, indent: 0, to: &out)
        return out + "\n"
    }

    private static func write(_ value: JSONValue, indent: Int, to out: inout String) {
        let pad = String(repeating: "  ", count: indent + 1)
        let closePad = String(repeating: "  ", count: indent)
        switch value {
        case .array(let items) where !items.isEmpty:
            out += "[\n"
            for (i, item) in items.enumerated() {
                out += pad
                write(item, indent: indent + 1, to: &out)
                out += i == items.count - 1 ? "\n" : ",\n"
            }
            out += closePad + "]"
        case .object(let members) where !members.isEmpty:
            out += "{\n"
            for (i, member) in members.enumerated() {
                out += pad + JSONValue.string(member.key).serialized() + ": "
                write(member.value, indent: indent + 1, to: &out)
                out += i == members.count - 1 ? "\n" : ",\n"
            }
            out += closePad + "}"
        default:
            out += value.serialized()
        }
    }
}
