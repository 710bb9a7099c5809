import StrataStorage
import Testing

@Suite("Value round trips")
struct ValueRoundTripConformanceTests {
    /// Inserts book number `100 + n` with `values` over a valid base and returns (inserted row, row read back).
    func roundTrip(_ db: any StorageAdapter, _ n: Int, _ values: [String: StorageValue]) async throws -> (Row, Row?) {
        let id = fixtureID(5, 100 + n)
        var all: [String: StorageValue] = [
            "id": .string(id), "title": .string("T\(n)"), "author_id": .string(LibraryFixtures.author(1)),
            "genre": .string("SCIENCE"), "tags": .stringList([]), "in_print": .bool(true), "version": .int(1),
        ]
        all.merge(values) { $1 }
        let row = all
        let inserted = try await db.transaction { tx in try await tx.insert("Book", values: row) }
        return (inserted, try await db.row(LibraryModel.book, id))
    }

    @Test("64-bit integer extremes round-trip and compare", arguments: AdapterKind.allCases)
    func int64(_ kind: AdapterKind) async throws {
        try await withLibrary(kind) { db throws in
            for (n, value) in [Int64.max, Int64.min, 0, -1].enumerated() {
                let (inserted, read) = try await roundTrip(db, n, ["pages": .int(value)])
                #expect(read == inserted)
                #expect(read?["pages", in: LibraryModel.book] == .int(value))
            }
            let books = LibraryModel.book
            #expect(try await db.numbers(books, where: .compare("pages", .equal, .int(.max))) == [100])
            #expect(try await db.numbers(books, where: .compare("pages", .less, .int(-1))) == [101])
            let order = try await db.numbers(books, orderedBy: [SortKey("pages"), SortKey("id")])
            #expect(order == [101, 103, 102, 6, 3, 4, 1, 7, 5, 100, 2])
        }
    }

    @Test("doubles round-trip exactly", arguments: AdapterKind.allCases)
    func doubles(_ kind: AdapterKind) async throws {
        try await withLibrary(kind) { db throws in
            let values: [Double] = [0.1 + 0.2, 1e300, -1e300, Double.leastNonzeroMagnitude, 2.2250738585072014e-308, 123456789.125, -0.0, 1.0 / 3.0]
            for (n, value) in values.enumerated() {
                let (inserted, read) = try await roundTrip(db, n, ["price": .double(value)])
                #expect(read == inserted)
                guard case .double(let back)? = read?["price", in: LibraryModel.book] else {
                    Issue.record("price of \(value) came back as \(String(describing: read))")
                    continue
                }
                #expect(back == value, "\(value) came back as \(back)")
            }
        }
    }

    @Test("timestamps before 1970 and far in the future round-trip to the microsecond", arguments: AdapterKind.allCases)
    func timestamps(_ kind: AdapterKind) async throws {
        try await withLibrary(kind) { db throws in
            let values: [Int64] = [
                0, -1, -1_000_000_000_000_001, -62_135_596_800_000_000, 253_402_300_799_999_999,
                LibraryFixtures.epoch + 123_456,
            ]
            for (n, value) in values.enumerated() {
                let inserted = try await db.transaction { tx in
                    try await tx.insert(
                        "Review",
                        values: [
                            "id": .string(fixtureID(6, n)), "book_id": .string(LibraryFixtures.book(1)),
                            "stars": .int(1), "created_at": .timestamp(value),
                        ])
                }
                let read = try await db.row(LibraryModel.review, fixtureID(6, n))
                #expect(read == inserted)
                #expect(read?["created_at", in: LibraryModel.review] == .timestamp(value))
            }
        }
    }

    @Test("dates from year 1 to 9999 round-trip", arguments: AdapterKind.allCases)
    func dates(_ kind: AdapterKind) async throws {
        try await withLibrary(kind) { db throws in
            for (n, value) in [Int32(-719_162), -1, 0, 19_723, 2_932_896].enumerated() {
                let (inserted, read) = try await roundTrip(db, n, ["published_on": .date(value)])
                #expect(read == inserted)
                #expect(read?["published_on", in: LibraryModel.book] == .date(value))
            }
        }
    }

    @Test("JSON text and strings round-trip byte for byte", arguments: AdapterKind.allCases)
    func text(_ kind: AdapterKind) async throws {
        try await withLibrary(kind) { db throws in
            let json = "{ \"b\" : [1, 2.50, \"日本 🎌\", \"e\u{301}\"],\n\t\"a\": null, \"esc\": \"\\u00e9\\\"\" }"
            let title = "Zoë, Łukasz & 李雷 — \"quoted\" 'single' \\ back\u{301}slash 🎌"
            let (inserted, read) = try await roundTrip(db, 1, ["metadata": .json(json), "title": .string(title)])
            #expect(read == inserted)
            guard case .json(let back)? = read?["metadata", in: LibraryModel.book],
                case .string(let backTitle)? = read?["title", in: LibraryModel.book]
            else {
                Issue.record("metadata/title missing")
                return
            }
            #expect(Array(back.utf8) == Array(json.utf8))
            #expect(Array(backTitle.utf8) == Array(title.utf8))
        }
    }

    @Test("string lists round-trip, including empty lists and unicode", arguments: AdapterKind.allCases)
    func stringLists(_ kind: AdapterKind) async throws {
        try await withLibrary(kind) { db throws in
            let lists: [[String]] = [
                [], [""], ["a,b", "\"quoted\"", "back\\slash", "日本", "🎌", "line\nbreak", "NULL", "{x}"],
                ["e\u{301}", "é"],
            ]
            for (n, list) in lists.enumerated() {
                let (inserted, read) = try await roundTrip(db, n, ["tags": .stringList(list)])
                #expect(read == inserted)
                guard case .stringList(let back)? = read?["tags", in: LibraryModel.book] else {
                    Issue.record("tags missing")
                    continue
                }
                #expect(back.map { Array($0.utf8) } == list.map { Array($0.utf8) })
            }
            #expect(try await db.numbers(LibraryModel.book, where: .listContains("tags", "NULL")) == [102])
            #expect(try await db.numbers(LibraryModel.book, where: .listContains("tags", "")) == [101])
        }
    }

    @Test("booleans round-trip and compare", arguments: AdapterKind.allCases)
    func booleans(_ kind: AdapterKind) async throws {
        try await withLibrary(kind) { db throws in
            let (inserted, read) = try await roundTrip(db, 1, ["in_print": .bool(false)])
            #expect(read == inserted)
            #expect(read?["in_print", in: LibraryModel.book] == .bool(false))
        }
    }
}
