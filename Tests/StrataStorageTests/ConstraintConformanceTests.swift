import StrataStorage
import Testing

@Suite("Constraints and referential actions")
struct ConstraintConformanceTests {
    let authors = LibraryModel.author
    let books = LibraryModel.book

    func book(_ n: Int, _ extra: [String: StorageValue] = [:]) -> [String: StorageValue] {
        var values: [String: StorageValue] = [
            "id": .string(LibraryFixtures.book(n)), "title": .string("Book \(n)"),
            "author_id": .string(LibraryFixtures.author(1)), "genre": .string("FICTION"), "tags": .stringList([]),
            "in_print": .bool(true), "version": .int(1),
        ]
        values.merge(extra) { $1 }
        return values
    }

    func insertBook(_ db: any StorageAdapter, _ values: [String: StorageValue]) async throws {
        _ = try await db.transaction { tx in try await tx.insert("Book", values: values) }
    }

    @Test("duplicate primary keys and unique values are unique violations", arguments: AdapterKind.allCases)
    func uniqueness(_ kind: AdapterKind) async throws {
        try await withLibrary(kind) { db throws in
            await expectStorageError(.uniqueViolation) { try await insertBook(db, book(1)) }
            await expectStorageError(.uniqueViolation) { try await insertBook(db, book(20, ["isbn": .string("isbn-1")])) }
            await expectStorageError(.uniqueViolation) {
                _ = try await db.transaction { tx in
                    try await tx.update(
                        "Book", key: .string(LibraryFixtures.book(2)), values: ["isbn": .string("isbn-3")],
                        expectedVersion: nil, filter: nil)
                }
            }
            await expectStorageError(.uniqueViolation) {
                try await db.transaction { tx in try await tx.insertMany("Book", rows: [try fullRow(book(30)), try fullRow(book(30))]) }
            }
            #expect(try await db.count(books) == 7)
        }
    }

    @Test("unique columns allow many NULLs and compare bytes", arguments: AdapterKind.allCases)
    func uniqueNullsAndBytes(_ kind: AdapterKind) async throws {
        try await withLibrary(kind) { db throws in
            try await insertBook(db, book(20))
            try await insertBook(db, book(21, ["isbn": .null]))
            _ = try await db.transaction { tx in
                try await tx.insert("Publisher", values: ["id": .string(LibraryFixtures.publisher(9)), "name": .string("O\u{304}tsuka Shoten")])
            }
            #expect(try await db.count(LibraryModel.publisher) == 4)
        }
    }

    @Test("foreign keys must name existing rows on insert and update", arguments: AdapterKind.allCases)
    func foreignKeysChecked(_ kind: AdapterKind) async throws {
        try await withLibrary(kind) { db throws in
            await expectStorageError(.foreignKeyViolation) {
                try await insertBook(db, book(20, ["author_id": .string(fixtureID(2, 99))]))
            }
            await expectStorageError(.foreignKeyViolation) {
                _ = try await db.transaction { tx in
                    try await tx.update(
                        "Book", key: .string(LibraryFixtures.book(1)), values: ["publisher_id": .string(fixtureID(1, 99))],
                        expectedVersion: nil, filter: nil)
                }
            }
            try await insertBook(db, book(21, ["publisher_id": .null]))
            #expect(try await db.count(books) == 8)
        }
    }

    @Test("changing a key other rows still reference is a foreign-key violation", arguments: AdapterKind.allCases)
    func referencedKeyKept(_ kind: AdapterKind) async throws {
        try await withLibrary(kind) { db throws in
            await expectStorageError(.foreignKeyViolation) {
                _ = try await db.transaction { tx in
                    try await tx.update(
                        "Publisher", key: .string(LibraryFixtures.publisher(1)), values: ["id": .string(fixtureID(1, 50))],
                        expectedVersion: nil, filter: nil)
                }
            }
            let free = try await db.transaction { tx in
                _ = try await tx.insert("Publisher", values: ["id": .string(fixtureID(1, 60)), "name": .string("Fresh")])
                return try await tx.update(
                    "Publisher", key: .string(fixtureID(1, 60)), values: ["id": .string(fixtureID(1, 61))], expectedVersion: nil,
                    filter: nil)
            }
            #expect(free?[0] == .string(fixtureID(1, 61)))
            #expect(try await db.row(LibraryModel.publisher, fixtureID(1, 60)) == nil)
            #expect(try await db.row(LibraryModel.publisher, fixtureID(1, 61))?[1] == .string("Fresh"))
        }
    }

