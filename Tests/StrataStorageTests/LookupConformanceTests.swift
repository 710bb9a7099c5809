import StrataStorage
import Testing

@Suite("Lookups")
struct LookupConformanceTests {
    func numbers(_ rows: [Row]) -> [Int] { rows.map { fixtureNumber($0[0]) }.sorted() }

    @Test("primary-key lookups skip missing keys and return each row once", arguments: AdapterKind.allCases)
    func byPrimaryKey(_ kind: AdapterKind) async throws {
        try await withLibrary(kind) { db throws in
            let keys: [StorageValue] = [
                .string(LibraryFixtures.author(3)), .string(fixtureID(2, 42)), .string(LibraryFixtures.author(1)),
                .string(LibraryFixtures.author(3)), .null,
            ]
            let rows = try await db.lookup(LookupRequest(entity: "Author", column: "id", keys: keys))
            #expect(numbers(rows) == [1, 3])
            let one = try #require(rows.first { fixtureNumber($0[0]) == 3 })
            #expect(one["name", in: LibraryModel.author] == .string("éclair"))
            #expect(try await db.lookup(LookupRequest(entity: "Author", column: "id", keys: [])).isEmpty)
        }
    }

    @Test("lookups by a unique column compare bytes", arguments: AdapterKind.allCases)
    func byUniqueColumn(_ kind: AdapterKind) async throws {
        try await withLibrary(kind) { db throws in
            let rows = try await db.lookup(
                LookupRequest(
                    entity: "Author", column: "email", keys: [.string("nihon@example.com"), .string("nobody@example.com")]))
            #expect(numbers(rows) == [4])
            let publishers = try await db.lookup(
                LookupRequest(
                    entity: "Publisher", column: "name",
                    keys: [.string("O\u{304}tsuka Shoten"), .string("Penguin"), .string("penguin")]))
            #expect(publishers.map { $0[1] } == [.string("Penguin")])
        }
    }

    @Test("the lookup filter is ANDed in (soft delete)", arguments: AdapterKind.allCases)
    func withFilter(_ kind: AdapterKind) async throws {
        try await withLibrary(kind) { db throws in
            let rows = try await db.lookup(
                LookupRequest(
                    entity: "Author", column: "id",
                    keys: [.string(LibraryFixtures.author(6)), .string(LibraryFixtures.author(1))],
                    filter: .isNull("deleted_at"), columns: ["id", "name"]))
            #expect(numbers(rows) == [1])
            #expect(rows.first?["name", in: LibraryModel.author] == .string("Zebra"))
        }
    }

    @Test("lookups on a non-unique column return every matching row", arguments: AdapterKind.allCases)
    func byNonUniqueColumn(_ kind: AdapterKind) async throws {
        try await withLibrary(kind) { db throws in
            let rows = try await db.lookup(
                LookupRequest(entity: "Author", column: "publisher_id", keys: [.string(LibraryFixtures.publisher(1))]))
            #expect(numbers(rows) == [1, 2])
        }
    }

    @Test("a key repeated on a non-unique column returns its rows once", arguments: AdapterKind.allCases)
    func repeatedNonUniqueKey(_ kind: AdapterKind) async throws {
        try await withLibrary(kind) { db throws in
            let publisher = StorageValue.string(LibraryFixtures.publisher(1))
            let missing = StorageValue.string(fixtureID(2, 42))
            let rows = try await db.lookup(
                LookupRequest(entity: "Author", column: "publisher_id", keys: [publisher, missing, publisher, missing]))
            #expect(numbers(rows) == [1, 2])
        }
    }

    @Test("unknown entities, columns and mistyped keys are invalid requests", arguments: AdapterKind.allCases)
    func invalid(_ kind: AdapterKind) async throws {
        try await withLibrary(kind) { db throws in
            await expectStorageError(.invalidRequest) {
                _ = try await db.lookup(LookupRequest(entity: "Nope", column: "id", keys: [.string("x")]))
            }
            await expectStorageError(.invalidRequest) {
                _ = try await db.lookup(LookupRequest(entity: "Author", column: "nope", keys: [.string("x")]))
            }
            await expectStorageError(.invalidRequest) {
                _ = try await db.lookup(LookupRequest(entity: "Author", column: "id", keys: [.int(1)]))
            }
            await expectStorageError(.invalidRequest) {
                _ = try await db.lookup(
                    LookupRequest(entity: "Author", column: "id", keys: [.string(LibraryFixtures.author(1))], columns: ["nope"]))
            }
        }
    }
}
