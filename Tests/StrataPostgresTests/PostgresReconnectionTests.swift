import StrataStorage
import Testing

@testable import StrataPostgres

@Suite("PostgreSQL server restarts", .enabled(if: PostgresScratchCluster.isAvailable))
struct PostgresReconnectionTests {
    @Test("while the server is down requests fail promptly and clearly; afterwards the same adapter recovers")
    func restart() async throws {
        let cluster = try PostgresScratchCluster()
        defer { cluster.destroy() }
        let adapter = try await PostgresAdapter(
            url: cluster.url, schema: "restart", model: PostgresTestModel.model, connectTimeout: .seconds(2),
            statementTimeout: .seconds(5))
        try await adapter.migrate()
        try await adapter.transaction { tx in _ = try await tx.insert("Item", values: PostgresTestModel.item(1)) }
        let request = LookupRequest(entity: "Item", column: "id", keys: [.string(PostgresTestModel.id(1))])
        #expect(try await adapter.lookup(request).count == 1)

        try cluster.stop()
        for _ in 0..<2 {
            let start = ContinuousClock.now
            do {
                _ = try await adapter.lookup(request)
                Issue.record("a request succeeded while the server was stopped")
            } catch {
                #expect([.connectionLost, .connectionFailed].contains(error.code), "\(error.debugDescription)")
                #expect(error.message.contains("unavailable"))
            }
            #expect(ContinuousClock.now - start < .seconds(4))
        }
        await expectStorageError(.connectionFailed) {
            try await adapter.transaction { tx in _ = try await tx.insert("Item", values: PostgresTestModel.item(2)) }
        }

        try cluster.start()
        #expect(try await adapter.lookup(request).count == 1)
        try await adapter.transaction { tx in _ = try await tx.insert("Item", values: PostgresTestModel.item(2)) }
        #expect(try await adapter.list(ListRequest(entity: "Item", includeTotalCount: true)).totalCount == 2)
        await adapter.close()
    }
}
