import Foundation
import StrataExecution
import StrataModel
import StrataPostgres
import StrataSQLite
import StrataStorage

/// q1–q5 on SQLite or PostgreSQL at benchmark scale, three ways:
/// - `loaders`: Strata as configured by default (batched loading, `maxBatchSize` 1,000);
/// - `no-loaders`: `maxBatchSize: 1`, so every parent key becomes its own statement (the N+1 pattern);
/// - `floor`: the same rows through hand-written SQL on the adapter's raw API (`FloorQueries`).
/// Strata's times include execution and JSON serialization (documents cached); the floor's do not.
/// Loaders and floor are timed in turns (`measureInTurns`), so load on the shared machine falls on both.
/// `stmt ms` and `floor stmt` are the medians of the time the adapter measured around the statements of one
/// run (on its thread pool: executing and decoding, without the hops), Strata with loaders and the floor, in
/// turns after the timed runs — what separates SQL time from everything around it.
enum SQLBenchmark {
    /// The statement time the adapters recorded during `body`.
    static func statementSeconds(_ body: () async throws -> Void) async rethrows -> Double {
        let recorder = StatementRecorder()
        try await StatementRecorder.$current.withValue(recorder) { try await body() }
        return Double(recorder.snapshot.values.reduce(0) { $0 + $1.nanoseconds }) / 1e9
    }

