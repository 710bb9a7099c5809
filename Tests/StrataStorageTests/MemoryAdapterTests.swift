import StrataStorage
import Testing

/// Behaviour specific to `MemoryAdapter` (its stricter value checks and its internals), beyond the shared
/// conformance suite.
@Suite("Memory adapter")
struct MemoryAdapterTests {
    func loaded() async throws -> MemoryAdapter {
        let adapter = MemoryAdapter(model: LibraryModel.model, sourceName: "test")
        try await LibraryFixtures.load(into: adapter)
        return adapter
    }

    func review(_ n: Int, book: Int, stars: Int64 = 3) -> [String: StorageValue] {
        [
            "id": .string(fixtureID(8, n)), "book_id": .string(LibraryFixtures.book(book)), "stars": .int(stars),
            "created_at": .timestamp(Int64(n)),
        ]
    }

    /// The loaders promise distinct keys (`keysAreDistinct`) and the adapter then skips its own duplicate check;
    /// without the promise, repeated keys still give one row (lookups) or the same page again (relations).
    @Test("promised-distinct keys read the same rows; unpromised duplicates are still collapsed")
    func distinctKeyPromise() async throws {
        let adapter = try await loaded()
        let (a, b) = (StorageValue.string(LibraryFixtures.author(1)), StorageValue.string(LibraryFixtures.author(2)))
        let promised = try await adapter.lookup(
            LookupRequest(entity: "Author", column: "id", keys: [b, a], keysAreDistinct: true))
        let checked = try await adapter.lookup(LookupRequest(entity: "Author", column: "id", keys: [b, a]))
        #expect(promised == checked)
        #expect(promised.count == 2)
        let repeated = try await adapter.lookup(LookupRequest(entity: "Author", column: "id", keys: [a, b, a]))
        #expect(repeated.count == 2)

        let pagesPromised = try await adapter.related(
            RelatedRequest(entity: "Book", foreignKey: "author_id", parentKeys: [b, a], keysAreDistinct: true))
        let pagesChecked = try await adapter.related(
            RelatedRequest(entity: "Book", foreignKey: "author_id", parentKeys: [b, a]))
        #expect(pagesPromised == pagesChecked)
        #expect(pagesPromised.contains { !$0.rows.isEmpty })
        let pagesRepeated = try await adapter.related(
            RelatedRequest(entity: "Book", foreignKey: "author_id", parentKeys: [a, b, a]))
        #expect(pagesRepeated.count == 3)
        #expect(pagesRepeated[0] == pagesRepeated[2])
    }

    @Test("a closed adapter refuses reads and transactions")
    func closed() async throws {
        let adapter = try await loaded()
        await adapter.close()
        await expectStorageError(.closed) { _ = try await adapter.list(ListRequest(entity: "Author")) }
        await expectStorageError(.closed) { try await adapter.transaction { _ in } }
        // The writer gate was released: a second attempt fails the same way instead of hanging.
        await expectStorageError(.closed) { try await adapter.transaction { _ in } }
    }

    @Test("a transaction handle used after its transaction ended is refused")
    func escapedTransaction() async throws {
        let adapter = try await loaded()
        let escaped = try await adapter.transaction { tx in tx }
        await expectStorageError(.invalidRequest) { _ = try await escaped.insert("Review", values: review(1, book: 1)) }
    }

    @Test("uuid columns take canonical lowercase text, doubles must be finite, text has no NUL")
    func stricterValues() async throws {
        let adapter = try await loaded()
        let upper = fixtureID(8, 0xabc).uppercased()
        for values in [
            review(1, book: 1).merging(["id": .string(upper)]) { $1 },
            review(1, book: 1).merging(["id": .string("not-a-uuid")]) { $1 },
            review(1, book: 1).merging(["body": .string("a\u{0}b")]) { $1 },
        ] {
            await expectStorageError(.invalidRequest) { _ = try await adapter.transaction { tx in try await tx.insert("Review", values: values) } }
        }
        for price in [Double.nan, .infinity, -.infinity] {
            await expectStorageError(.invalidRequest) {
                _ = try await adapter.transaction { tx in
                    try await tx.update("Book", key: .string(LibraryFixtures.book(1)), values: ["price": .double(price)], expectedVersion: nil, filter: nil)
                }
            }
        }
    }

