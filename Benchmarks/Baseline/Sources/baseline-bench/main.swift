// baseline-bench: parse, validation and execution timings for GraphQLSwift/GraphQL 4.3.0 over the
// shared corpus (/work/shared/bench). Prints a plain table, then one JSON object per measurement
// (lines starting with `{`). Run `baseline-bench --help` for the options.

import BaselineCore
import Foundation
import GraphQL

// MARK: - Options

struct Options {
    var corpus: String
    var parseRounds = 5
    var roundSeconds = 1.0
    var validateRuns = 9
    var executeRuns = 21
    var warmupRuns = 5
    var sections: Set<String> = ["parse", "validate", "execute"]
    var dumpDirectory: String?
    var jsonPath: String?

    static let usage = """
        usage: baseline-bench [--corpus PATH | PATH] [options]

          --corpus PATH          corpus directory (default: ../../../shared/bench relative to the package)
          --rounds N             parse: timed rounds per document (default 5); MB/s uses the median round
          --round-seconds S      parse: minimum duration of one round (default 1.0)
          --validate-runs N      validate: timed runs per document (default 9)
          --runs N               execute: timed runs per query and mode (default 21)
          --warmup N             validate/execute: untimed warm-up runs (default 5; validate uses min(N, 2))
          --only LIST            comma-separated subset of parse,validate,execute
          --dump-results DIR     write each query's JSON result to DIR/qN.json
          --json PATH            also write the JSON lines to PATH
        """

    static func parse(_ arguments: [String]) -> Options {
        var options = Options(corpus: defaultCorpus())
        var rest = arguments[...]
        func value(_ flag: String) -> String {
            guard let v = rest.popFirst() else { fail("\(flag) needs a value") }
            return v
        }
        func number<T: LosslessStringConvertible>(_ flag: String) -> T {
            guard let n = T(value(flag)) else { fail("\(flag) needs a number") }
            return n
        }
        while let arg = rest.popFirst() {
            switch arg {
            case "--corpus": options.corpus = value(arg)
            case "--rounds": options.parseRounds = max(1, number(arg))
            case "--round-seconds": options.roundSeconds = number(arg)
            case "--validate-runs": options.validateRuns = max(1, number(arg))
            case "--runs": options.executeRuns = max(1, number(arg))
            case "--warmup": options.warmupRuns = max(0, number(arg))
            case "--only":
                options.sections = Set(value(arg).split(separator: ",").map(String.init))
            case "--dump-results": options.dumpDirectory = value(arg)
            case "--json": options.jsonPath = value(arg)
            case "-h", "--help":
                print(usage)
                exit(0)
            default:
                if arg.hasPrefix("-") { fail("unknown option \(arg)\n\(usage)") }
                options.corpus = arg
            }
        }
        return options
    }

    /// ../../../shared/bench relative to the package directory (Benchmarks/Baseline), found from
    /// this file's compile-time path; falls back to the same path relative to the working directory.
    static func defaultCorpus() -> String {
        let packageDir = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent()  // baseline-bench
            .deletingLastPathComponent()  // Sources
            .deletingLastPathComponent()  // Baseline
        let candidate = packageDir.appendingPathComponent("../../../shared/bench").standardizedFileURL.path
        if FileManager.default.fileExists(atPath: candidate) { return candidate }
        return "../../../shared/bench"
    }
}

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("baseline-bench: \(message)\n".utf8))
    exit(1)
}

// MARK: - Timing and statistics

let clock = ContinuousClock()

extension Duration {
    var seconds: Double {
        let c = components
        return Double(c.seconds) + Double(c.attoseconds) * 1e-18
    }
}

func median(_ xs: [Double]) -> Double {
    let s = xs.sorted()
    let n = s.count
    return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2
}

/// Keeps benchmarked results observable so the optimiser cannot drop the work.
nonisolated(unsafe) var sink = 0

func ms(_ seconds: Double) -> String { String(format: "%.3f", seconds * 1e3) }
func fixed(_ x: Double, _ digits: Int = 3) -> String { String(format: "%.\(digits)f", x) }
func pad(_ s: String, _ width: Int) -> String {
    s.count >= width ? s : s + String(repeating: " ", count: width - s.count)
}
func lpad(_ s: String, _ width: Int) -> String {
    s.count >= width ? s : String(repeating: " ", count: width - s.count) + s
}

// MARK: - JSON lines

enum JSONField {
    case string(String)
    case int(Int)
    case double(Double, Int)  // value, decimals

    var encoded: String {
        switch self {
        case .string(let s):
            var out = "\""
            for scalar in s.unicodeScalars {
                switch scalar {
                case "\"": out += "\\\""
                case "\\": out += "\\\\"
                case "\n": out += "\\n"
                case "\t": out += "\\t"
                default:
                    if scalar.value < 0x20 {
                        out += String(format: "\\u%04x", scalar.value)
                    } else {
                        out.unicodeScalars.append(scalar)
                    }
                }
            }
            return out + "\""
        case .int(let i): return String(i)
        case .double(let d, let decimals): return String(format: "%.\(decimals)f", d)
        }
    }
}

