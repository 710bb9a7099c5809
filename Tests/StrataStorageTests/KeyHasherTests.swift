import Testing

@testable import StrataStorage

/// The keyed hash the loaders' and the memory adapter's key tables use for strings.
@Suite struct KeyHasherTests {
    static func hash(_ string: String, discriminator: UInt8 = 0, seed: Int = 0) -> Int {
        UTF8Bytes.keyHash(string, discriminator: discriminator, seed: seed)
    }

    @Test("equal bytes hash alike, whether the string is native, small or bridged through a substring")
    func equalBytesHashAlike() {
        let id = "00000001-0000-4000-8000-000000000001"
        let rebuilt = String(Substring(id + "x").dropLast())
        #expect(Self.hash(id) == Self.hash(rebuilt))
        #expect(Self.hash("short") == Self.hash(String("short!".dropLast())))
    }

    @Test("length, tail bytes, seed and discriminator all change the hash")
    func inputsChangeTheHash() {
        #expect(Self.hash("a") != Self.hash("a\u{0}"))
        #expect(Self.hash("") != Self.hash("\u{0}"))
        #expect(Self.hash("abcdefgh") != Self.hash("abcdefgh\u{0}"))
        #expect(Self.hash("abcdefghi") != Self.hash("abcdefghj"))
        #expect(Self.hash("key", seed: 1) != Self.hash("key", seed: 2))
        #expect(Self.hash("key", discriminator: 1) != Self.hash("key", discriminator: 2))
    }

    @Test("ten thousand ids that differ in one middle character spread over the buckets of a small table")
    func similarKeysSpread() {
        var buckets = [Int](repeating: 0, count: 1024)
        var seen = Set<Int>()
        let hex = Array("0123456789abcdef")
        for n in 0..<10_000 {
            let middle = String((0..<4).map { hex[(n >> ($0 * 4)) & 15] })
            let id = "00000000-\(middle)-4000-8000-000000000000"
            let value = Self.hash(id)
            seen.insert(value)
            buckets[value & 1023] += 1
        }
        #expect(seen.count == 10_000)
        // About 9.8 per bucket; a biased hash piles far more into some.
        #expect(buckets.max()! < 30)
    }

    @Test("a canonically equivalent string with other bytes is another key")
    func canonicalEquivalentsAreDifferentKeys() {
        let composed = "\u{E9}"
        let decomposed = "e\u{301}"
        #expect(composed == decomposed)
        #expect(ByteWiseKey(.string(composed)) != ByteWiseKey(.string(decomposed)))
        #expect(Set([ByteWiseKey(.string(composed)), ByteWiseKey(.string(decomposed))]).count == 2)
        #expect(Set([ByteWiseKey(.string(composed)), ByteWiseKey(.string("\u{E9}"))]).count == 1)
    }
}
