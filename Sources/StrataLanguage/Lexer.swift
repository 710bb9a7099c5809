/// Turns the UTF-8 bytes of a document into tokens, one `next()` at a time.
///
/// Ignored tokens (white space, line terminators, commas, comments and byte order marks) are skipped.
/// Tokens carry no text: `text(of:)`, `stringValue(of:)` and `blockStringValue(of:)` read it from the
/// bytes when a node is built. Offsets are stored as `UInt32`, so documents must be under 4 GiB
/// (`parse` refuses larger ones).
public struct Lexer: Sendable {
    public let bytes: [UInt8]
    /// The offset just past the last token read.
    public private(set) var position: Int

    public init(_ source: Source) {
        self.init(bytes: source.bytes)
    }

    public init(bytes: [UInt8]) {
        self.bytes = bytes
        self.position = 0
    }

    /// Reads the next token. At the end of the input it returns `.endOfFile` tokens forever.
    ///
    /// One `switch` on each byte both skips ignored tokens and starts the next token, so the byte that ends a run
    /// of white space is read and dispatched once (a separate skipping loop read it twice: 4% of the parser's
    /// instructions on the benchmark documents, where most tokens follow a line break and an indentation). A line
    /// break skips the indentation after it at once, and white space and names — most of what a document holds — are
    /// recognised by compares before the `switch`, whose indirect jump was a third of the lexer's time.
    @inline(__always) public mutating func next() throws(SyntaxError) -> Token {
        let count = bytes.count
        var start = position
        while start < count {
            let byte = bytes[start]
            if byte == 0x20 || byte == 0x0A {  // space, line feed: indentation comes in runs, skipped by words
                start = skipSpaces(from: start &+ 1)
                continue
            }
            if (byte | 0x20) &- 0x61 < 26 || byte == 0x5F {  // A-Z a-z _ (upper case folded onto lower case)
                return consumed(Token(.name, start, nameEnd(from: start &+ 1)))
            }
            switch byte {
            case 0x09, 0x0D, 0x2C:  // tab, carriage return, comma
                start &+= 1
            case 0x23:  // # starts a comment that runs to the end of the line
                start &+= 1
                while start < count, bytes[start] != 0x0A, bytes[start] != 0x0D { start &+= 1 }
            case 0xEF:  // U+FEFF, the byte order mark, is EF BB BF in UTF-8
                guard start &+ 2 < count, bytes[start &+ 1] == 0xBB, bytes[start &+ 2] == 0xBF else {
                    throw unexpectedCharacter(at: start)
                }
                start &+= 3
            case 0x21: return punctuator(.bang, at: start)  // !
            case 0x24: return punctuator(.dollar, at: start)  // $
            case 0x26: return punctuator(.ampersand, at: start)  // &
            case 0x28: return punctuator(.parenLeft, at: start)  // (
            case 0x29: return punctuator(.parenRight, at: start)  // )
            case 0x3A: return punctuator(.colon, at: start)  // :
            case 0x3D: return punctuator(.equals, at: start)  // =
            case 0x40: return punctuator(.at, at: start)  // @
            case 0x5B: return punctuator(.bracketLeft, at: start)  // [
            case 0x5D: return punctuator(.bracketRight, at: start)  // ]
            case 0x7B: return punctuator(.braceLeft, at: start)  // {
            case 0x7C: return punctuator(.pipe, at: start)  // |
            case 0x7D: return punctuator(.braceRight, at: start)  // }
            case 0x2E:  // .
                guard start &+ 2 < count, bytes[start &+ 1] == 0x2E, bytes[start &+ 2] == 0x2E else {
                    throw SyntaxError("Unexpected character: \".\"; a spread is written \"...\".", at: start)
                }
                return consumed(Token(.spread, start, start &+ 3))
            case 0x2D, 0x30...0x39:  // - 0-9
                return consumed(try readNumber(from: start))
            case 0x22:  // "
                if start &+ 2 < count, bytes[start &+ 1] == 0x22, bytes[start &+ 2] == 0x22 {
                    return consumed(try readBlockString(from: start))
                }
                return consumed(try readString(from: start))
            default:
                throw unexpectedCharacter(at: start)
            }
        }
        position = start
        return Token(.endOfFile, start, start)
    }

    /// A one-byte punctuator at `start`, consumed.
    @inline(__always) private mutating func punctuator(_ kind: TokenKind, at start: Int) -> Token {
        position = start &+ 1
        return Token(kind, start, start &+ 1)
    }

    /// `token`, consumed: the next read starts after it.
    @inline(__always) private mutating func consumed(_ token: Token) -> Token {
        position = Int(token.end)
        return token
    }