nonisolated(unsafe) var jsonLines: [String] = []
func record(_ fields: KeyValuePairs<String, JSONField>) {
    jsonLines.append("{" + fields.map { "\"\($0.key)\":\($0.value.encoded)" }.joined(separator: ",") + "}")
}

// MARK: - Setup

let options = Options.parse(Array(CommandLine.arguments.dropFirst()))
let corpus = URL(fileURLWithPath: options.corpus)

func readCorpus(_ name: String) -> String {
    let url = corpus.appendingPathComponent(name)
    guard let data = FileManager.default.contents(atPath: url.path),
        let text = String(data: data, encoding: .utf8)
    else { fail("cannot read \(url.path) (pass --corpus PATH)") }
    return text
}

print("GraphQLSwift/GraphQL 4.3.0 baseline")
print("corpus: \(corpus.standardizedFileURL.path)")
print("cores: \(ProcessInfo.processInfo.activeProcessorCount)")
#if DEBUG
print("WARNING: debug build; use `swift build -c release` for meaningful numbers")
#endif
print("")

// MARK: - Parse throughput

if options.sections.contains("parse") {
    print("Parse throughput (MB = 10^6 bytes; MB/s = bytes / median per-iteration time over \(options.parseRounds) rounds of >= \(fixed(options.roundSeconds, 1)) s)")
    print(pad("document", 22) + lpad("bytes", 9) + lpad("MB/s", 9) + lpad("best MB/s", 11) + lpad("median ms", 12) + lpad("iters/round", 13))

    for name in ["kitchen-sink.graphql", "large.graphql", "deep.graphql", "wide.graphql"] {
        let text = readCorpus(name)
        let bytes = text.utf8.count
        do {
            _ = try GraphQL.parse(source: text)
        } catch {
            fail("\(name) does not parse: \(error)")
        }

        // Warm-up: at least 3 iterations and 0.3 s.
        let warmupStart = clock.now
        var warmupIterations = 0
        while warmupIterations < 3 || (clock.now - warmupStart).seconds < 0.3 {
            sink &+= try GraphQL.parse(source: text).definitions.count
            warmupIterations += 1
        }

        var perIteration: [Double] = []
        var iterationsPerRound: [Int] = []
        for _ in 0..<options.parseRounds {
            let start = clock.now
            var iterations = 0
            var elapsed = 0.0
            repeat {
                sink &+= try GraphQL.parse(source: text).definitions.count
                iterations += 1
                elapsed = (clock.now - start).seconds
            } while elapsed < options.roundSeconds
            perIteration.append(elapsed / Double(iterations))
            iterationsPerRound.append(iterations)
        }

        let medianTime = median(perIteration)
        let bestTime = perIteration.min()!
        let mbps = Double(bytes) / medianTime / 1e6
        let bestMbps = Double(bytes) / bestTime / 1e6
        print(
            pad(name, 22) + lpad(String(bytes), 9) + lpad(fixed(mbps), 9) + lpad(fixed(bestMbps), 11)
                + lpad(ms(medianTime), 12) + lpad(String(iterationsPerRound.min()!), 13)
        )
        record([
            "bench": .string("parse"), "impl": .string("GraphQLSwift 4.3.0"), "doc": .string(name),
            "bytes": .int(bytes), "mbps": .double(mbps, 3), "best_mbps": .double(bestMbps, 3),
            "median_ms": .double(medianTime * 1e3, 4), "rounds": .int(options.parseRounds),
            "min_iterations_per_round": .int(iterationsPerRound.min()!),
        ])
    }
    print("")
}

// MARK: - Validation

if options.sections.contains("validate") {
    let sdl = readCorpus("bench.graphql")
    let schema: GraphQLSchema
    do {
        schema = try buildSchema(source: sdl)
    } catch {
        fail("buildSchema(bench.graphql) failed: \(error)")
    }

    let runs = options.validateRuns
    print("Validation against buildSchema(bench.graphql), specifiedRules (median of \(runs) runs after \(min(options.warmupRuns, 2)) warm-up)")
    print(pad("document", 22) + lpad("median ms", 12) + lpad("min ms", 12) + lpad("errors", 8))

    for name in ["large.graphql", "deep.graphql", "wide.graphql"] {
        let document = try GraphQL.parse(source: readCorpus(name))
        let errors = validate(schema: schema, ast: document)
        for _ in 0..<min(options.warmupRuns, 2) {
            sink &+= validate(schema: schema, ast: document).count
        }
        var times: [Double] = []
        for _ in 0..<runs {
            let start = clock.now
            sink &+= validate(schema: schema, ast: document).count
            times.append((clock.now - start).seconds)
        }
        let medianTime = median(times)
        print(pad(name, 22) + lpad(ms(medianTime), 12) + lpad(ms(times.min()!), 12) + lpad(String(errors.count), 8))
        for error in errors.prefix(3) {
            print("    error: \(error.message)")
        }
        record([
            "bench": .string("validate"), "impl": .string("GraphQLSwift 4.3.0"), "doc": .string(name),
            "median_ms": .double(medianTime * 1e3, 3), "min_ms": .double(times.min()! * 1e3, 3),
            "runs": .int(runs), "errors": .int(errors.count),
        ])
    }
    print("")
}

