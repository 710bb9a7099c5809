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
    @inline(__always) public mutating func next() throws(SyntaxError) -> Token {
        let start = skipIgnored(from: position)
        let count = bytes.count
        guard start < count else {
            position = start
            return Token(.endOfFile, start, start)
        }
        let token: Token
        switch bytes[start] {
        case 0x21: token = Token(.bang, start, start + 1)  // !
        case 0x24: token = Token(.dollar, start, start + 1)  // $
        case 0x26: token = Token(.ampersand, start, start + 1)  // &
        case 0x28: token = Token(.parenLeft, start, start + 1)  // (
        case 0x29: token = Token(.parenRight, start, start + 1)  // )
        case 0x3A: token = Token(.colon, start, start + 1)  // :
        case 0x3D: token = Token(.equals, start, start + 1)  // =
        case 0x40: token = Token(.at, start, start + 1)  // @
        case 0x5B: token = Token(.bracketLeft, start, start + 1)  // [
        case 0x5D: token = Token(.bracketRight, start, start + 1)  // ]
        case 0x7B: token = Token(.braceLeft, start, start + 1)  // {
        case 0x7C: token = Token(.pipe, start, start + 1)  // |
        case 0x7D: token = Token(.braceRight, start, start + 1)  // }
        case 0x2E:  // .
            guard start + 2 < count, bytes[start + 1] == 0x2E, bytes[start + 2] == 0x2E else {
                throw SyntaxError("Unexpected character: \".\"; a spread is written \"...\".", at: start)
            }
            token = Token(.spread, start, start + 3)
        case 0x41...0x5A, 0x5F, 0x61...0x7A:  // A-Z _ a-z
            var end = start + 1
            while end < count, bytes[end].isNameContinue { end += 1 }
            token = Token(.name, start, end)
        case 0x2D, 0x30...0x39:  // - 0-9
            token = try readNumber(from: start)
        case 0x22:  // "
            if start + 2 < count, bytes[start + 1] == 0x22, bytes[start + 2] == 0x22 {
                token = try readBlockString(from: start)
            } else {
                token = try readString(from: start)
            }
        default:
            throw unexpectedCharacter(at: start)
        }
        position = Int(token.end)
        return token
    }

    /// The offset of the first byte at or after `index` that is not part of an ignored token.
    @inline(__always) private func skipIgnored(from index: Int) -> Int {
        let count = bytes.count
        var index = index
        while index < count {
            switch bytes[index] {
            case 0x20:  // space: indentation comes in runs, skipped eight bytes at a time
                index = skipSpaces(from: index + 1)
            case 0x09, 0x0A, 0x0D, 0x2C:  // tab, line feed, carriage return, comma
                index += 1
            case 0x23:  // # starts a comment that runs to the end of the line
                index += 1
                while index < count, bytes[index] != 0x0A, bytes[index] != 0x0D { index += 1 }
            case 0xEF:  // U+FEFF, the byte order mark, is EF BB BF in UTF-8
                guard index + 2 < count, bytes[index + 1] == 0xBB, bytes[index + 2] == 0xBF else { return index }
                index += 3
            default:
                return index
            }
        }
        return index
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