    @Test("NULL in a non-null column is a not-null violation", arguments: AdapterKind.allCases)
    func notNull(_ kind: AdapterKind) async throws {
        try await withLibrary(kind) { db throws in
            var missingTitle = book(20)
            missingTitle["title"] = nil
            await expectStorageError(.notNullViolation) { try await insertBook(db, missingTitle) }
            await expectStorageError(.notNullViolation) {
                _ = try await db.transaction { tx in
                    try await tx.update(
                        "Book", key: .string(LibraryFixtures.book(1)), values: ["genre": .null], expectedVersion: nil,
                        filter: nil)
                }
            }
        }
    }

    @Test("undeclared enumeration values are check violations", arguments: AdapterKind.allCases)
    func enumerationCheck(_ kind: AdapterKind) async throws {
        try await withLibrary(kind) { db throws in
            await expectStorageError(.checkViolation) { try await insertBook(db, book(20, ["genre": .string("POETRY")])) }
            await expectStorageError(.checkViolation) { try await insertBook(db, book(20, ["genre": .string("fiction")])) }
        }
    }

    @Test("mistyped values and unknown columns are invalid requests", arguments: AdapterKind.allCases)
    func mistyped(_ kind: AdapterKind) async throws {
        try await withLibrary(kind) { db throws in
            await expectStorageError(.invalidRequest) { try await insertBook(db, book(20, ["pages": .string("12")])) }
            await expectStorageError(.invalidRequest) { try await insertBook(db, book(20, ["tags": .string("a")])) }
            await expectStorageError(.invalidRequest) { try await insertBook(db, book(20, ["nope": .int(1)])) }
            await expectStorageError(.invalidRequest) {
                try await db.transaction { tx in try await tx.insertMany("Book", rows: [Row([.string(LibraryFixtures.book(20))])]) }
            }
            #expect(try await db.count(books) == 7)
        }
    }

    @Test("deleting a row still referenced through RESTRICT fails and changes nothing", arguments: AdapterKind.allCases)
    func restrict(_ kind: AdapterKind) async throws {
        try await withLibrary(kind) { db throws in
            await expectStorageError(.foreignKeyViolation) {
                _ = try await db.transaction { tx in try await tx.delete("Publisher", key: .string(LibraryFixtures.publisher(1)), filter: nil) }
            }
            #expect(try await db.count(LibraryModel.publisher) == 3)
            #expect(try await db.numbers(authors, where: .compare("publisher_id", .equal, .string(LibraryFixtures.publisher(1)))) == [1, 2])
        }
    }

    @Test("SET NULL clears referencing columns without touching their versions", arguments: AdapterKind.allCases)
    func setNull(_ kind: AdapterKind) async throws {
        try await withLibrary(kind) { db throws in
            let deleted = try await db.transaction { tx in
                try await tx.delete("Publisher", key: .string(LibraryFixtures.publisher(3)), filter: nil)
            }
            #expect(deleted?[1] == .string("Unused Press"))
            let seventh = try await db.row(authors, LibraryFixtures.author(7))
            #expect(seventh?["publisher_id", in: authors] == .null)
            #expect(seventh?["version", in: authors] == .int(1))
        }
    }

    @Test("CASCADE deletes children and grandchildren", arguments: AdapterKind.allCases)
    func cascade(_ kind: AdapterKind) async throws {
        try await withLibrary(kind) { db throws in
            let deleted = try await db.transaction { tx in
                try await tx.delete("Author", key: .string(LibraryFixtures.author(1)), filter: nil)
            }
            #expect(deleted?["name", in: authors] == .string("Zebra"))
            #expect(try await db.numbers(books, where: nil) == [3, 4, 5, 6, 7])
            #expect(try await db.numbers(LibraryModel.review, where: nil) == [3, 4])
            let related = try await db.related(
                RelatedRequest(entity: "Book", foreignKey: "author_id", parentKeys: [.string(LibraryFixtures.author(1))]))
            #expect(related.map(\.rows.count) == [0])
        }
    }

    @Test("a cascade that reaches a RESTRICT reference fails as a whole", arguments: AdapterKind.allCases)
    func cascadeIntoRestrict(_ kind: AdapterKind) async throws {
        try await withEmptyLibrary(kind) { db throws in
            try await LibraryFixtures.load(into: db)
            // Publisher 2 is referenced by authors (SET NULL) and books (RESTRICT): nothing may change.
            await expectStorageError(.foreignKeyViolation) {
                _ = try await db.transaction { tx in try await tx.delete("Publisher", key: .string(LibraryFixtures.publisher(2)), filter: nil) }
            }
            #expect(try await db.numbers(authors, where: .compare("publisher_id", .equal, .string(LibraryFixtures.publisher(2)))) == [3, 4])
        }
    }

    /// A full-width book row from named values.
    func fullRow(_ values: [String: StorageValue]) throws -> Row {
        var row = [StorageValue](repeating: .null, count: books.columns.count)
        for (name, value) in values { row[try #require(books.columnIndex(name))] = value }
        return Row(row)
    }
}
