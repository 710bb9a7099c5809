@testable import StrataLanguage
import Testing

/// The lexer finds the end of a name eight bytes at a time; a wrong constant in the word test would end names
/// early or run them into the next token.
@Suite struct NameScanTests {
    private static func isNameCharacter(_ byte: UInt8) -> Bool {
        guard byte < 0x80 else { return false }
        let character = Character(Unicode.Scalar(byte))
        return character == "_" || (character.isASCII && (character.isLetter || character.isNumber))
    }

    @Test func theWordTestMarksExactlyTheBytesThatAreNotNameCharacters() {
        for byte in UInt8.min...UInt8.max {
            for position in 0..<8 {
                // `a` everywhere else, and the neighbours `Z`, `_` and `9` in turn, so a borrow between bytes shows.
                for filler: UInt8 in [0x61, 0x5A, 0x5F, 0x39] {
                    var word = UInt64(0)
                    for index in 0..<8 {
                        word |= UInt64(index == position ? byte : filler) << UInt64(index * 8)
                    }
                    let expected: UInt64 = Self.isNameCharacter(byte) ? 0 : 0x80 << UInt64(position * 8)
                    #expect(Lexer.nonNameBytes(word) == expected, "byte \(byte) at \(position), filler \(filler)")
                }
            }
        }
    }

    @Test func namesOfEveryLengthEndAtTheFirstOtherCharacter() throws {
        let letters = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_0123456789")
        for length in 1...40 {
            let name = String((0..<length).map { letters[($0 * 7) % letters.count] }).replacing(/^[0-9]/, with: "x")
            for stop in [" ", "(", ":", "{", "\n", ",", "!", "é", ""] {
                var lexer = Lexer(Source(name + stop + "  "))
                let token = try lexer.next()
                #expect(token == Token(.name, 0, name.utf8.count), "\(name) followed by \(stop.debugDescription)")
            }
        }
    }
}
