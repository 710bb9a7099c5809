import StrataStorage
import Testing

@Suite("Related rows per parent")
struct RelatedConformanceTests {
    func related(
        _ db: any StorageAdapter, _ parents: [StorageValue], filter: Predicate? = nil,
        orderBy: [SortKey] = [SortKey("title"), SortKey("id")], offset: Int = 0, limit: Int? = nil, count: Bool = false
    ) async throws -> [(numbers: [Int], total: Int?)] {
        let pages = try await db.related(
            RelatedRequest(
                entity: "Book", foreignKey: "author_id", parentKeys: parents, filter: filter, orderBy: orderBy,
                offset: offset, limit: limit, includeTotalCount: count))
        return pages.map { ($0.rows.map { fixtureNumber($0[0]) }, $0.totalCount) }
    }

    func author(_ n: Int) -> StorageValue { .string(LibraryFixtures.author(n)) }

    @Test("one page per parent key, aligned with duplicates and childless parents", arguments: AdapterKind.allCases)
    func alignment(_ kind: AdapterKind) async throws {
        try await withLibrary(kind) { db throws in
            let pages = try await related(db, [author(4), author(1), author(5), author(4), author(2)])
            #expect(pages.map(\.numbers) == [[7, 6, 5], [2, 1], [], [7, 6, 5], [3]])
            #expect(pages.allSatisfy { $0.total == nil })
        }
    }

    @Test("offset and limit apply within each parent, with per-parent totals", arguments: AdapterKind.allCases)
    func perParentPaging(_ kind: AdapterKind) async throws {
        try await withLibrary(kind) { db throws in
            let pages = try await related(db, [author(4), author(1), author(5), author(2)], offset: 1, limit: 1, count: true)
            #expect(pages.map(\.numbers) == [[6], [1], [], []])
            #expect(pages.map(\.total) == [3, 2, 0, 1])
            let firstTwo = try await related(db, [author(4), author(1)], limit: 2)
            #expect(firstTwo.map(\.numbers) == [[7, 6], [2, 1]])
            let none = try await related(db, [author(4)], limit: 0, count: true)
            #expect(none.map(\.numbers) == [[]] && none.map(\.total) == [3])
        }
    }

    @Test("filter and order apply per parent", arguments: AdapterKind.allCases)
    func perParentFilterAndOrder(_ kind: AdapterKind) async throws {
        try await withLibrary(kind) { db throws in
            let fiction = Predicate.compare("genre", .equal, .string("FICTION"))
            let filtered = try await related(db, [author(4), author(1), author(2)], filter: fiction, count: true)
            #expect(filtered.map(\.numbers) == [[6], [1], []])
            #expect(filtered.map(\.total) == [1, 1, 0])
            let byPages = try await related(
                db, [author(4), author(1)], orderBy: [SortKey("pages", descending: true), SortKey("id")])
            #expect(byPages.map(\.numbers) == [[5, 7, 6], [1, 2]])
        }
    }

    @Test("NULL, unknown and no parent keys give empty results", arguments: AdapterKind.allCases)
    func emptyParents(_ kind: AdapterKind) async throws {
        try await withLibrary(kind) { db throws in
            let pages = try await related(db, [.null, .string(fixtureID(2, 99)), author(3)], count: true)
            #expect(pages.map(\.numbers) == [[], [], [4]])
            #expect(pages.map(\.total) == [0, 0, 1])
            #expect(try await related(db, []).isEmpty)
        }
    }

    @Test("related works through any column and on other entities", arguments: AdapterKind.allCases)
    func otherColumns(_ kind: AdapterKind) async throws {
        try await withLibrary(kind) { db throws in
            let reviews = try await db.related(
                RelatedRequest(
                    entity: "Review", foreignKey: "book_id",
                    parentKeys: [.string(LibraryFixtures.book(1)), .string(LibraryFixtures.book(4)), .string(LibraryFixtures.book(2))],
                    orderBy: [SortKey("stars", descending: true), SortKey("id")]))
            #expect(reviews.map { $0.rows.map { fixtureNumber($0[0]) } } == [[1, 2], [3], []])
            let byGenre = try await db.related(
                RelatedRequest(
                    entity: "Book", foreignKey: "genre", parentKeys: [.string("HISTORY"), .string("FICTION")],
                    orderBy: [SortKey("id")]))
            #expect(byGenre.map { $0.rows.map { fixtureNumber($0[0]) } } == [[3, 7], [1, 4, 6]])
        }
    }

    @Test("per-parent pages order enumerations by declared position", arguments: AdapterKind.allCases)
    func enumerationOrderPerParent(_ kind: AdapterKind) async throws {
        try await withLibrary(kind) { db throws in
            let byGenre = [SortKey("genre"), SortKey("id")]
            // Author 4 wrote 5 (SCIENCE), 6 (FICTION) and 7 (HISTORY); author 1 wrote 1 (FICTION) and 2 (SCIENCE).
            let all = try await related(db, [author(4), author(1)], orderBy: byGenre)
            #expect(all.map(\.numbers) == [[6, 5, 7], [1, 2]])
            let firstTwo = try await related(db, [author(4), author(1)], orderBy: byGenre, limit: 2)
            #expect(firstTwo.map(\.numbers) == [[6, 5], [1, 2]])
            let descending = [SortKey("genre", descending: true), SortKey("id")]
            let last = try await related(db, [author(4)], orderBy: descending, offset: 1, limit: 1)
            #expect(last.map(\.numbers) == [[5]])
        }
    }

    @Test("mistyped parent keys are invalid requests", arguments: AdapterKind.allCases)
    func mistyped(_ kind: AdapterKind) async throws {
        try await withLibrary(kind) { db throws in
            await expectStorageError(.invalidRequest) { _ = try await related(db, [.int(1)]) }
            await expectStorageError(.invalidRequest) { _ = try await related(db, [author(1)], offset: -1) }
        }
    }
}
