import HTTPTypes
import Foundation
import StrataServer
import HummingbirdTesting
import StrataExecution
import StrataTesting
import Testing

@Suite("Live server")
struct LiveServerTests {
    @Test("a real server on a free port serves GraphQL and health over TCP")
    func endToEnd() async throws {
        try await TestSchema.withApp { app in
            try await app.test(.live) { client in
                let port = try #require(client.port)
                #expect(port > 0)
                let query = try await client.post("{ authors { name books { pages } } }")
                #expect(query.status == 200)
                #expect(query.text == #"{"data":{"authors":[{"name":"Ada","books":[{"pages":120},{"pages":80}]},{"name":"Brian","books":[{"pages":270}]}]}}"#)
                let health = try await client.request(.get, "/health")
                #expect(health.status == 200)
            }
        }
    }

    @Test("StrataRuntime.start serves the repository schema on a memory backend seeded with demo data")
    func runtimeFromConfig() async throws {
        let schema = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("schema.graphql").path
        let config = try StrataConfig.load(
            overrides: ConfigOverrides(schemaPath: schema, backend: "memory"), environment: [:])
        let runtime = try await StrataRuntime.start(config: config)
        let response = TestResponse(await runtime.execute(.init(query: "{ usersConnection(first: 1) { totalCount } }")))
        await runtime.shutdown()
        #expect(response.errors.isEmpty)
        let total = response.data?["usersConnection"]?["totalCount"]
        #expect(total == .int(20), "the small demo data set has 20 users")
    }
}
