import Foundation
import StrataTesting
import Testing

@Suite("StrataTestApp")
struct StrataTestAppTests {
    @Test("fixtures are loaded through storage and served, with server-set fields filled in")
    func fixtures() async throws {
        let now: Int64 = 1_714_566_600_000_000  // 2024-05-01T12:30:00Z
        let app = try await StrataTestApp(schema: TestSchema.sdl, fixtures: TestSchema.fixtures, now: now)
        let response = await app.execute(
            "query($id: ID!) { author(id: $id) { name createdAt books { title } } }",
            variables: ["id": .string(TestSchema.ada)])
        await app.shutdown()
        #expect(response.errors.isEmpty)
        #expect(response.json == .object([JSONMember("data", .object([JSONMember("author", .object([
            JSONMember("name", .string("Ada")),
            JSONMember("createdAt", .string("2024-05-01T12:30:00Z")),
            JSONMember("books", .array([.object([JSONMember("title", .string("Engines"))]), .object([JSONMember("title", .string("Notes"))])])),
        ]))]))]))
    }

    @Test("fixtures that do not fit the schema are refused", arguments: [
        ["Nope": [["id": JSONValue.string("x")]]],
        ["Author": [["nickname": JSONValue.string("x")]]],
        ["Book": [["pages": JSONValue.string("many")]]],
    ] as [[String: [[String: JSONValue]]]])
    func badFixtures(_ fixtures: [String: [[String: JSONValue]]]) async {
        await #expect(throws: FixtureError.self) {
            _ = try await StrataTestApp(schema: TestSchema.sdl, fixtures: fixtures)
        }
    }

    @Test("execute passes variables, the operation name and the actor")
    func execute() async throws {
        try await TestSchema.withApp { app in
            let response = await app.execute(
                "query A { authors { name } } query B($first: Int) { books(first: $first) { title } }",
                variables: ["first": .int(1)], operationName: "B", actor: "tester")
            #expect(response.data == .object([JSONMember("books", .array([.object([JSONMember("title", .string("Engines"))])]))]))
            let unknown = await app.execute("{ nope }")
            #expect(unknown.errorCodes == ["GRAPHQL_VALIDATION_FAILED"])
            #expect(unknown.data == nil)
        }
    }

    @Test("withDefaultSchema serves the repository schema with the demo data")
    func defaultSchema() async throws {
        let app = try await StrataTestApp.withDefaultSchema()
        let response = await app.execute("{ usersConnection { totalCount } projects(first: 1) { name } }")
        await app.shutdown()
        #expect(response.errors.isEmpty)
        #expect(response.data?["usersConnection"]?["totalCount"] == .int(20))
    }

    @Test("the default cost limit refuses nested lists without first before any read, and lets a 5,000-row list through")
    func defaultCostLimit() async throws {
        let app = try await StrataTestApp.withDefaultSchema()
        let nested = await app.execute(
            "{ users { ownedProjects { tasks { assignee { name } } } } }", statements: true)
        let flat = await app.execute("{ tasks(first: 5000) { id title status project { name } } }")
        await app.shutdown()
        #expect(nested.errorCodes == ["QUERY_TOO_COMPLEX"])
        #expect(nested.data == nil)
        #expect(nested.statements == 0)
        #expect(flat.errors.isEmpty)
    }

    @Test("golden cases compare responses with recorded JSON")
    func golden() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("strata-golden-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try Data("query($n: Int) { books(first: $n) { title } }".utf8).write(to: directory.appendingPathComponent("first-book.graphql"))
        try Data(#"{"n": 1}"#.utf8).write(to: directory.appendingPathComponent("first-book.variables.json"))
        let cases = GoldenCases(directory: directory)
        #expect(try cases.names() == ["first-book"])
        try await TestSchema.withApp { app in
            let missing = try await app.run("first-book", in: cases)
            #expect(missing == .missingExpectation(path: directory.appendingPathComponent("first-book.json").path))
            try Data(#"{"data": {"books": [{"title": "Engines"}]}}"#.utf8).write(to: directory.appendingPathComponent("first-book.json"))
            #expect(try await app.run("first-book", in: cases) == .matched)
            try Data(#"{"data": {"books": [{"title": "Notes"}]}}"#.utf8).write(to: directory.appendingPathComponent("first-book.json"))
            let outcome = try await app.run("first-book", in: cases)
            #expect(!outcome.isSuccess)
        }
    }
}
