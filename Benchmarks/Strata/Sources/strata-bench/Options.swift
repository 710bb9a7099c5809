import Foundation

/// Command-line options of `strata-bench`.
struct Options {
    var corpus: String
    var schema: String
    var parseRounds = 5
    var roundSeconds = 1.0
    /// When set, parse each document this many times and time nothing (for `perf stat`).
    var parseCount: Int?
    var validateCount: Int?
    /// When set, execute each memory query this many times (document cache hit) and time nothing.
    var executeCount: Int?
    /// When set, run each SQLite query this many times per mode of `sqlModes` (loaders, floor) and time nothing.
    var sqlCount: Int?
    var validateRuns = 201
    var executeRuns = 101
    var sqlRuns = 21
    var warmupRuns = 5
    var sections: Set<String> = ["parse", "validate", "execute", "sqlite"]
    var sqlitePath = "/tmp/strata-bench.sqlite"
    var sqliteReaders = 2
    var postgresURL: String? = ProcessInfo.processInfo.environment["STRATA_TEST_POSTGRES_URL"]
    var queries: Set<String> = ["q1", "q2", "q3", "q4", "q5"]
    var sqlModes: Set<String> = ["loaders", "no-loaders", "floor"]
    var dumpDirectory: String?
    var jsonPath: String?

    static let usage = """
        usage: strata-bench [options]
               strata-bench compare FILE...   (print the comparison table of JSON-line files; see Compare.swift)

          --corpus PATH          corpus directory (default: /work/shared/bench, found from the package path)
          --schema PATH          Strata schema (default: schema.graphql at the repository root)
          --rounds N             parse: timed rounds per document (default 5); MB/s uses the median round
          --round-seconds S      parse: minimum duration of one round (default 1.0)
          --parse-count N        parse: parse each document N times and time nothing, for instruction counts
                                 under `valgrind --tool=callgrind` (noise-free comparison of parser changes)
          --validate-runs N      validate: timed runs per document (default 201)
          --validate-count N     validate: validate each document N times and time nothing (instruction counts,
                                 as with --parse-count)
          --runs N               execute (memory): timed runs per query and mode (default 101)
          --execute-count N      execute (memory): run each query N times (document cache hit) and time nothing,
                                 for instruction counts under `SWIFT_DETERMINISTIC_HASHING=1 valgrind
                                 --tool=callgrind` (minus `--execute-count 2`: start-up and the checked run)
          --sql-count N          sqlite: run each query N times in each of --sql-modes (loaders, floor) and time
                                 nothing: instructions of Strata against the floor under callgrind, as with
                                 --execute-count (the database is loaded first: minus `--sql-count 2`)
          --sql-runs N           sqlite/postgres: timed runs per query and mode (default 21)
          --warmup N             untimed warm-up runs (default 5)
          --only LIST            comma-separated subset of parse,validate,execute,sqlite,postgres
                                 (default: parse,validate,execute,sqlite, plus postgres when
                                 STRATA_TEST_POSTGRES_URL is set)
          --queries LIST         execute/sqlite/postgres: comma-separated subset of q1,q2,q3,q4,q5 (e.g. to profile one)
          --sql-modes LIST       sqlite/postgres: subset of loaders,no-loaders,floor (default: all three; a
                                 profile of one mode runs only that one; the others print 0)
          --sqlite-path PATH     SQLite database file, recreated on every run (default /tmp/strata-bench.sqlite)
          --sqlite-readers N     SQLite reader connections (default 2, the adapter's default)
          --postgres-url URL     PostgreSQL URL (default $STRATA_TEST_POSTGRES_URL); a throwaway schema is used
          --dump-results DIR     write each memory query's JSON response to DIR/qN.json
          --json PATH            also write the JSON lines to PATH
        """

    static func parse(_ arguments: [String]) -> Options {
        let root = repositoryRoot()
        var options = Options(
            corpus: root.appendingPathComponent("../shared/bench").standardizedFileURL.path,
            schema: root.appendingPathComponent("schema.graphql").path)
        if options.postgresURL?.isEmpty == false { options.sections.insert("postgres") }
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
            case "--schema": options.schema = value(arg)
            case "--rounds": options.parseRounds = max(1, number(arg))
            case "--round-seconds": options.roundSeconds = number(arg)
            case "--parse-count": options.parseCount = max(1, number(arg))
            case "--validate-count": options.validateCount = max(1, number(arg))
            case "--validate-runs": options.validateRuns = max(1, number(arg))
            case "--execute-count": options.executeCount = max(1, number(arg))
            case "--sql-count": options.sqlCount = max(1, number(arg))
            case "--runs": options.executeRuns = max(1, number(arg))
            case "--sql-runs": options.sqlRuns = max(1, number(arg))
            case "--warmup": options.warmupRuns = max(0, number(arg))
            case "--only": options.sections = Set(value(arg).split(separator: ",").map(String.init))
            case "--queries": options.queries = Set(value(arg).split(separator: ",").map(String.init))
            case "--sql-modes": options.sqlModes = Set(value(arg).split(separator: ",").map(String.init))
            case "--sqlite-path": options.sqlitePath = value(arg)
            case "--sqlite-readers": options.sqliteReaders = max(1, Int(value(arg)) ?? 2)
            case "--postgres-url": options.postgresURL = value(arg)
            case "--dump-results": options.dumpDirectory = value(arg)
            case "--json": options.jsonPath = value(arg)
            case "-h", "--help":
                print(usage)
                exit(0)
            default: fail("unknown option \(arg)\n\(usage)")
            }
        }
        return options
    }

    /// The repository root (two levels above this package), found from this file's compile-time path.
    static func repositoryRoot() -> URL {
        URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent()  // strata-bench
            .deletingLastPathComponent()  // Sources
            .deletingLastPathComponent()  // Strata
            .deletingLastPathComponent()  // Benchmarks
            .deletingLastPathComponent()  // repository root
    }
}

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("strata-bench: \(message)\n".utf8))
    exit(1)
}

func readText(_ path: String) -> String {
    guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
        fail("cannot read \(path)")
    }
    return text
}
