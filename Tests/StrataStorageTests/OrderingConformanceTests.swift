import StrataStorage
import Testing

@Suite("Ordering")
struct OrderingConformanceTests {
    let authors = LibraryModel.author
    let books = LibraryModel.book

    @Test("strings order byte-wise: \"Zebra\" < \"apple\" < \"éclair\" < \"日本\"", arguments: AdapterKind.allCases)
    func byteWiseStringOrder(_ kind: AdapterKind) async throws {
        try await withLibrary(kind) { db throws in
            #expect(try await db.numbers(authors, orderedBy: [SortKey("name"), SortKey("id")]) == [1, 5, 2, 6, 7, 3, 4])
            #expect(
                try await db.numbers(authors, orderedBy: [SortKey("name", descending: true), SortKey("id")])
                    == [4, 3, 7, 6, 2, 5, 1])
        }
    }

    @Test("NULLs sort last in ascending and in descending order", arguments: AdapterKind.allCases)
    func nullsLast(_ kind: AdapterKind) async throws {
        try await withLibrary(kind) { db throws in
            #expect(try await db.numbers(authors, orderedBy: [SortKey("rating"), SortKey("id")]) == [4, 3, 7, 1, 5, 2, 6])
            #expect(
                try await db.numbers(authors, orderedBy: [SortKey("rating", descending: true), SortKey("id")])
                    == [1, 5, 7, 3, 4, 2, 6])
            #expect(
                try await db.numbers(authors, orderedBy: [SortKey("email", descending: true), SortKey("id")])
                    == [1, 6, 4, 3, 2, 5, 7])
            #expect(try await db.numbers(authors, orderedBy: [SortKey("born"), SortKey("id")]) == [1, 3, 6, 4, 2, 5, 7])
            #expect(
                try await db.numbers(authors, orderedBy: [SortKey("deleted_at", descending: true), SortKey("id")])
                    == [6, 1, 2, 3, 4, 5, 7])
        }
    }

    @Test("later keys break ties, ending with the caller's primary key", arguments: AdapterKind.allCases)
    func multiKey(_ kind: AdapterKind) async throws {
        try await withLibrary(kind) { db throws in
            let keys = [SortKey("active"), SortKey("rating", descending: true), SortKey("id", descending: true)]
            #expect(try await db.numbers(authors, orderedBy: keys) == [6, 2, 5, 1, 7, 3, 4])
            let bookKeys = [SortKey("pages", descending: true), SortKey("price"), SortKey("id")]
            #expect(try await db.numbers(books, orderedBy: bookKeys) == [5, 1, 7, 4, 3, 6, 2])
            let byPrint = [SortKey("in_print"), SortKey("id")]
            #expect(try await db.numbers(books, orderedBy: byPrint) == [2, 7, 1, 3, 4, 5, 6])
        }
    }

    @Test(
        "enumerations order by declared position (FICTION, SCIENCE, HISTORY); json by text, dates by value",
        arguments: AdapterKind.allCases)
    func otherTypes(_ kind: AdapterKind) async throws {
        try await withLibrary(kind) { db throws in
            #expect(try await db.numbers(books, orderedBy: [SortKey("genre"), SortKey("id")]) == [1, 4, 6, 2, 5, 3, 7])
            #expect(
                try await db.numbers(books, orderedBy: [SortKey("genre", descending: true), SortKey("id")])
                    == [3, 7, 2, 5, 1, 4, 6])
            #expect(try await db.numbers(authors, orderedBy: [SortKey("bio"), SortKey("id")]) == [3, 1, 2, 4, 5, 6, 7])
            #expect(
                try await db.numbers(books, orderedBy: [SortKey("published_on", descending: true), SortKey("id")])
                    == [5, 7, 4, 1, 3, 2, 6])
        }
    }

    @Test("ordering applies after filtering", arguments: AdapterKind.allCases)
    func orderAfterFilter(_ kind: AdapterKind) async throws {
        try await withLibrary(kind) { db throws in
            let order = [SortKey("title"), SortKey("id")]
            #expect(try await db.numbers(books, orderedBy: order, where: .listContains("tags", "language")) == [7, 6, 5])
        }
    }

    @Test("ordering by a string-list column or an unknown column is an invalid request", arguments: AdapterKind.allCases)
    func invalidOrder(_ kind: AdapterKind) async throws {
        try await withLibrary(kind) { db throws in
            await expectStorageError(.invalidRequest) { _ = try await db.numbers(books, orderedBy: [SortKey("tags")]) }
            await expectStorageError(.invalidRequest) { _ = try await db.numbers(books, orderedBy: [SortKey("nope")]) }
        }
    }
}
