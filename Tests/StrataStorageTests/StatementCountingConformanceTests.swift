import StrataStorage
import Testing

@Suite("Statement counting")
struct StatementCountingConformanceTests {
    func statements(_ body: () async throws -> Void) async throws -> Int {
        let recorder = StatementRecorder()
        try await StatementRecorder.$current.withValue(recorder) { try await body() }
        return recorder.snapshot["test"]?.statements ?? 0
    }

    @Test("each read request is one statement, whatever the number of keys or parents", arguments: AdapterKind.allCases)
    func reads(_ kind: AdapterKind) async throws {
        try await withLibrary(kind) { db throws in
            let authorKeys = (1...7).map { StorageValue.string(LibraryFixtures.author($0)) }
            #expect(try await statements { _ = try await db.lookup(LookupRequest(entity: "Author", column: "id", keys: authorKeys)) } == 1)
            #expect(
                try await statements {
                    _ = try await db.list(ListRequest(entity: "Book", filter: .isNull("isbn"), orderBy: [SortKey("id")], limit: 2, includeTotalCount: true))
                } == 1)
            #expect(
                try await statements {
                    _ = try await db.related(
                        RelatedRequest(entity: "Book", foreignKey: "author_id", parentKeys: authorKeys, limit: 1, includeTotalCount: true))
                } == 1)
            #expect(
                try await statements {
                    _ = try await db.lookup(LookupRequest(entity: "Author", column: "id", keys: authorKeys))
                    _ = try await db.list(ListRequest(entity: "Author"))
                } == 2)
        }
    }

    @Test("each write call is one statement", arguments: AdapterKind.allCases)
    func writes(_ kind: AdapterKind) async throws {
        try await withLibrary(kind) { db throws in
            let overhead = try await statements { try await db.transaction { _ in } }
            let review: [String: StorageValue] = [
                "id": .string(fixtureID(7, 1)), "book_id": .string(LibraryFixtures.book(2)), "stars": .int(3),
                "created_at": .timestamp(0),
            ]
            let count = try await statements {
                try await db.transaction { tx in
                    _ = try await tx.insert("Review", values: review)
                    _ = try await tx.update("Review", key: .string(fixtureID(7, 1)), values: ["stars": .int(4)], expectedVersion: nil, filter: nil)
                    _ = try await tx.lookup(LookupRequest(entity: "Review", column: "id", keys: [.string(fixtureID(7, 1))]))
                    _ = try await tx.delete("Review", key: .string(fixtureID(7, 1)), filter: nil)
                }
            }
            #expect(count - overhead == 4)
        }
    }
}
