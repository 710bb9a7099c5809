import StrataStorage
import Testing

@Suite("Inserts, updates and deletes")
struct WriteConformanceTests {
    let authors = LibraryModel.author
    let books = LibraryModel.book

    func newAuthor(_ n: Int, _ extra: [String: StorageValue] = [:]) -> [String: StorageValue] {
        var values: [String: StorageValue] = [
            "id": .string(LibraryFixtures.author(n)), "name": .string("Author \(n)"), "active": .bool(true),
            "created_at": .timestamp(LibraryFixtures.epoch), "version": .int(1),
        ]
        values.merge(extra) { $1 }
        return values
    }

    @Test("insert returns the stored row with absent nullable columns NULL", arguments: AdapterKind.allCases)
    func insertReturnsRow(_ kind: AdapterKind) async throws {
        try await withLibrary(kind) { db throws in
            let row = try await db.transaction { tx in try await tx.insert("Author", values: newAuthor(20)) }
            #expect(row.values.count == authors.columns.count)
            #expect(row["id", in: authors] == .string(LibraryFixtures.author(20)))
            #expect(row["email", in: authors] == .null)
            #expect(row["rating", in: authors] == .null)
            #expect(row["version", in: authors] == .int(1))
            #expect(try await db.row(authors, LibraryFixtures.author(20)) == row)
        }
    }

    @Test("insert without a version value starts the version at 1", arguments: AdapterKind.allCases)
    func insertDefaultsVersion(_ kind: AdapterKind) async throws {
        try await withLibrary(kind) { db throws in
            var values = newAuthor(21)
            values["version"] = nil
            let unversioned = values
            let row = try await db.transaction { tx in try await tx.insert("Author", values: unversioned) }
            #expect(row["version", in: authors] == .int(1))
        }
    }

    @Test("every update bumps the version and returns the new row", arguments: AdapterKind.allCases)
    func updateBumpsVersion(_ kind: AdapterKind) async throws {
        try await withLibrary(kind) { db throws in
            let key = StorageValue.string(LibraryFixtures.author(2))
            let first = try await db.transaction { tx in
                try await tx.update("Author", key: key, values: ["rating": .double(2.5)], expectedVersion: nil, filter: nil)
            }
            #expect(first?["rating", in: authors] == .double(2.5))
            #expect(first?["version", in: authors] == .int(2))
            #expect(first?["name", in: authors] == .string("apple"))
            let second = try await db.transaction { tx in
                try await tx.update("Author", key: key, values: [:], expectedVersion: 2, filter: nil)
            }
            #expect(second?["version", in: authors] == .int(3))
            #expect(try await db.row(authors, LibraryFixtures.author(2)) == second)
        }
    }

    @Test("a stale expected version is a conflict and changes nothing", arguments: AdapterKind.allCases)
    func staleVersionConflicts(_ kind: AdapterKind) async throws {
        try await withLibrary(kind) { db throws in
            let key = StorageValue.string(LibraryFixtures.book(3))
            let before = try await db.row(books, LibraryFixtures.book(3))
            await expectStorageError(.conflict) {
                _ = try await db.transaction { tx in
                    try await tx.update("Book", key: key, values: ["title": .string("New")], expectedVersion: 7, filter: nil)
                }
            }
            #expect(try await db.row(books, LibraryFixtures.book(3)) == before)
        }
    }

    @Test("updating a missing row, or one the filter excludes, returns nil", arguments: AdapterKind.allCases)
    func updateMisses(_ kind: AdapterKind) async throws {
        try await withLibrary(kind) { db throws in
            let missing = try await db.transaction { tx in
                try await tx.update("Author", key: .string(fixtureID(2, 99)), values: ["name": .string("x")], expectedVersion: nil, filter: nil)
            }
            #expect(missing == nil)
            let filtered = try await db.transaction { tx in
                try await tx.update(
                    "Author", key: .string(LibraryFixtures.author(6)), values: ["name": .string("x")], expectedVersion: nil,
                    filter: .isNull("deleted_at"))
            }
            #expect(filtered == nil)
            #expect(try await db.row(authors, LibraryFixtures.author(6))?["name", in: authors] == .string("apple pie"))
        }
    }

    @Test("soft delete is an update of the soft-delete column", arguments: AdapterKind.allCases)
    func softDelete(_ kind: AdapterKind) async throws {
        try await withLibrary(kind) { db throws in
            let row = try await db.transaction { tx in
                try await tx.update(
                    "Author", key: .string(LibraryFixtures.author(1)), values: ["deleted_at": .timestamp(LibraryFixtures.epoch)],
                    expectedVersion: 1, filter: .isNull("deleted_at"))
            }
            #expect(row?["deleted_at", in: authors] == .timestamp(LibraryFixtures.epoch))
            #expect(try await db.numbers(authors, where: .isNull("deleted_at")) == [2, 3, 4, 5, 7])
        }
    }

    @Test("delete returns the deleted row once, and respects its filter", arguments: AdapterKind.allCases)
    func deleteReturnsRow(_ kind: AdapterKind) async throws {
        try await withLibrary(kind) { db throws in
            let key = StorageValue.string(LibraryFixtures.review(2))
            let before = try await db.row(LibraryModel.review, LibraryFixtures.review(2))
            let excluded = try await db.transaction { tx in
                try await tx.delete("Review", key: key, filter: .compare("stars", .greater, .int(4)))
            }
            #expect(excluded == nil)
            let deleted = try await db.transaction { tx in try await tx.delete("Review", key: key, filter: nil) }
            #expect(deleted != nil && deleted == before)
            let again = try await db.transaction { tx in try await tx.delete("Review", key: key, filter: nil) }
            #expect(again == nil)
            #expect(try await db.count(LibraryModel.review) == 3)
        }
    }

    @Test("update with an expected version on an unversioned entity is an invalid request", arguments: AdapterKind.allCases)
    func versionOnUnversioned(_ kind: AdapterKind) async throws {
        try await withLibrary(kind) { db throws in
            await expectStorageError(.invalidRequest) {
                _ = try await db.transaction { tx in
                    try await tx.update(
                        "Publisher", key: .string(LibraryFixtures.publisher(1)), values: [:], expectedVersion: 1, filter: nil)
                }
            }
        }
    }
}
