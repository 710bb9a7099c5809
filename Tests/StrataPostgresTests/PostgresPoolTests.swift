import StrataStorage
import Testing

@testable import StrataPostgres

@Suite("PostgreSQL connection pool", .enabled(if: PostgresTestServer.isAvailable))
struct PostgresPoolTests {
    @Test("requests beyond maxConnections wait for a free connection")
    func boundedWaits() async throws {
        try await PostgresTestServer.withAdapter(model: PostgresTestModel.model, maxConnections: 2) { adapter throws in
            let start = ContinuousClock.now
            try await withThrowingTaskGroup(of: Void.self) { group in
                for _ in 0..<3 {
                    group.addTask { _ = try await adapter.execute(rawSQL: "SELECT pg_sleep(0.4)") }
                }
                try await group.waitForAll()
            }
            // Two run at once, the third only after one of them finished.
            #expect(ContinuousClock.now - start >= .milliseconds(800))
            #expect(adapter.pool.connectionCount <= 2)
        }
    }

    @Test("a request that waits longer than the checkout timeout fails with a timeout")
    func checkoutTimeout() async throws {
        try await PostgresTestServer.withAdapter(
            model: PostgresTestModel.model, maxConnections: 1, checkoutTimeout: .milliseconds(200)
        ) { adapter throws in
            // The busy statement holds the only connection for 4 s; the waiter must give up long before (at 200 ms;
            // the bound leaves room for a loaded 2-core machine running the rest of the suite in parallel).
            let busy = Task { try await adapter.execute(rawSQL: "SELECT pg_sleep(4)") }
            try await Task.sleep(for: .milliseconds(100))
            let start = ContinuousClock.now
            await expectStorageError(.timeout) { _ = try await adapter.execute(rawSQL: "SELECT 1") }
            #expect(ContinuousClock.now - start < .milliseconds(3000))
            _ = try await busy.value
            #expect(try await adapter.execute(rawSQL: "SELECT 1::bigint") == [[.int(1)]])
        }
    }

    @Test("a statement over the statement timeout fails with a timeout and the adapter carries on")
    func statementTimeout() async throws {
        try await PostgresTestServer.withAdapter(
            // The timeout also covers the fixture's migration, so leave it room on a loaded machine.
            model: PostgresTestModel.model, maxConnections: 1, statementTimeout: .milliseconds(1500)
        ) { adapter throws in
            let start = ContinuousClock.now
            await expectStorageError(.timeout) { _ = try await adapter.execute(rawSQL: "SELECT pg_sleep(10)") }
            #expect(ContinuousClock.now - start < .seconds(5))
            #expect(try await adapter.execute(rawSQL: "SELECT 2::bigint") == [[.int(2)]])
        }
    }

    @Test("a cancelled request gives its connection back in a usable state")
    func cancellation() async throws {
        try await PostgresTestServer.withAdapter(model: PostgresTestModel.model, maxConnections: 1) { adapter throws in
            let slow = Task { try await adapter.execute(rawSQL: "SELECT pg_sleep(5)") }
            try await Task.sleep(for: .milliseconds(200))
            let start = ContinuousClock.now
            slow.cancel()
            _ = try? await slow.value
            #expect(ContinuousClock.now - start < .seconds(2))
            #expect(try await adapter.execute(rawSQL: "SELECT 3::bigint") == [[.int(3)]])
        }
    }
}
