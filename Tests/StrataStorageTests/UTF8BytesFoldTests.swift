import Foundation
import StrataStorage
import Testing

/// `UTF8Bytes.fold` picks the shard of a memory index: equal bytes must fold alike however the string is stored
/// (small and inline, native on the heap, built from bytes, from a substring), or a key would be looked for in
/// a shard it was never put in.
@Suite("UTF-8 byte folding")
struct UTF8BytesFoldTests {
    @Test("equal bytes fold alike whatever the string's storage", arguments: [
        "", "a", "u1", "00000001-0000-4000-8000-00000000002a", "exactly15bytes!", "sixteen bytes!!!",
        "é — unicode ✓ 𝄞", String(repeating: "x", count: 100),
    ])
    func equalBytesFoldAlike(_ text: String) {
        let literal = text
        let fromBytes = String(decoding: Array(text.utf8), as: UTF8.self)
        let fromSubstring = String(("<" + text + ">").dropFirst().dropLast())
        let fromParts = text.map { String($0) }.joined()
        let bridged = NSString(string: text) as String
        for other in [fromBytes, fromSubstring, fromParts, bridged] {
            #expect(UTF8Bytes.fold(other) == UTF8Bytes.fold(literal))
        }
    }

    @Test("strings that differ in any one byte (or only in length) fold differently")
    func differentBytesFoldApart() {
        let base = "00000001-0000-4000-8000-00000000002a"
        var folds: Set<UInt64> = [UTF8Bytes.fold(base), UTF8Bytes.fold(base + "0"), UTF8Bytes.fold(String(base.dropLast()))]
        var bytes = Array(base.utf8)
        for position in bytes.indices {
            let original = bytes[position]
            bytes[position] = original == UInt8(ascii: "f") ? UInt8(ascii: "e") : UInt8(ascii: "f")
            folds.insert(UTF8Bytes.fold(String(decoding: bytes, as: UTF8.self)))
            bytes[position] = original
        }
        #expect(folds.count == bytes.count + 3)
        // Canonically equivalent but different bytes: the memory adapter keeps them apart, and so may the fold.
        #expect(UTF8Bytes.fold("\u{E9}") != UTF8Bytes.fold("e\u{301}"))
    }
}
