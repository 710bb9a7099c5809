import Foundation
import HTTPTypes
@testable import StrataServer
import StrataTesting
import Testing

/// The query explorer: what a browser gets at `/graphql`, and that API clients never get it.
@Suite("Query explorer")
struct ExplorerPageTests {
    /// What Firefox and Chrome send when the address bar opens a page.
    static let browserAccept = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"

    @Test("a browser opening /graphql gets the explorer page, under a policy that allows only this origin")
    func browserGetsThePage() async throws {
        try await TestSchema.withApp { app in
            try await app.test { client in
                for path in ["/graphql", "/graphql/"] {
                    let page = try await client.request(.get, path, headers: ["Accept": Self.browserAccept])
                    #expect(page.status == 200)
                    #expect(page.header("Content-Type") == "text/html; charset=utf-8")
                    #expect(page.text.contains(#"<script src="/graphql/explorer.js"></script>"#))
                    let policy = try #require(page.header("Content-Security-Policy"))
                    #expect(policy.contains("script-src 'self'"))
                    #expect(policy.contains("connect-src 'self'"))
                    #expect(policy.contains("frame-ancestors 'none'"))
                    #expect(page.header("X-Content-Type-Options") == "nosniff")
                }
                let script = try await client.request(.get, "/graphql/explorer.js", headers: ["Accept": "*/*"])
                #expect(script.status == 200)
                #expect(script.header("Content-Type") == "text/javascript; charset=utf-8")
                #expect(script.text.contains("__schema"))
                // The script shows values as text only: no HTML is ever built from a response.
                #expect(!script.text.contains("innerHTML"))
                #expect(!script.text.contains("insertAdjacentHTML"))
                let head = try await client.request(.head, "/graphql", headers: ["Accept": Self.browserAccept])
                #expect(head.status == 200)  // (the HTTP server, not the router these tests call, drops HEAD bodies)
                #expect(head.header("Content-Type") == "text/html; charset=utf-8")
            }
        }
    }

    @Test("API clients keep the GraphQL-over-HTTP answers: a query runs, a missing query is a 400 in JSON",
        arguments: ["*/*", "application/json", "application/graphql-response+json", "text/html;q=0.5, application/json"])
    func apiClientsNeverGetThePage(_ accept: String) async throws {
        try await TestSchema.withApp { app in
            try await app.test { client in
                let missing = try await client.request(.get, "/graphql", headers: ["Accept": accept])
                #expect(missing.status == 400)
                #expect(missing.header("Content-Type")?.hasPrefix("application/") == true)
                #expect(missing.graphQL?.errors.isEmpty == false)
            }
        }
    }

    @Test("a browser sending a query gets the query's JSON, not the page")
    func browserWithQueryGetsJSON() async throws {
        try await TestSchema.withApp { app in
            try await app.test { client in
                let query = StrataTestClient.formEncode("{ authors { name } }")
                let response = try await client.request(
                    .get, "/graphql?query=\(query)", headers: ["Accept": Self.browserAccept])
                #expect(response.status == 200)
                #expect(response.text == #"{"data":{"authors":[{"name":"Ada"},{"name":"Brian"}]}}"#)
            }
        }
    }

    @Test("with the explorer off, a browser gets the 400 of a request without a query and the script is not found")
    func explorerOff() async throws {
        let app = try await StrataTestApp(schema: TestSchema.sdl, fixtures: TestSchema.fixtures, explorer: false)
        do {
            try await app.test { client in
                let page = try await client.request(.get, "/graphql", headers: ["Accept": Self.browserAccept])
                #expect(page.status == 400)
                #expect(page.header("Content-Type")?.hasPrefix("application/json") == true)
                let script = try await client.request(.get, "/graphql/explorer.js")
                #expect(script.status == 404)
            }
        } catch {
            await app.shutdown()
            throw error
        }
        await app.shutdown()
    }

    @Test("the explorer is on by default and turned off by the config file or STRATA_EXPLORER")
    func configuration() throws {
        #expect(try StrataConfig.load(environment: [:]).explorer)
        #expect(try !StrataConfig.load(environment: ["STRATA_EXPLORER": "false"]).explorer)
        #expect(try StrataConfig.load(environment: ["STRATA_EXPLORER": "TRUE"]).explorer)
        #expect(throws: ConfigError.self) { try StrataConfig.load(environment: ["STRATA_EXPLORER": "maybe"]) }
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("strata-explorer-\(UUID()).json").path
        try #"{"explorer": false}"#.write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(try !StrataConfig.load(environment: ["STRATA_CONFIG": path]).explorer)
        try #"{"explorer": "no"}"#.write(toFile: path, atomically: true, encoding: .utf8)
        #expect(throws: ConfigError.self) { try StrataConfig.load(environment: ["STRATA_CONFIG": path]) }
    }

    @Test("Accept decides: text/html must be named and at least as wanted as JSON named explicitly", arguments: [
        (Self.browserAccept, true), ("text/html", true), ("text/*", true), ("text/html, application/json", true),
        ("*/*", false), ("application/json", false), ("text/html;q=0.5, application/json", false),
        ("text/html;q=0", false), ("", false),
    ])
    func acceptDecides(_ accept: String, _ wanted: Bool) {
        #expect(ExplorerPage.isWanted(accept: accept) == wanted)
    }
}
