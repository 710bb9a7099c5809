import Foundation
import StrataExecution
import StrataJSON
import StrataModel
import StrataPostgres
import StrataStorage
import Testing

/// A PostgreSQL outage seen through GraphQL: a clear SERVICE_UNAVAILABLE error within seconds, and the same
/// executor answering again once the server is back. Runs on a private cluster of its own, so stopping the server
/// cannot break the other PostgreSQL tests running in parallel.
@Suite(.serialized)
struct PostgresOutageTests {
    static let query = #"{ project(id: "d0000000-0000-4000-8000-000000000001") { name tasks(first: 1) { title } } }"#
    static let expected = #"{"data":{"project":{"name":"Apollo","tasks":[{"title":"Write report"}]}}}"#

    @Test("stopping PostgreSQL gives SERVICE_UNAVAILABLE within seconds, and the executor recovers after a restart",
        .timeLimit(.minutes(3)))
    func outageAndRecovery() async throws {
        guard ConformanceBackend.postgresURL != nil || ConformanceBackend.isCI else { return }
        let cluster: PrivatePostgresCluster
        do {
            cluster = try await PrivatePostgresCluster.start()
        } catch {
            Issue.record("cannot start a private PostgreSQL cluster: \(error)")
            return
        }
        do {
            try await exercise(cluster)
        } catch {
            Issue.record("outage test failed: \(error)")
        }
        await cluster.destroy()
    }

    private func exercise(_ cluster: PrivatePostgresCluster) async throws {
        let model = try ConformanceSchema.model()
        let adapter = try await PostgresAdapter(
            configuration: PostgresConfiguration(
                url: cluster.url, schema: "outage", maxConnections: 2, connectTimeout: .seconds(2),
                statementTimeout: .seconds(5)),
            model: model.storage)
        try await adapter.migrate()
        try await FixtureDataset.standard(model).load(into: adapter, model: model)
        let executor = Executor(model: model, storage: StorageRouter(single: adapter))
        func run() async -> JSONValue {
            let response = await executor.execute(
                GraphQLRequest(query: Self.query), context: RequestContext(now: ConformanceDatabase.now))
            return (try? JSONParser.parse(response.body)) ?? .string(response.bodyText)
        }

        #expect(await run() == (try JSONParser.parse(Self.expected)))

        #expect(try await cluster.stopServer(), "pg_ctl stop failed")
        for attempt in 1...2 {
            let started = ContinuousClock.now
            let down = await run()
            let elapsed = ContinuousClock.now - started
            #expect(elapsed < .seconds(10), "attempt \(attempt) took \(elapsed)")
            #expect(InjectionTests.codes(down) == ["SERVICE_UNAVAILABLE"], "attempt \(attempt): \(down.serialized())")
            #expect(down["data"]?["project"] == .null, "attempt \(attempt): \(down.serialized())")
        }

        #expect(try await cluster.startServer(), "pg_ctl start failed")
        let back = await run()
        #expect(back == (try JSONParser.parse(Self.expected)), "first request after restart: \(back.serialized())")
        let again = await run()
        #expect(again == (try JSONParser.parse(Self.expected)), "second request after restart: \(again.serialized())")
        await adapter.close()
    }
}
