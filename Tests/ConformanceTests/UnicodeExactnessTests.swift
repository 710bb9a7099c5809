import StrataJSON
import Testing

/// Strings that differ only in Unicode normalization (precomposed `É` vs `E` + U+0301) are different strings for
/// storage (byte-wise), so the executor must not merge them through `String ==`, which is canonical equivalence.
@Suite struct UnicodeExactnessTests {
    static let nfc = "\u{C9}mile"
    static let nfd = "E\u{301}mile"

    @Test("queries whose literals differ only in normalization are cached and answered separately", arguments: ConformanceBackend.allCases)
    func documentCacheComparesBytes(backend: ConformanceBackend) async throws {
        guard let database = try await ConformanceDatabase.open(backend) else { return }
        let first = await database.run(#"{ users(where: { name: { eq: "\#(Self.nfc)" } }) { email } }"#)
        let second = await database.run(#"{ users(where: { name: { eq: "\#(Self.nfd)" } }) { email } }"#)
        #expect(first.json.serialized() == #"{"data":{"users":[{"email":"emile@example.com"}]}}"#)
        #expect(second.json.serialized() == #"{"data":{"users":[{"email":"emile.nfd@example.com"}]}}"#)
        await database.close()
    }

    @Test("aliased lists whose filters differ only in normalization are fetched separately", arguments: ConformanceBackend.allCases)
    func listFetchesCompareBytes(backend: ConformanceBackend) async throws {
        guard let database = try await ConformanceDatabase.open(backend) else { return }
        let (json, statements) = await database.counting(
            #"{ a: users(where: { name: { eq: "\#(Self.nfc)" } }) { email } b: users(where: { name: { eq: "\#(Self.nfd)" } }) { email } }"#)
        #expect(
            json.serialized()
                == #"{"data":{"a":[{"email":"emile@example.com"}],"b":[{"email":"emile.nfd@example.com"}]}}"#)
        #expect(statements == 2)
        await database.close()
    }
}
