import Foundation
import StrataJSON
import Testing

/// One case of `Cases/`: `<name>.graphql` (one operation), optional `<name>.variables.json`, the expected
/// response `<name>.json`; a mutating case may have a follow-up query `<name>.after.graphql` whose expected
/// response is `<name>.after.json` (run on the same database after the mutation).
struct GoldenCase: Sendable, CustomTestStringConvertible, Hashable {
    let name: String
    let query: String
    let variables: [String: JSONValue]
    let afterQuery: String?

    var testDescription: String { name }

    static let directory = ConformanceSchema.testsDirectory.appendingPathComponent("Cases")

    /// Whether the operation writes (then it gets a database of its own).
    var isMutation: Bool {
        query.range(of: #"^\s*mutation\b"#, options: .regularExpression) != nil
            || query.contains("\nmutation")
    }

    var expectedURL: URL { Self.directory.appendingPathComponent(name + ".json") }
    var afterExpectedURL: URL { Self.directory.appendingPathComponent(name + ".after.json") }

    /// Every case, sorted by name.
    static func all() -> [GoldenCase] {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return files.filter { $0.hasSuffix(".graphql") && !$0.hasSuffix(".after.graphql") }.sorted().compactMap { file in
            let name = String(file.dropLast(".graphql".count))
            return try? load(name)
        }
    }

    static func load(_ name: String) throws -> GoldenCase {
        let query = try String(contentsOf: directory.appendingPathComponent(name + ".graphql"), encoding: .utf8)
        var variables: [String: JSONValue] = [:]
        let variablesURL = directory.appendingPathComponent(name + ".variables.json")
        if let text = try? String(contentsOf: variablesURL, encoding: .utf8) {
            guard case .object(let members) = try JSONParser.parse(text) else {
                throw ConformanceFailure("\(name).variables.json must be an object")
            }
            for member in members { variables[member.key] = member.value }
        }
        let afterQuery = try? String(
            contentsOf: directory.appendingPathComponent(name + ".after.graphql"), encoding: .utf8)
        return GoldenCase(name: name, query: query, variables: variables, afterQuery: afterQuery)
    }

    /// `STRATA_RECORD_GOLDEN=1` records every case; a comma-separated list of case names records just those.
    static var recordedNames: Set<String>? {
        guard let value = ProcessInfo.processInfo.environment["STRATA_RECORD_GOLDEN"], !value.isEmpty, value != "0"
        else { return nil }
        return value == "1" ? [] : Set(value.split(separator: ",").map { String($0) })
    }

    static var isRecording: Bool { recordedNames != nil }

    /// Whether this case's expected files are rewritten in this run.
    var isRecorded: Bool {
        guard let names = Self.recordedNames else { return false }
        return names.isEmpty || names.contains(name)
    }
}
