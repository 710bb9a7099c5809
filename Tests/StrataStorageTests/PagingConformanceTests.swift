import StrataStorage
import Testing

@Suite("List paging and counts")
struct PagingConformanceTests {
    let byID = [SortKey("id")]

    func page(_ db: any StorageAdapter, filter: Predicate? = nil, offset: Int = 0, limit: Int?, count: Bool = true)
        async throws -> (numbers: [Int], total: Int?)
    {
        let page = try await db.list(
            ListRequest(entity: "Author", filter: filter, orderBy: byID, offset: offset, limit: limit, includeTotalCount: count))
        return (page.rows.map { fixtureNumber($0[0]) }, page.totalCount)
    }

    @Test("offset and limit edges: none, zero, past the end, overlapping the end", arguments: AdapterKind.allCases)
    func edges(_ kind: AdapterKind) async throws {
        try await withLibrary(kind) { db throws in
            let all = try await page(db, limit: nil)
            #expect(all.numbers == [1, 2, 3, 4, 5, 6, 7] && all.total == 7)
            let zero = try await page(db, limit: 0)
            #expect(zero.numbers == [] && zero.total == 7)
            let middle = try await page(db, offset: 2, limit: 3)
            #expect(middle.numbers == [3, 4, 5] && middle.total == 7)
            let tail = try await page(db, offset: 5, limit: 10)
            #expect(tail.numbers == [6, 7] && tail.total == 7)
            let atEnd = try await page(db, offset: 7, limit: 1)
            #expect(atEnd.numbers == [] && atEnd.total == 7)
            let beyond = try await page(db, offset: 100, limit: nil)
            #expect(beyond.numbers == [] && beyond.total == 7)
            let huge = try await page(db, offset: 1, limit: Int.max)
            #expect(huge.numbers == [2, 3, 4, 5, 6, 7])
        }
    }

    @Test("totalCount counts the filtered rows before paging, and is absent unless asked", arguments: AdapterKind.allCases)
    func totalCount(_ kind: AdapterKind) async throws {
        try await withLibrary(kind) { db throws in
            let active = Predicate.compare("active", .equal, .bool(true))
            let paged = try await page(db, filter: active, offset: 1, limit: 2)
            #expect(paged.numbers == [3, 4] && paged.total == 5)
            let none = try await page(db, filter: .alwaysFalse, limit: 5)
            #expect(none.numbers == [] && none.total == 0)
            let uncounted = try await page(db, filter: active, limit: 2, count: false)
            #expect(uncounted.numbers == [1, 3] && uncounted.total == nil)
        }
    }

    @Test("negative offsets or limits are invalid requests", arguments: AdapterKind.allCases)
    func negative(_ kind: AdapterKind) async throws {
        try await withLibrary(kind) { db throws in
            await expectStorageError(.invalidRequest) { _ = try await page(db, offset: -1, limit: nil) }
            await expectStorageError(.invalidRequest) { _ = try await page(db, limit: -1) }
        }
    }

    @Test("a short page of a long ordered list equals the same slice of the full list", arguments: AdapterKind.allCases)
    func shortPagesOfLongLists(_ kind: AdapterKind) async throws {
        try await withLibrary(kind) { db throws in
            try await db.transaction { tx in
                let rows = (0..<300).map { n in
                    Row([
                        .string(fixtureID(9, n)), .string(LibraryFixtures.book(1 + n % 7)), .int(Int64(n * 7919 % 5)),
                        n % 4 == 0 ? .null : .string("body \(n % 13)"), .timestamp(LibraryFixtures.epoch - Int64(n)),
                    ])
                }
                try await tx.insertMany("Review", rows: rows)
            }
            let order = [SortKey("body", descending: true), SortKey("stars"), SortKey("id")]
            let full = try await db.list(ListRequest(entity: "Review", orderBy: order)).rows
            #expect(full.count == 304)
            for (offset, limit) in [(0, 5), (3, 10), (40, 20), (290, 50)] {
                let slice = try await db.list(ListRequest(entity: "Review", orderBy: order, offset: offset, limit: limit))
                #expect(slice.rows == Array(full[offset..<min(offset + limit, full.count)]))
            }
        }
    }
}
