import StrataJSON
import Testing

@testable import StrataExecution

/// The response writer's string escaping, which skips eight bytes at a time while none needs escaping.
@Suite struct JSONOutputTests {
    /// Escapes byte by byte: the definition the fast path must agree with.
    static func reference(_ string: String) -> [UInt8] {
        var out: [UInt8] = []
        for byte in string.utf8 {
            switch byte {
            case UInt8(ascii: "\""): out += Array("\\\"".utf8)
            case UInt8(ascii: "\\"): out += Array("\\\\".utf8)
            case 0x0A: out += Array("\\n".utf8)
            case 0x0D: out += Array("\\r".utf8)
            case 0x09: out += Array("\\t".utf8)
            case 0x08: out += Array("\\b".utf8)
            case 0x0C: out += Array("\\f".utf8)
            case ..<0x20: out += Array(String(format: byte).utf8)
            default: out.append(byte)
            }
        }
        return out
    }

    static let specials: [Character] = ["\"", "\\", "\n", "\r", "\t", "\u{08}", "\u{0C}", "\u{01}", "\u{1F}", "\u{00}"]

    @Test("every character that needs escaping is escaped at every position of strings up to five words long")
    func escapesAtEveryPosition() {
        for length in 1...40 {
            for special in Self.specials {
                for position in 0..<length {
                    var characters = Array(repeating: Character("a"), count: length)
                    characters[position] = special
                    let string = String(characters)
                    var out: [UInt8] = []
                    JSONOutput.appendEscaped(string, to: &out)
                    #expect(out == Self.reference(string), "\(Array(string.utf8)) at \(position)")
                    let arena = ByteArena(capacity: 16)
                    var sink = arena
                    JSONOutput.appendEscaped(string, to: &sink)
                    #expect(Array(arena.bytes) == out, "arena: \(Array(string.utf8)) at \(position)")
                }
            }
        }
    }

    @Test("strings with nothing to escape, ASCII or not, are copied as they are", arguments: [
        "", "a", "abcdefg", "abcdefgh", "00000001-0000-4000-8000-000000000001", "Zoë Ångström 日本語 🚀 ~ DEL\u{7F}",
    ])
    func plainStrings(string: String) {
        var out: [UInt8] = []
        JSONOutput.appendEscaped(string, to: &out)
        #expect(out == Array(string.utf8))
    }

    @Test("an arena keeps every byte written across growths, and starts over when emptied")
    func arenaGrows() {
        let arena = ByteArena(capacity: 16)
        var expected: [UInt8] = []
        for round in 0..<200 {
            let chunk = (0..<(round % 37)).map { UInt8(truncatingIfNeeded: $0 &* 7 &+ round) }
            chunk.withUnsafeBufferPointer { arena.append(bytes: $0) }
            arena.append(UInt8(truncatingIfNeeded: round))
            expected += chunk + [UInt8(truncatingIfNeeded: round)]
        }
        #expect(Array(arena.bytes) == expected)
        #expect(arena.capacity >= expected.count)
        let capacity = arena.capacity
        arena.removeAll()
        #expect(arena.count == 0 && arena.capacity == capacity)
    }

    @Test("the word test finds each byte that needs escaping, and no other, in every lane")
    func wordTest() {
        for lane in 0..<8 {
            for byte in 0...255 {
                var bytes = [UInt8](repeating: UInt8(ascii: "x"), count: 8)
                bytes[lane] = UInt8(byte)
                let word = bytes.withUnsafeBytes { UInt64(littleEndian: $0.loadUnaligned(as: UInt64.self)) }
                let needs = byte < 0x20 || byte == 0x22 || byte == 0x5C
                #expect(JSONOutput.mayNeedEscaping(word) == needs, "byte \(byte) in lane \(lane)")
            }
        }
    }
}

private extension String {
    /// `\u00XX` for a control byte.
    init(format byte: UInt8) {
        let hex = Array("0123456789abcdef".utf8)
        self = "\\u00" + String(decoding: [hex[Int(byte >> 4)], hex[Int(byte & 0xF)]], as: UTF8.self)
    }
}
