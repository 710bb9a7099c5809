import StrataServer
import StrataTesting

/// A small schema and fixture set for the HTTP tests: two authors, three books.
enum TestSchema {
    static let sdl = """
        scalar DateTime

        type Author @table(name: "authors") {
          id: ID! @key
          name: String!
          createdAt: DateTime! @createdAt
          books: [Book!]! @hasMany(foreignKey: "authorId")
        }

        type Book @table(name: "books") {
          id: ID! @key
          title: String!
          pages: Int!
          authorId: ID!
          author: Author! @belongsTo(field: "authorId")
        }

        type Query
        type Mutation
        """

    static let ada = "00000000-0000-4000-8000-000000000001"
    static let brian = "00000000-0000-4000-8000-000000000002"

    static let fixtures: [String: [[String: JSONValue]]] = [
        "Author": [
            ["id": .string(ada), "name": .string("Ada")],
            ["id": .string(brian), "name": .string("Brian")],
        ],
        "Book": [
            ["id": .string("00000000-0000-4000-8000-00000000000a"), "title": .string("Engines"), "pages": .int(120), "authorId": .string(ada)],
            ["id": .string("00000000-0000-4000-8000-00000000000b"), "title": .string("Notes"), "pages": .int(80), "authorId": .string(ada)],
            ["id": .string("00000000-0000-4000-8000-00000000000c"), "title": .string("C"), "pages": .int(270), "authorId": .string(brian)],
        ],
    ]

    /// A fresh app with the fixtures; the caller shuts it down.
    static func app(maxBodyBytes: Int = 1 << 20, cors: CORSPolicy = StrataConfig.defaultCORS) async throws -> StrataTestApp {
        try await StrataTestApp(schema: sdl, fixtures: fixtures, maxBodyBytes: maxBodyBytes, cors: cors)
    }

    /// Runs `body` against a fresh app and shuts it down afterwards.
    static func withApp<T: Sendable>(
        maxBodyBytes: Int = 1 << 20, cors: CORSPolicy = StrataConfig.defaultCORS,
        _ body: (StrataTestApp) async throws -> T
    ) async throws -> T {
        let app = try await app(maxBodyBytes: maxBodyBytes, cors: cors)
        do {
            let value = try await body(app)
            await app.shutdown()
            return value
        } catch {
            await app.shutdown()
            throw error
        }
    }
}
