import StrataStorage

/// The fixture rows, inserted through the transaction API so that every backend loads the same data. Readable
/// ids: `LibraryFixtures.author(3)` is the third author. Per-author facts the tests rely on are in the tables below.
enum LibraryFixtures {
    static func publisher(_ n: Int) -> String { fixtureID(1, n) }
    static func author(_ n: Int) -> String { fixtureID(2, n) }
    static func book(_ n: Int) -> String { fixtureID(3, n) }
    static func review(_ n: Int) -> String { fixtureID(4, n) }

    /// 2024-01-01T00:00:00Z in microseconds.
    static let epoch: Int64 = 1_704_067_200_000_000
    static let hour: Int64 = 3_600_000_000

    /// Author names: byte order is "Zebra" < "Zoë" < "apple" < "apple pie" < "e\u{301}clair" < "éclair" < "日本".
    static let decomposedEclair = "e\u{301}clair"

    static func load(into adapter: any StorageAdapter) async throws {
        try await adapter.transaction { tx in
            for (n, name, country) in [(1, "Penguin", "UK"), (2, "Ōtsuka Shoten", "JP"), (3, "Unused Press", nil)] {
                _ = try await tx.insert(
                    "Publisher",
                    values: ["id": .string(publisher(n)), "name": .string(name), "country": country.map { .string($0) } ?? .null])
            }
            //  n  name             email                 publisher  born    rating  active bio                       deleted
            let authors: [(Int, String, String?, Int?, Int32?, Double?, Bool, String?, Bool)] = [
                (1, "Zebra", "zebra@example.com", 1, -3650, 4.5, true, #"{"lang":"日本語","emoji":"🦓"}"#, false),
                (2, "apple", nil, 1, nil, nil, false, nil, false),
                (3, "éclair", "eclair@example.com", 2, 0, 0.1 + 0.2, true, #"{"a":1}"#, false),
                (4, "日本", "nihon@example.com", 2, 19000, -1.5, true, nil, false),
                (5, "Zoë", nil, nil, nil, 4.5, true, nil, false),
                (6, "apple pie", "pie@example.com", nil, 5000, nil, false, nil, true),
                (7, decomposedEclair, nil, 3, nil, 3.0, true, nil, false),
            ]
            for (n, name, email, pub, born, rating, active, bio, deleted) in authors {
                _ = try await tx.insert(
                    "Author",
                    values: [
                        "id": .string(author(n)), "name": .string(name), "email": email.map { .string($0) } ?? .null,
                        "publisher_id": pub.map { .string(publisher($0)) } ?? .null,
                        "born": born.map { .date($0) } ?? .null, "rating": rating.map { .double($0) } ?? .null,
                        "active": .bool(active), "bio": bio.map { .json($0) } ?? .null,
                        "created_at": .timestamp(epoch + Int64(n - 1) * hour),
                        "deleted_at": deleted ? .timestamp(epoch + 100 * hour) : .null, "version": .int(1),
                    ])
            }
            //  n  title     isbn      author pub  genre      pages price  tags                     published meta            inPrint
            let books: [(Int, String, String?, Int, Int?, String, Int64?, Double?, [String], Int32?, String?, Bool)] = [
                (1, "Stripes", "isbn-1", 1, 1, "FICTION", 320, 19.99, ["animals", "classic"], 10957, #"{"edition":2}"#, true),
                (2, "Savanna", nil, 1, 2, "SCIENCE", nil, nil, [], nil, nil, false),
                (3, "Orchard", "isbn-3", 2, nil, "HISTORY", 100, 5.0, ["fruit"], -1, nil, true),
                (4, "Pastry", "isbn-4", 3, 2, "FICTION", 250, 12.5, ["food", "日本"], 18000, nil, true),
                (5, "Kanji", "isbn-5", 4, 2, "SCIENCE", 500, 40.0, ["language"], 18500, nil, true),
                (6, "Kana", nil, 4, nil, "FICTION", 90, nil, ["language", "🎌"], nil, nil, true),
                (7, "Grammar", "isbn-7", 4, 1, "HISTORY", 320, 19.99, ["language"], 18500, nil, false),
            ]
            let bookRows = books.map { b in
                Row([
                    .string(book(b.0)), .string(b.1), b.2.map { .string($0) } ?? .null, .string(author(b.3)),
                    b.4.map { .string(publisher($0)) } ?? .null, .string(b.5), b.6.map { .int($0) } ?? .null,
                    b.7.map { .double($0) } ?? .null, .stringList(b.8), b.9.map { .date($0) } ?? .null,
                    b.10.map { .json($0) } ?? .null, .bool(b.11), .int(1),
                ])
            }
            try await tx.insertMany("Book", rows: bookRows)
            for (n, bookN, stars, body) in [(1, 1, 5, "Great"), (2, 1, 3, nil), (3, 4, 4, "Tasty"), (4, 7, 2, "Dry")] {
                _ = try await tx.insert(
                    "Review",
                    values: [
                        "id": .string(review(n)), "book_id": .string(book(bookN)), "stars": .int(Int64(stars)),
                        "body": body.map { .string($0) } ?? .null, "created_at": .timestamp(epoch + Int64(n) * hour),
                    ])
            }
        }
    }
}
