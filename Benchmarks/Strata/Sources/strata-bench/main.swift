// strata-bench: parse, validation and execution timings for Strata over the shared corpus
// (/work/shared/bench) and the default schema at benchmark scale, on the memory adapter, SQLite and PostgreSQL
// (with a hand-written SQL floor). Prints a table per section, then one JSON object per measurement (lines
// starting with `{`), in the format of baseline-bench. `strata-bench compare FILE...` prints the comparison
// table of several JSON-line files (Benchmarks/run.sh uses it). `strata-bench --help` lists the options.

import Foundation

let arguments = Array(CommandLine.arguments.dropFirst())
if arguments.first == "compare" {
    Compare.run(files: Array(arguments.dropFirst()))
    exit(0)
}

let options = Options.parse(arguments)
print("Strata benchmarks")
print("corpus: \(options.corpus)")
print("schema: \(options.schema)")
print("cores: \(ProcessInfo.processInfo.activeProcessorCount)")
#if DEBUG
    print("WARNING: debug build; use `swift build -c release` for meaningful numbers")
#endif
print("")

if options.sections.contains("parse") { try ParseBenchmark.run(options: options) }
if options.sections.contains("validate") {
    if let count = options.validateCount {
        try ValidateBenchmark.validateUntimed(count, options: options)
    } else {
        try await ValidateBenchmark.run(options: options)
    }
}
if let count = options.executeCount {
    runBlocking { try await ExecuteBenchmark.runUntimed(count, options: options, fixture: Fixture(schemaPath: options.schema)) }
    exit(0)
}
if let count = options.sqlCount {
    runBlocking { try await SQLBenchmark.runUntimedSQLite(count, options: options, fixture: Fixture(schemaPath: options.schema)) }
    exit(0)
}
let needsModel = !options.sections.isDisjoint(with: ["execute", "sqlite", "postgres"])
if needsModel {
    let fixture = Fixture(schemaPath: options.schema)
    if options.sections.contains("execute") { try await ExecuteBenchmark.run(options: options, fixture: fixture) }
    if options.sections.contains("sqlite") { try await SQLBenchmark.runSQLite(options: options, fixture: fixture) }
    if options.sections.contains("postgres") { try await SQLBenchmark.runPostgres(options: options, fixture: fixture) }
}

print("JSON lines:")
for line in jsonLines { print(line) }
if let path = options.jsonPath {
    try (jsonLines.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
}
if sink == Int.min { print("") }
