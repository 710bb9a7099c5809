import Foundation
import StrataExecution
import StrataModel
import StrataStorage

/// q1–q5 on the memory adapter at benchmark scale, in two modes:
/// - `full`: parse + validate + execute + JSON serialization (the document cache is off);
/// - `cached`: a repeated request as a server sees it: the document cache skips parse and validation, the rest
///   (execution and serialization into the response bytes) runs every time.
/// GraphQLSwift's `full` and `execute` columns exclude JSON encoding; ours include it.
enum ExecuteBenchmark {
    static func run(options: Options, fixture: Fixture) async throws {
        let adapter = MemoryAdapter(model: fixture.model.storage)
        let loadSeconds = try await fixture.load(into: adapter)
        let cached = fixture.executor(adapter)
        let uncached = fixture.executor(adapter, cacheDocuments: false)
        if let directory = options.dumpDirectory {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        }

        print("Execution on the memory adapter, benchmark scale (loaded in \(fixed(loadSeconds, 2)) s); median of \(options.executeRuns) runs after \(options.warmupRuns) warm-up")
        print("  full = parse + validate + execute + JSON; cached = execute + JSON (document cache hit)")
        print(pad("query", 8) + lpad("full ms", 11) + lpad("cached ms", 11) + lpad("min full", 10) + lpad("min cached", 12) + lpad("statements", 12) + lpad("result B", 10) + "  fnv1a")
        for query in BenchQueries.all where options.queries.contains(query.name) {
            let body = await cached.checkedBody(query)
            if let directory = options.dumpDirectory {
                try Data(body).write(to: URL(fileURLWithPath: directory).appendingPathComponent("\(query.name).json"))
            }
            let statements = await cached.statementCount(query)
            let request = GraphQLRequest(query: query.text)
            let full = await measure(runs: options.executeRuns, warmup: options.warmupRuns) {
                await uncached.execute(request).body.count
            }
            let hit = await measure(runs: options.executeRuns, warmup: options.warmupRuns) {
                await cached.execute(request).body.count
            }
            let hash = fnv1a(body)
            print(
                pad(query.name, 8) + lpad(ms(full.median), 11) + lpad(ms(hit.median), 11) + lpad(ms(full.min), 10)
                    + lpad(ms(hit.min), 12) + lpad(String(statements), 12) + lpad(String(body.count), 10) + "  " + hash)
            record([
                "bench": .string("execute"), "impl": .string(implementation), "backend": .string("memory"),
                "query": .string(query.name), "full_ms": .double(full.median * 1e3, 4),
                "execute_ms": .double(hit.median * 1e3, 4), "min_full_ms": .double(full.min * 1e3, 4),
                "min_execute_ms": .double(hit.min * 1e3, 4), "runs": .int(options.executeRuns),
                "statements": .int(statements), "result_bytes": .int(body.count), "result_fnv1a": .string(hash),
            ])
        }
        print("")
        await adapter.close()
    }

    /// Executes each selected query `count` times (document cache hit), checked once, timing nothing. Called from
    /// `main` through `runBlocking`, so the process can run under `valgrind --tool=callgrind`: its instructions minus
    /// those of a run with `count` 1 are `count - 1` executions'.
    static func runUntimed(_ count: Int, options: Options, fixture: Fixture) async throws {
        let adapter = MemoryAdapter(model: fixture.model.storage)
        _ = try await fixture.load(into: adapter)
        let executor = fixture.executor(adapter)
        for query in BenchQueries.all where options.queries.contains(query.name) {
            _ = await executor.checkedBody(query)
            let request = GraphQLRequest(query: query.text)
            for _ in 1..<count { sink &+= await executor.execute(request).body.count }
            print("\(query.name): executed \(count) times")
        }
        await adapter.close()
    }
}