    @Test("an update's own version value is ignored: the adapter writes stored + 1")
    func versionIsAlwaysBumped() async throws {
        let adapter = try await loaded()
        let row = try await adapter.transaction { tx in
            try await tx.update("Book", key: .string(LibraryFixtures.book(1)), values: ["version": .int(99)], expectedVersion: 1, filter: nil)
        }
        #expect(row?[12] == .int(2))
    }

    @Test("a failed write changes nothing and the transaction can go on")
    func failedWriteIsAtomic() async throws {
        let adapter = try await loaded()
        try await adapter.transaction { tx in
            _ = try await tx.insert("Review", values: review(1, book: 1))
            await expectStorageError(.foreignKeyViolation) {
                try await tx.insertMany(
                    "Review",
                    rows: [
                        Row([.string(fixtureID(8, 2)), .string(LibraryFixtures.book(2)), .int(1), .null, .timestamp(0)]),
                        Row([.string(fixtureID(8, 3)), .string(fixtureID(3, 99)), .int(1), .null, .timestamp(0)]),
                    ])
            }
            await expectStorageError(.foreignKeyViolation) {
                _ = try await tx.delete("Publisher", key: .string(LibraryFixtures.publisher(2)), filter: nil)
            }
        }
        #expect(adapter.count("Review") == 5)
        #expect(adapter.count("Publisher") == 3)
        #expect(adapter.count("Author") == 7)
        let second = try await adapter.lookup(LookupRequest(entity: "Review", column: "id", keys: [.string(fixtureID(8, 2))]))
        #expect(second.isEmpty)
    }

    @Test("indexes stay consistent through inserts, moves, deletes and compaction")
    func indexChurn() async throws {
        let adapter = try await loaded()
        let bookKeys = (1...7).map { StorageValue.string(LibraryFixtures.book($0)) }
        try await adapter.transaction { tx in
            for n in 0..<600 { _ = try await tx.insert("Review", values: review(n, book: 1 + n % 7, stars: Int64(n % 5))) }
        }
        try await adapter.transaction { tx in
            for n in stride(from: 0, to: 600, by: 3) {
                _ = try await tx.update(
                    "Review", key: .string(fixtureID(8, n)), values: ["book_id": .string(LibraryFixtures.book(7 - n % 7))],
                    expectedVersion: nil, filter: nil)
            }
            for n in 0..<600 where n % 5 != 0 { _ = try await tx.delete("Review", key: .string(fixtureID(8, n)), filter: nil) }
        }
        try await adapter.transaction { tx in
            for n in 600..<650 { _ = try await tx.insert("Review", values: review(n, book: 2)) }
        }
        let all = try await adapter.list(ListRequest(entity: "Review", orderBy: [SortKey("id")])).rows
        #expect(all.count == 4 + 120 + 50)
        let pages = try await adapter.related(
            RelatedRequest(entity: "Review", foreignKey: "book_id", parentKeys: bookKeys, orderBy: [SortKey("id")]))
        for (key, page) in zip(bookKeys, pages) {
            #expect(page.rows == all.filter { $0[1] == key })
        }
        let ids = all.map { $0[0] }
        let looked = try await adapter.lookup(LookupRequest(entity: "Review", column: "id", keys: ids))
        #expect(Set(looked) == Set(all))
        let gone = try await adapter.lookup(LookupRequest(entity: "Review", column: "id", keys: [.string(fixtureID(8, 1))]))
        #expect(gone.isEmpty)
    }

    @Test("load(_:rows:) checks constraints and counts rows")
    func loadRows() async throws {
        let adapter = MemoryAdapter(model: LibraryModel.model)
        try await adapter.load(
            "Publisher", rows: (1...3).map { Row([.string(LibraryFixtures.publisher($0)), .string("P\($0)"), .null]) })
        #expect(adapter.count("Publisher") == 3)
        #expect(adapter.count("Nope") == nil)
        await expectStorageError(.uniqueViolation) {
            try await adapter.load("Publisher", rows: [Row([.string(LibraryFixtures.publisher(4)), .string("P1"), .null])])
        }
        #expect(adapter.count("Publisher") == 3)
    }

    @Test("readers keep the snapshot they started with while a writer commits")
    func snapshotReads() async throws {
        let adapter = try await loaded()
        let request = ListRequest(entity: "Review", includeTotalCount: true)
        let before = try await adapter.list(request)
        try await adapter.transaction { tx in _ = try await tx.insert("Review", values: review(1, book: 1)) }
        let after = try await adapter.list(request)
        #expect(before.totalCount == 4 && after.totalCount == 5)
    }
}