    static func runSQLite(options: Options, fixture: Fixture) async throws {
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: options.sqlitePath + suffix) }
        let adapter = try await SQLiteAdapter(
            path: options.sqlitePath, model: fixture.model.storage, readers: options.sqliteReaders)
        try await adapter.migrate()
        let loadSeconds = try await fixture.load(into: adapter)
        print("SQLite (\(options.sqlitePath), WAL, \(options.sqliteReaders) reader connections), benchmark scale loaded in \(fixed(loadSeconds, 2)) s")
        try await run(backend: "sqlite", options: options, fixture: fixture, adapter: adapter, raw: SQLiteRaw(adapter: adapter))
        await adapter.close()
    }

    /// Runs each query `count` times per mode (loaders, floor; `--sql-modes`) on a freshly loaded SQLite database
    /// and times nothing: under callgrind, `--sql-count N` minus `--sql-count 2` is the instructions of N − 2 runs
    /// of each, the statements and the thread pool's hand-offs included (the noise-free view of what Strata adds).
    static func runUntimedSQLite(_ count: Int, options: Options, fixture: Fixture) async throws {
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: options.sqlitePath + suffix) }
        let adapter = try await SQLiteAdapter(
            path: options.sqlitePath, model: fixture.model.storage, readers: options.sqliteReaders)
        try await adapter.migrate()
        _ = try await fixture.load(into: adapter)
        let raw = SQLiteRaw(adapter: adapter)
        let executor = fixture.executor(adapter)
        for query in BenchQueries.all where options.queries.contains(query.name) {
            let request = GraphQLRequest(query: query.text)
            if options.sqlModes.contains("loaders") {
                _ = await executor.checkedBody(query)
                for _ in 1..<count { sink &+= await executor.execute(request).body.count }
            }
            if options.sqlModes.contains("floor") {
                for _ in 0..<count { sink &+= try await FloorQueries.run(query.name, on: raw) }
            }
            print("\(query.name): ran \(count) times (\(options.sqlModes.sorted().joined(separator: ", ")))")
        }
        await adapter.close()
    }

    static func runPostgres(options: Options, fixture: Fixture) async throws {
        guard let url = options.postgresURL, !url.isEmpty else {
            print("PostgreSQL: skipped (no --postgres-url and STRATA_TEST_POSTGRES_URL is unset)\n")
            return
        }
        let schema = "strata_bench_\(ProcessInfo.processInfo.processIdentifier)"
        let adapter = try await PostgresAdapter(
            configuration: PostgresConfiguration(url: url, schema: schema, dropsSchemaOnClose: true),
            model: fixture.model.storage)
        try await adapter.migrate()
        let loadSeconds = try await fixture.load(into: adapter)
        _ = try await adapter.execute(rawSQL: "ANALYZE")
        print("PostgreSQL (schema \(schema), 4 pooled connections), benchmark scale loaded in \(fixed(loadSeconds, 2)) s")
        try await run(backend: "postgres", options: options, fixture: fixture, adapter: adapter, raw: PostgresRaw(adapter: adapter))
        await adapter.close()
    }

    private static func run(
        backend: String, options: Options, fixture: Fixture, adapter: any StorageAdapter, raw: some RawSQL
    ) async throws {
        let loaders = fixture.executor(adapter)
        let perParent = fixture.executor(adapter, maxBatchSize: 1)
        print("  median of \(options.sqlRuns) runs after \(options.warmupRuns) warm-up; ms (statements)")
        print(pad("query", 8) + lpad("loaders", 18) + lpad("no-loaders", 20) + lpad("floor", 16) + lpad("loaders/floor", 15) + lpad("min loaders", 13) + lpad("min floor", 11) + lpad("stmt ms", 9) + lpad("floor stmt", 12))
        for query in BenchQueries.all where options.queries.contains(query.name) {
            _ = await loaders.checkedBody(query)
            _ = await perParent.checkedBody(query)
            let request = GraphQLRequest(query: query.text)
            let loaderStatements = await loaders.statementCount(query)
            let perParentStatements = await perParent.statementCount(query)
            let modes = options.sqlModes
            // Loaders and floor in turns (the ratio the targets are about); the slow per-parent mode on its own,
            // so its hundreds of statements do not sit between them.
            let paired = try await measureInTurns(
                runs: options.sqlRuns, warmup: options.warmupRuns,
                [
                    modes.contains("loaders") ? { await loaders.execute(request).body.count } : nil,
                    modes.contains("floor") ? { try await FloorQueries.run(query.name, on: raw) } : nil,
                ])
            let alone = try await measureInTurns(
                runs: options.sqlRuns, warmup: options.warmupRuns,
                [modes.contains("no-loaders") ? { await perParent.execute(request).body.count } : nil])
            let (on, off, floor) = (paired[0], alone[0], paired[1])
            var loaderSQL: [Double] = []
            var floorSQL: [Double] = []
            if modes.contains("loaders") && modes.contains("floor") {
                for _ in 0..<options.sqlRuns {
                    loaderSQL.append(await statementSeconds { _ = await loaders.execute(request) })
                    floorSQL.append(try await statementSeconds { _ = try await FloorQueries.run(query.name, on: raw) })
                }
            }
            let loaderSQLSeconds = median(loaderSQL)
            let floorSQLSeconds = median(floorSQL)
            let floorStatements = FloorQueries.statements(query.name)
            print(
                pad(query.name, 8) + lpad("\(ms(on.median)) (\(loaderStatements))", 18)
                    + lpad("\(ms(off.median)) (\(perParentStatements))", 20)
                    + lpad("\(ms(floor.median)) (\(floorStatements))", 16)
                    + lpad(fixed(on.median / floor.median, 2) + "x", 15) + lpad(ms(on.min), 13) + lpad(ms(floor.min), 11)
                    + lpad(ms(loaderSQLSeconds), 9) + lpad(ms(floorSQLSeconds), 12))
            record([
                "bench": .string("sql"), "impl": .string(implementation), "backend": .string(backend),
                "query": .string(query.name), "loaders_ms": .double(on.median * 1e3, 4),
                "no_loaders_ms": .double(off.median * 1e3, 4), "floor_ms": .double(floor.median * 1e3, 4),
                "min_loaders_ms": .double(on.min * 1e3, 4), "min_no_loaders_ms": .double(off.min * 1e3, 4),
                "min_floor_ms": .double(floor.min * 1e3, 4),
                "loaders_statement_ms": .double(loaderSQLSeconds * 1e3, 4),
                "floor_statement_ms": .double(floorSQLSeconds * 1e3, 4), "loaders_statements": .int(loaderStatements),
                "no_loaders_statements": .int(perParentStatements), "floor_statements": .int(floorStatements),
                "runs": .int(options.sqlRuns),
            ])
        }
        print("")
    }

    private static func median(_ values: [Double]) -> Double {
        values.isEmpty ? 0 : values.sorted()[values.count / 2]
    }
}
