import HTTPTypes
import StrataServer
import StrataStorage
import StrataTesting
import Testing

@Suite("Health, statements and actor headers")
struct HealthAndHeadersTests {
    @Test("GET /health answers 200 {\"status\":\"ok\"} while every source answers")
    func healthy() async throws {
        try await TestSchema.withApp { app in
            try await app.test { client in
                let response = try await client.request(.get, "/health")
                #expect(response.status == 200)
                #expect(response.text == #"{"status":"ok"}"#)
                #expect(response.header("Content-Type") == "application/json; charset=utf-8")
            }
        }
    }

    @Test("GET /health answers 503 with the failing source once its database is closed")
    func unhealthy() async throws {
        let app = try await TestSchema.app()
        for adapter in app.runtime.adapters.values { await adapter.close() }
        try await app.test { client in
            let response = try await client.request(.get, "/health")
            #expect(response.status == 503)
            let json = try #require(response.json)
            #expect(json["status"] == .string("unavailable"))
            #expect(json["sources"]?["default"]?["status"] == .string("down"))
        }
        await app.shutdown()
    }

    @Test("X-Strata-Statements: true reports the statements run per source in extensions")
    func statementsHeader() async throws {
        try await TestSchema.withApp { app in
            try await app.test { client in
                let plain = try await client.post("{ authors { name books { title } } }")
                #expect(plain.json?["extensions"] == nil)
                let reported = try await client.post(
                    "{ authors { name books { title } } }", headers: ["X-Strata-Statements": "true"])
                let body = try #require(reported.graphQL)
                #expect(body.errors.isEmpty)
                // One statement for the authors, one batched statement for all their books.
                #expect(body.statements == 2)
                #expect(reported.json?["extensions"]?["statements"]?["default"]?["count"] == .int(2))
            }
        }
    }

    @Test("extensions.strataStatements: true in the request body also reports statements")
    func statementsExtension() async throws {
        try await TestSchema.withApp { app in
            try await app.test { client in
                let response = try await client.post(
                    "{ authors { name } }", extensions: .object([JSONMember("strataStatements", .bool(true))]))
                #expect(response.graphQL?.statements == 1)
            }
        }
    }

    @Test("the in-process API reports statements too")
    func statementsInProcess() async throws {
        try await TestSchema.withApp { app in
            let response = await app.execute("{ books { title author { name } } }", statements: true)
            #expect(response.errors.isEmpty)
            #expect(response.statements == 2)
        }
    }
}