    /// The offset of the first byte at or after `index` that is not a space. Reads eight bytes at a time
    /// while they are all spaces; the first other byte of a word is found from its trailing zero bits.
    @inline(__always) private func skipSpaces(from index: Int) -> Int {
        let count = bytes.count
        var index = index
        let spaces: UInt64 = 0x2020_2020_2020_2020
        bytes.withUnsafeBytes { raw in
            while index &+ 8 <= count {
                let other = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)) ^ spaces
                if other != 0 {
                    index &+= other.trailingZeroBitCount &>> 3
                    return
                }
                index &+= 8
            }
            while index < count, raw[index] == 0x20 { index &+= 1 }
        }
        return index
    }

    // MARK: Names

    /// The offset just past the name characters from `index` on. Reads eight bytes at a time: most names end
    /// within the first word, where a byte-by-byte loop spent three compare-and-branch steps on every letter.
    @inline(__always) private func nameEnd(from index: Int) -> Int {
        let count = bytes.count
        var index = index
        return bytes.withUnsafeBytes { raw in
            while index &+ 8 <= count {
                let word = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: index, as: UInt64.self))
                let stops = Self.nonNameBytes(word)
                if stops != 0 { return index &+ (stops.trailingZeroBitCount &>> 3) }
                index &+= 8
            }
            while index < count, raw[index].isNameContinue { index &+= 1 }
            return index
        }
    }

    /// The high bit of each byte of `word` that is not a name character (`[_0-9A-Za-z]`), and no other bit.
    ///
    /// Every test works on the low seven bits of each byte, where adding a constant below 0x80 never carries into
    /// the next byte: `t + (0x80 - lo)` has its high bit set when `t >= lo`, `t + (0x7F - hi)` when `t > hi`.
    /// Bytes with the high bit set (parts of non-ASCII characters) are never name characters.
    @inline(__always) static func nonNameBytes(_ word: UInt64) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let high: UInt64 = 0x8080_8080_8080_8080
        let low = word & ~high
        let folded = low | 0x20 &* ones  // A-Z onto a-z
        let letter = (folded &+ (0x80 - 0x61) &* ones) & ~(folded &+ (0x7F - 0x7A) &* ones)
        let digit = (low &+ (0x80 - 0x30) &* ones) & ~(low &+ (0x7F - 0x39) &* ones)
        let notUnderscore = low ^ 0x5F &* ones  // zero where the byte is `_`
        let underscore = ~((notUnderscore &+ 0x7F &* ones) | notUnderscore)
        let name = (letter | digit | underscore) & ~word & high
        return name ^ high
    }

    // MARK: Numbers

    /// `IntValue` or `FloatValue`: no leading zeros, and no digit, `.` or name start right after it.
    private func readNumber(from start: Int) throws(SyntaxError) -> Token {
        let count = bytes.count
        var index = start
        var isFloat = false
        if bytes[index] == 0x2D { index += 1 }  // -
        if index < count, bytes[index] == 0x30 {  // 0
            index += 1
            if index < count, bytes[index].isDigit {
                throw SyntaxError(
                    "Invalid number: unexpected digit \(describeCharacter(at: index)) after a leading zero.", at: index)
            }
        } else {
            index = try readDigits(from: index)
        }
        if index < count, bytes[index] == 0x2E {  // .
            isFloat = true
            index = try readDigits(from: index + 1)
        }
        if index < count, bytes[index] | 0x20 == 0x65 {  // e or E
            isFloat = true
            index += 1
            if index < count, bytes[index] == 0x2B || bytes[index] == 0x2D { index += 1 }  // + or -
            index = try readDigits(from: index)
        }
        if index < count, bytes[index] == 0x2E || bytes[index].isNameStart {
            let number = String(decoding: bytes[start..<index], as: UTF8.self)
            throw SyntaxError(
                "Invalid number: unexpected \(describeCharacter(at: index)) after \"\(number)\".", at: index)
        }
        return Token(isFloat ? .float : .int, start, index)
    }

    /// One or more digits from `index`; returns the offset after the last.
    @inline(__always) private func readDigits(from index: Int) throws(SyntaxError) -> Int {
        let count = bytes.count
        guard index < count, bytes[index].isDigit else {
            throw SyntaxError("Invalid number: expected a digit, found \(describeCharacter(at: index)).", at: index)
        }
        var index = index + 1
        while index < count, bytes[index].isDigit { index += 1 }
        return index
    }

    // MARK: Errors

    @inline(never) private func unexpectedCharacter(at index: Int) -> SyntaxError {
        if bytes[index] == 0x27 {
            return SyntaxError(
                "Unexpected single quote character ('): strings are written in double quotes (\").", at: index)
        }
        return SyntaxError("Unexpected character: \(describeCharacter(at: index)).", at: index)
    }

    /// A character for an error message: printable ASCII in quotes, anything else as `U+XXXX`.
    func describeCharacter(at index: Int) -> String {
        guard index < bytes.count else { return "<EOF>" }
        let byte = bytes[index]
        if byte >= 0x20, byte < 0x7F {
            return byte == 0x22 ? "'\"'" : "\"\(Character(Unicode.Scalar(byte)))\""
        }
        let hex = String(scalarValue(at: index), radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }

    /// The Unicode scalar value of the UTF-8 sequence starting at `index` (the bytes are valid UTF-8).
    private func scalarValue(at index: Int) -> UInt32 {
        let lead = UInt32(bytes[index])
        let length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
        guard index + length <= bytes.count else { return lead }
        var value = length == 1 ? lead : lead & (0xFF >> (length + 1))
        for offset in 1..<length {
            value = value << 6 | UInt32(bytes[index + offset] & 0x3F)
        }
        return value
    }
}
