import StrataStorage
import Testing

@Suite("Transactions")
struct TransactionConformanceTests {
    struct Abort: Error {}

    func review(_ n: Int) -> [String: StorageValue] {
        [
            "id": .string(fixtureID(7, n)), "book_id": .string(LibraryFixtures.book(2)), "stars": .int(3),
            "created_at": .timestamp(LibraryFixtures.epoch),
        ]
    }

    @Test("a transaction that throws leaves no trace", arguments: AdapterKind.allCases)
    func rollbackOnThrow(_ kind: AdapterKind) async throws {
        try await withLibrary(kind) { db throws in
            await #expect(throws: Abort.self) {
                try await db.transaction { tx in
                    _ = try await tx.insert("Review", values: review(1))
                    _ = try await tx.insert("Review", values: review(2))
                    _ = try await tx.update(
                        "Author", key: .string(LibraryFixtures.author(1)), values: ["name": .string("Changed")],
                        expectedVersion: nil, filter: nil)
                    _ = try await tx.delete("Review", key: .string(LibraryFixtures.review(4)), filter: nil)
                    throw Abort()
                }
            }
            let keys: [StorageValue] = [.string(fixtureID(7, 1)), .string(fixtureID(7, 2))]
            #expect(try await db.lookup(LookupRequest(entity: "Review", column: "id", keys: keys)).isEmpty)
            #expect(try await db.count(LibraryModel.review) == 4)
            let first = try await db.row(LibraryModel.author, LibraryFixtures.author(1))
            #expect(first?["name", in: LibraryModel.author] == .string("Zebra"))
            #expect(first?["version", in: LibraryModel.author] == .int(1))
        }
    }

    @Test("a constraint error rolls back the transaction's earlier writes", arguments: AdapterKind.allCases)
    func rollbackOnStorageError(_ kind: AdapterKind) async throws {
        try await withLibrary(kind) { db throws in
            await expectStorageError(.uniqueViolation) {
                try await db.transaction { tx in
                    _ = try await tx.insert("Review", values: review(1))
                    _ = try await tx.insert("Review", values: review(1))
                }
            }
            #expect(try await db.count(LibraryModel.review) == 4)
        }
    }

    @Test("the transaction reads its own writes; others see them only after commit", arguments: AdapterKind.allCases)
    func isolation(_ kind: AdapterKind) async throws {
        try await withLibrary(kind) { db throws in
            let request = LookupRequest(entity: "Review", column: "id", keys: [.string(fixtureID(7, 1))])
            let (inside, outside) = try await db.transaction { tx in
                _ = try await tx.insert("Review", values: review(1))
                return (try await tx.lookup(request).count, try await db.lookup(request).count)
            }
            #expect(inside == 1)
            #expect(outside == 0)
            #expect(try await db.lookup(request).count == 1)
        }
    }

    @Test("the transaction's value is returned", arguments: AdapterKind.allCases)
    func returnsValue(_ kind: AdapterKind) async throws {
        try await withLibrary(kind) { db throws in
            let value = try await db.transaction { _ in 42 }
            #expect(value == 42)
        }
    }

    @Test("concurrent read-modify-write transactions are serialized", arguments: AdapterKind.allCases)
    func serializedWriters(_ kind: AdapterKind) async throws {
        try await withLibrary(kind) { db throws in
            let key = StorageValue.string(LibraryFixtures.author(3))
            let request = LookupRequest(entity: "Author", column: "id", keys: [key])
            let versionColumn = try #require(LibraryModel.author.versionColumn)
            try await withThrowingTaskGroup(of: Void.self) { group in
                for _ in 0..<16 {
                    group.addTask {
                        try await db.transaction { tx in
                            let row = try #require(try await tx.lookup(request).first)
                            guard case .int(let version) = row[versionColumn] else { throw Abort() }
                            _ = try await tx.update("Author", key: key, values: [:], expectedVersion: version, filter: nil)
                        }
                    }
                }
                try await group.waitForAll()
            }
            #expect(try await db.row(LibraryModel.author, LibraryFixtures.author(3))?[versionColumn] == .int(17))
        }
    }
}
