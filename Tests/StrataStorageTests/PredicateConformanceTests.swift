import StrataStorage
import Testing

@Suite("Predicates")
struct PredicateConformanceTests {
    let authors = LibraryModel.author
    let books = LibraryModel.book

    @Test("equality on strings is byte-wise: precomposed and decomposed é differ", arguments: AdapterKind.allCases)
    func byteWiseEquality(_ kind: AdapterKind) async throws {
        try await withLibrary(kind) { db throws in
            #expect(try await db.numbers(authors, where: .compare("name", .equal, .string("éclair"))) == [3])
            #expect(
                try await db.numbers(authors, where: .compare("name", .equal, .string(LibraryFixtures.decomposedEclair)))
                    == [7])
            #expect(try await db.numbers(authors, where: .compare("name", .equal, .string("zebra"))) == [])
        }
    }

    @Test("notEqual never matches NULL, and not(equal) matches exactly the other rows", arguments: AdapterKind.allCases)
    func notEqualAndNull(_ kind: AdapterKind) async throws {
        try await withLibrary(kind) { db throws in
            let zebra = StorageValue.string("zebra@example.com")
            #expect(try await db.numbers(authors, where: .compare("email", .notEqual, zebra)) == [3, 4, 6])
            #expect(try await db.numbers(authors, where: .not(.compare("email", .equal, zebra))) == [2, 3, 4, 5, 6, 7])
        }
    }

    @Test("ordering comparisons on doubles, ints, dates, timestamps and bools", arguments: AdapterKind.allCases)
    func orderingComparisons(_ kind: AdapterKind) async throws {
        try await withLibrary(kind) { db throws in
            #expect(try await db.numbers(authors, where: .compare("rating", .greater, .double(4))) == [1, 5])
            #expect(try await db.numbers(authors, where: .compare("rating", .greaterOrEqual, .double(4.5))) == [1, 5])
            #expect(try await db.numbers(authors, where: .compare("rating", .less, .double(0))) == [4])
            #expect(try await db.numbers(authors, where: .compare("rating", .lessOrEqual, .double(3))) == [3, 4, 7])
            #expect(try await db.numbers(authors, where: .compare("rating", .equal, .double(0.1 + 0.2))) == [3])
            #expect(try await db.numbers(authors, where: .compare("rating", .equal, .double(0.3))) == [])
            #expect(try await db.numbers(books, where: .compare("pages", .greater, .int(200))) == [1, 4, 5, 7])
            #expect(try await db.numbers(books, where: .compare("pages", .equal, .int(320))) == [1, 7])
            #expect(try await db.numbers(authors, where: .compare("born", .less, .date(0))) == [1])
            #expect(try await db.numbers(authors, where: .compare("born", .greaterOrEqual, .date(0))) == [3, 4, 6])
            let threeHours = LibraryFixtures.epoch + 3 * LibraryFixtures.hour
            #expect(try await db.numbers(authors, where: .compare("created_at", .greater, .timestamp(threeHours))) == [5, 6, 7])
            #expect(try await db.numbers(authors, where: .compare("active", .equal, .bool(false))) == [2, 6])
            #expect(try await db.numbers(authors, where: .compare("active", .greater, .bool(false))) == [1, 3, 4, 5, 7])
        }
    }

    @Test(
        "enumerations compare by declared position (FICTION < SCIENCE < HISTORY), uuids as text",
        arguments: AdapterKind.allCases)
    func enumerationAndUUID(_ kind: AdapterKind) async throws {
        try await withLibrary(kind) { db throws in
            #expect(try await db.numbers(books, where: .compare("genre", .equal, .string("FICTION"))) == [1, 4, 6])
            #expect(try await db.numbers(books, where: .compare("genre", .greater, .string("FICTION"))) == [2, 3, 5, 7])
            // Alphabetically HISTORY < SCIENCE; declared, SCIENCE comes first.
            #expect(
                try await db.numbers(books, where: .compare("genre", .less, .string("HISTORY"))) == [1, 2, 4, 5, 6])
            #expect(
                try await db.numbers(books, where: .compare("genre", .greaterOrEqual, .string("SCIENCE")))
                    == [2, 3, 5, 7])
            #expect(
                try await db.numbers(books, where: .compare("genre", .lessOrEqual, .string("FICTION"))) == [1, 4, 6])
            #expect(try await db.numbers(books, where: .compare("genre", .equal, .string("POETRY"))) == [])
            let fifth = StorageValue.string(LibraryFixtures.author(5))
            #expect(try await db.numbers(authors, where: .compare("id", .greater, fifth)) == [6, 7])
            let penguin = StorageValue.string(LibraryFixtures.publisher(1))
            #expect(try await db.numbers(authors, where: .compare("publisher_id", .equal, penguin)) == [1, 2])
        }
    }

    @Test("a comparison with a NULL operand matches nothing, and its negation everything", arguments: AdapterKind.allCases)
    func nullOperand(_ kind: AdapterKind) async throws {
        try await withLibrary(kind) { db throws in
            #expect(try await db.numbers(authors, where: .compare("email", .equal, .null)) == [])
            #expect(try await db.numbers(authors, where: .compare("email", .notEqual, .null)) == [])
            #expect(try await db.numbers(authors, where: .not(.compare("email", .equal, .null))) == [1, 2, 3, 4, 5, 6, 7])
        }
    }

    @Test("isNull and its negation", arguments: AdapterKind.allCases)
    func isNull(_ kind: AdapterKind) async throws {
        try await withLibrary(kind) { db throws in
            #expect(try await db.numbers(authors, where: .isNull("email")) == [2, 5, 7])
            #expect(try await db.numbers(authors, where: .not(.isNull("email"))) == [1, 3, 4, 6])
            #expect(try await db.numbers(authors, where: .isNull("deleted_at")) == [1, 2, 3, 4, 5, 7])
        }
    }

    @Test("in: empty list matches nothing, NULL elements never match, long lists work", arguments: AdapterKind.allCases)
    func isIn(_ kind: AdapterKind) async throws {
        try await withLibrary(kind) { db throws in
            #expect(try await db.numbers(authors, where: .isIn("name", [])) == [])
            #expect(try await db.numbers(authors, where: .not(.isIn("name", []))) == [1, 2, 3, 4, 5, 6, 7])
            let names: [StorageValue] = [.string("apple"), .string("Zoë"), .string("missing")]
            #expect(try await db.numbers(authors, where: .isIn("name", names)) == [2, 5])
            #expect(try await db.numbers(authors, where: .isIn("email", [.null, .string("pie@example.com")])) == [6])
            #expect(try await db.numbers(authors, where: .not(.isIn("email", [.string("zebra@example.com")]))) == [2, 3, 4, 5, 6, 7])
            let many = (1...12).map { StorageValue.string(LibraryFixtures.author($0)) }
            #expect(try await db.numbers(authors, where: .isIn("id", many)) == [1, 2, 3, 4, 5, 6, 7])
            #expect(try await db.numbers(books, where: .isIn("pages", [.int(90), .int(320), .int(1)])) == [1, 6, 7])
        }
    }

    @Test("contains, startsWith and endsWith are case-sensitive byte-wise substring tests", arguments: AdapterKind.allCases)
    func substrings(_ kind: AdapterKind) async throws {
        try await withLibrary(kind) { db throws in
            #expect(try await db.numbers(authors, where: .contains("name", "ppl")) == [2, 6])
            #expect(try await db.numbers(authors, where: .contains("name", "APP")) == [])
            #expect(try await db.numbers(authors, where: .contains("name", "e")) == [1, 2, 6, 7])
            #expect(try await db.numbers(authors, where: .contains("name", "é")) == [3])
            #expect(try await db.numbers(authors, where: .startsWith("name", "Z")) == [1, 5])
            #expect(try await db.numbers(authors, where: .startsWith("name", "日")) == [4])
            #expect(try await db.numbers(authors, where: .endsWith("name", "clair")) == [3, 7])
            #expect(try await db.numbers(authors, where: .endsWith("email", "@example.com")) == [1, 3, 4, 6])
            #expect(try await db.numbers(authors, where: .contains("bio", "日本語")) == [1])
        }
    }

    @Test("LIKE wildcards in substring tests are literal characters", arguments: AdapterKind.allCases)
    func wildcardsAreLiteral(_ kind: AdapterKind) async throws {
        try await withLibrary(kind) { db throws in
            #expect(try await db.numbers(authors, where: .contains("name", "%")) == [])
            #expect(try await db.numbers(authors, where: .contains("name", "_")) == [])
            #expect(try await db.numbers(authors, where: .startsWith("name", "appl_")) == [])
            #expect(try await db.numbers(authors, where: .contains("email", "\\")) == [])
            #expect(try await db.numbers(authors, where: .contains("email", "")) == [1, 3, 4, 6])
        }
    }

    @Test("listContains tests string-list elements exactly", arguments: AdapterKind.allCases)
    func listContains(_ kind: AdapterKind) async throws {
        try await withLibrary(kind) { db throws in
            #expect(try await db.numbers(books, where: .listContains("tags", "language")) == [5, 6, 7])
            #expect(try await db.numbers(books, where: .listContains("tags", "日本")) == [4])
            #expect(try await db.numbers(books, where: .listContains("tags", "🎌")) == [6])
            #expect(try await db.numbers(books, where: .listContains("tags", "lang")) == [])
            #expect(try await db.numbers(books, where: .not(.listContains("tags", "language"))) == [1, 2, 3, 4])
        }
    }

    @Test("nested and/or/not use two-valued logic over NULLs", arguments: AdapterKind.allCases)
    func nestedTwoValuedLogic(_ kind: AdapterKind) async throws {
        try await withLibrary(kind) { db throws in
            let positive = Predicate.compare("rating", .greater, .double(0))
            #expect(try await db.numbers(authors, where: positive) == [1, 3, 5, 7])
            // Three-valued SQL would drop the NULL ratings (2, 6) here.
            #expect(try await db.numbers(authors, where: .not(positive)) == [2, 4, 6])
            #expect(try await db.numbers(authors, where: .not(.not(positive))) == [1, 3, 5, 7])
            let activeAndPositive = Predicate.and([positive, .compare("active", .equal, .bool(true))])
            #expect(try await db.numbers(authors, where: .not(activeAndPositive)) == [2, 4, 6])
            let nullOrNegative = Predicate.or([.isNull("rating"), .compare("rating", .less, .double(0))])
            #expect(try await db.numbers(authors, where: nullOrNegative) == [2, 4, 6])
            let nested = Predicate.and([
                .compare("rating", .greater, .double(4)), .not(.startsWith("name", "Zo")),
            ])
            #expect(try await db.numbers(authors, where: nested) == [1])
            let deep = Predicate.or([
                .and([.not(.compare("email", .equal, .string("pie@example.com"))), .isNull("born")]),
                .not(.or([.compare("rating", .less, .double(5)), .isNull("rating")])),
            ])
            #expect(try await db.numbers(authors, where: deep) == [2, 5, 7])
        }
    }

    @Test("and([]) is true and or([]) is false", arguments: AdapterKind.allCases)
    func emptyConnectives(_ kind: AdapterKind) async throws {
        try await withLibrary(kind) { db throws in
            #expect(try await db.numbers(authors, where: .alwaysTrue) == [1, 2, 3, 4, 5, 6, 7])
            #expect(try await db.numbers(authors, where: .alwaysFalse) == [])
            #expect(try await db.numbers(authors, where: .not(.alwaysTrue)) == [])
            #expect(try await db.numbers(authors, where: .not(.alwaysFalse)) == [1, 2, 3, 4, 5, 6, 7])
            #expect(try await db.numbers(authors, where: .or([.alwaysFalse, .isNull("email")])) == [2, 5, 7])
        }
    }

    @Test("filters on unknown columns or with mistyped operands are invalid requests", arguments: AdapterKind.allCases)
    func invalidFilters(_ kind: AdapterKind) async throws {
        try await withLibrary(kind) { db throws in
            await expectStorageError(.invalidRequest) { _ = try await db.numbers(authors, where: .isNull("nope")) }
            await expectStorageError(.invalidRequest) {
                _ = try await db.numbers(authors, where: .compare("rating", .equal, .string("4.5")))
            }
            await expectStorageError(.invalidRequest) { _ = try await db.numbers(books, where: .contains("pages", "3")) }
            await expectStorageError(.invalidRequest) { _ = try await db.numbers(authors, where: .listContains("name", "a")) }
            await expectStorageError(.invalidRequest) {
                _ = try await db.list(ListRequest(entity: "Nope"))
            }
        }
    }
}
