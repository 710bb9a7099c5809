import StrataSQL
import StrataStorage
import Testing

@Suite("ByteWiseKey")
struct ByteWiseKeyTests {
    @Test("canonically equivalent strings are different keys; equal bytes are one key")
    func bytesNotCanonicalEquivalence() {
        let precomposed = ByteWiseKey(.string("caf\u{E9}"))
        let decomposed = ByteWiseKey(.string("cafe\u{301}"))
        #expect(precomposed != decomposed)
        let keys: Set<ByteWiseKey> = [
            precomposed, decomposed, ByteWiseKey(.string("caf\u{E9}")),
            ByteWiseKey(.string(String("00000001-0000-4000-8000-00000000002a".reversed().reversed()))),
            ByteWiseKey(.string("00000001-0000-4000-8000-00000000002a")),
        ]
        #expect(keys.count == 3)
    }

    @Test("a string, its JSON twin and a one-element list are different keys")
    func casesDiffer() {
        let keys: Set<ByteWiseKey> = [
            ByteWiseKey(.string("a")), ByteWiseKey(.json("a")), ByteWiseKey(.stringList(["a"])),
            ByteWiseKey(.stringList(["a", ""])), ByteWiseKey(.stringList(["", "a"])), ByteWiseKey(.stringList(["a"])),
            ByteWiseKey(.string("")), ByteWiseKey(.null),
        ]
        #expect(keys.count == 7)
    }

    @Test("long and short strings compare by length and bytes")
    func lengths() {
        let long = String(repeating: "x", count: 100)
        #expect(ByteWiseKey(.string(long)) == ByteWiseKey(.string(String(repeating: "x", count: 100))))
        #expect(ByteWiseKey(.string(long)) != ByteWiseKey(.string(long + "x")))
        #expect(ByteWiseKey(.string(long + "a")) != ByteWiseKey(.string(long + "b")))
    }
}