// MARK: - Execution

/// FNV-1a over the result bytes: a cheap fingerprint to compare results across implementations.
func fnv1a(_ data: Data) -> String {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in data {
        hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
    }
    return String(hash, radix: 16)
}

if options.sections.contains("execute") {
    let data = Dataset()
    let schema = try BenchSchema.make(data: data)
    if let mismatch = try BenchSchema.mismatch(schema, sdl: readCorpus("bench.graphql")) {
        print("WARNING: the code-built schema does not print like bench.graphql")
        print("--- code schema ---\n\(mismatch.code)\n--- bench.graphql ---\n\(mismatch.sdl)")
    }
    let schemaErrors = validateSchema(schema: schema)
    if !schemaErrors.isEmpty { fail("invalid schema: \(schemaErrors)") }

    let encoder = GraphQLJSONEncoder()
    let runs = options.executeRuns
    let warmup = options.warmupRuns
    print("Execution over the in-memory dataset (\(data.users.count) users, \(data.projects.count) projects, \(data.tasks.count) tasks); median of \(runs) runs after \(warmup) warm-up")
    print("  full = parse + validate (specifiedRules) + execute; execute = execute(pre-parsed document); encode = GraphQLJSONEncoder")
    print(pad("query", 8) + lpad("full ms", 11) + lpad("execute ms", 12) + lpad("encode ms", 11) + lpad("min full", 10) + lpad("min exec", 10) + lpad("result B", 10) + "  fnv1a")

    if let directory = options.dumpDirectory {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    }

    for q in 1...5 {
        let name = "q\(q)"
        let text = readCorpus("queries/\(name).graphql")
        let document = try GraphQL.parse(source: text)
        let validationErrors = validate(schema: schema, ast: document)
        if !validationErrors.isEmpty { fail("\(name) is invalid: \(validationErrors)") }

        // The reference result: no errors allowed.
        let reference = try await execute(schema: schema, documentAST: document, rootValue: (), context: ())
        if !reference.errors.isEmpty { fail("\(name) returned errors: \(reference.errors)") }
        let json = try encoder.encode(reference)
        if let directory = options.dumpDirectory {
            try json.write(to: URL(fileURLWithPath: directory).appendingPathComponent("\(name).json"))
        }

        @Sendable func full() async throws -> GraphQLResult {
            let document = try GraphQL.parse(source: text)
            let errors = validate(schema: schema, ast: document)
            guard errors.isEmpty else { return GraphQLResult(errors: errors) }
            return try await execute(schema: schema, documentAST: document, rootValue: (), context: ())
        }

        for _ in 0..<warmup {
            sink &+= try await full().errors.count
        }
        var fullTimes: [Double] = []
        for _ in 0..<runs {
            let start = clock.now
            let result = try await full()
            fullTimes.append((clock.now - start).seconds)
            sink &+= result.errors.count
        }

        for _ in 0..<warmup {
            sink &+= try await execute(schema: schema, documentAST: document, rootValue: (), context: ()).errors.count
        }
        var executeTimes: [Double] = []
        for _ in 0..<runs {
            let start = clock.now
            let result = try await execute(schema: schema, documentAST: document, rootValue: (), context: ())
            executeTimes.append((clock.now - start).seconds)
            sink &+= result.errors.count
        }

        var encodeTimes: [Double] = []
        for _ in 0..<max(5, runs / 2) {
            let start = clock.now
            let bytes = try encoder.encode(reference)
            encodeTimes.append((clock.now - start).seconds)
            sink &+= bytes.count
        }

        let fullMedian = median(fullTimes)
        let executeMedian = median(executeTimes)
        let encodeMedian = median(encodeTimes)
        let hash = fnv1a(json)
        print(
            pad(name, 8) + lpad(ms(fullMedian), 11) + lpad(ms(executeMedian), 12) + lpad(ms(encodeMedian), 11)
                + lpad(ms(fullTimes.min()!), 10) + lpad(ms(executeTimes.min()!), 10) + lpad(String(json.count), 10)
                + "  " + hash
        )
        record([
            "bench": .string("execute"), "impl": .string("GraphQLSwift 4.3.0"), "query": .string(name),
            "full_ms": .double(fullMedian * 1e3, 3), "execute_ms": .double(executeMedian * 1e3, 3),
            "encode_ms": .double(encodeMedian * 1e3, 3), "min_full_ms": .double(fullTimes.min()! * 1e3, 3),
            "min_execute_ms": .double(executeTimes.min()! * 1e3, 3), "runs": .int(runs),
            "result_bytes": .int(json.count), "result_fnv1a": .string(hash),
        ])
        if q == 3 {
            print("    q3 sanity: JSON result is \(json.count) bytes; starts \(String(decoding: json.prefix(120), as: UTF8.self))…")
        }
    }
    print("")
}

// MARK: - Machine-readable output

print("JSON lines:")
for line in jsonLines { print(line) }
if let path = options.jsonPath {
    try (jsonLines.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
}
if sink == Int.min { print("") }  // keep `sink` alive
