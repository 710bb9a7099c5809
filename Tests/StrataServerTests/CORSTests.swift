import HTTPTypes
import StrataServer
import StrataTesting
import Testing

@Suite("CORS")
struct CORSTests {
    static let origin = "https://app.example.com"

    @Test("the policy reads *, none and lists of origins, and refuses what is not an origin")
    func parsing() {
        #expect(CORSPolicy(list: ["*"]) == .anyOrigin)
        #expect(CORSPolicy(list: [" none "]) == .disabled)
        #expect(CORSPolicy(list: [""]) == .disabled)
        #expect(CORSPolicy(list: ["https://A.example", " http://localhost:3000"]) == .origins(["https://a.example", "http://localhost:3000"]))
        #expect(CORSPolicy(list: ["a.example"]) == nil)
        #expect(CORSPolicy(list: ["https://a.example/graphql"]) == nil)
        #expect(CORSPolicy(list: ["*", "https://a.example"]) == nil)
    }

    @Test("by default any origin may read responses; a request without Origin gets no CORS header")
    func anyOrigin() async throws {
        try await TestSchema.withApp { app in
            try await app.test { client in
                let cross = try await client.post("{ authors { name } }", headers: ["Origin": Self.origin])
                #expect(cross.status == 200)
                #expect(cross.header("Access-Control-Allow-Origin") == "*")
                #expect(cross.header("Access-Control-Allow-Credentials") == nil)
                let sameOrigin = try await client.post("{ authors { name } }")
                #expect(sameOrigin.header("Access-Control-Allow-Origin") == nil)
                // Error responses carry it too, or the browser would hide the error from the client.
                let refused = try await client.post("{ nope }", headers: ["Origin": Self.origin])
                #expect(refused.status == 400)
                #expect(refused.header("Access-Control-Allow-Origin") == "*")
            }
        }
    }

    @Test("a preflight gets 204 with the methods, the headers asked for and a max age")
    func preflight() async throws {
        try await TestSchema.withApp { app in
            try await app.test { client in
                let response = try await client.request(
                    .options, "/graphql",
                    headers: [
                        "Origin": Self.origin, "Access-Control-Request-Method": "POST",
                        "Access-Control-Request-Headers": "content-type, x-strata-actor",
                    ])
                #expect(response.status == 204)
                #expect(response.header("Access-Control-Allow-Origin") == "*")
                #expect(response.header("Access-Control-Allow-Methods") == "GET, HEAD, POST, OPTIONS")
                #expect(response.header("Access-Control-Allow-Headers") == "content-type, x-strata-actor")
                #expect(response.header("Access-Control-Max-Age") == "86400")
                #expect(response.body.isEmpty)
                let plain = try await client.request(.options, "/graphql")
                #expect(plain.status == 204)
                #expect(plain.header("Allow") == "GET, HEAD, POST, OPTIONS")
                #expect(plain.header("Access-Control-Allow-Methods") == nil)
            }
        }
    }

    @Test("a list of origins echoes an allowed origin with Vary: Origin and leaves others out")
    func listedOrigins() async throws {
        try await TestSchema.withApp(cors: .origins([Self.origin])) { app in
            try await app.test { client in
                let allowed = try await client.post("{ authors { name } }", headers: ["Origin": Self.origin])
                #expect(allowed.header("Access-Control-Allow-Origin") == Self.origin)
                #expect(allowed.header("Vary") == "Origin")
                let other = try await client.post("{ authors { name } }", headers: ["Origin": "https://evil.example"])
                #expect(other.status == 200)
                #expect(other.header("Access-Control-Allow-Origin") == nil)
                #expect(other.header("Vary") == "Origin")
                let otherPreflight = try await client.request(
                    .options, "/graphql",
                    headers: ["Origin": "https://evil.example", "Access-Control-Request-Method": "POST"])
                #expect(otherPreflight.status == 204)
                #expect(otherPreflight.header("Access-Control-Allow-Origin") == nil)
                #expect(otherPreflight.header("Access-Control-Allow-Methods") == nil)
            }
        }
    }

    @Test("disabled, no response carries CORS headers")
    func disabled() async throws {
        try await TestSchema.withApp(cors: .disabled) { app in
            try await app.test { client in
                let response = try await client.post("{ authors { name } }", headers: ["Origin": Self.origin])
                #expect(response.status == 200)
                #expect(response.header("Access-Control-Allow-Origin") == nil)
                #expect(response.header("Vary") == nil)
            }
        }
    }
}
