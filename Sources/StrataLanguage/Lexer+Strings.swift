/// String literals: scanning and checking them while lexing, and decoding their value when a node is built.
extension Lexer {
    /// The outcome of reading a `\u` escape that starts at some offset.
    enum UnicodeEscape {
        case valid(scalar: UInt32, end: Int)
        /// Well formed, but not a Unicode scalar value (a surrogate without its pair, or above U+10FFFF).
        case invalid(end: Int)
        /// Not four hexadecimal digits, nor hexadecimal digits in braces; `end` is where it went wrong.
        case malformed(end: Int)
    }

    // MARK: Scanning

    /// `"…"`: any character but `"`, `\` and line terminators, plus escape sequences, which are checked here.
    func readString(from start: Int) throws(SyntaxError) -> Token {
        let count = bytes.count
        var index = start + 1
        while index < count {
            switch bytes[index] {
            case 0x22:  // "
                return Token(.string, start, index + 1)
            case 0x5C:  // \
                index = try readEscape(at: index)
            case 0x0A, 0x0D:
                throw SyntaxError("Unterminated string.", at: index)
            default:
                index += 1
            }
        }
        throw SyntaxError("Unterminated string.", at: index)
    }

    /// `"""…"""`: any characters, where `\"""` stands for `"""`.
    func readBlockString(from start: Int) throws(SyntaxError) -> Token {
        let count = bytes.count
        var index = start + 3
        while index < count {
            switch bytes[index] {
            case 0x22 where index + 2 < count && bytes[index + 1] == 0x22 && bytes[index + 2] == 0x22:
                return Token(.blockString, start, index + 3)
            case 0x5C where isEscapedTripleQuote(at: index):
                index += 4
            default:
                index += 1
            }
        }
        throw SyntaxError("Unterminated block string.", at: index)
    }

    /// Checks the escape sequence at `index` (a backslash) and returns the offset after it.
    private func readEscape(at index: Int) throws(SyntaxError) -> Int {
        guard index + 1 < bytes.count else { throw SyntaxError("Unterminated string.", at: bytes.count) }
        switch bytes[index + 1] {
        case 0x22, 0x5C, 0x2F, 0x62, 0x66, 0x6E, 0x72, 0x74:  // " \ / b f n r t
            return index + 2
        case 0x75:  // u
            switch unicodeEscape(at: index) {
            case .valid(_, let end):
                return end
            case .invalid(let end):
                let text = String(decoding: bytes[index..<end], as: UTF8.self)
                throw SyntaxError("Invalid Unicode escape sequence \"\(text)\": not a Unicode scalar value.", at: index)
            case .malformed(let end):
                let text = String(decoding: bytes[index..<end], as: UTF8.self)
                throw SyntaxError(
                    "Invalid Unicode escape sequence \"\(text)\": expected four hexadecimal digits or {digits}.",
                    at: index)
            }
        default:
            throw SyntaxError(
                "Invalid escape sequence: \"\\\" followed by \(describeCharacter(at: index + 1)).", at: index)
        }
    }

    /// Reads `\uXXXX`, a pair `\uD83D\uDE00` of surrogate escapes, or `\u{X…}`, starting at the backslash.
    func unicodeEscape(at index: Int) -> UnicodeEscape {
        let count = bytes.count
        var cursor = index + 2
        if cursor < count, bytes[cursor] == 0x7B {  // {
            cursor += 1
            var value: UInt32 = 0
            let firstDigit = cursor
            while cursor < count, let digit = bytes[cursor].hexValue {
                if value <= 0x10FFFF { value = value << 4 | digit }  // stop growing once out of range
                cursor += 1
            }
            guard cursor < count, bytes[cursor] == 0x7D, cursor > firstDigit else { return .malformed(end: cursor) }
            guard Self.isScalarValue(value) else { return .invalid(end: cursor + 1) }
            return .valid(scalar: value, end: cursor + 1)
        }
        guard let leading = fourHexDigits(at: cursor) else {
            var end = cursor
            while end < count, end < cursor + 4, bytes[end].hexValue != nil { end += 1 }
            return .malformed(end: end)
        }
        cursor += 4
        if Self.isScalarValue(leading) { return .valid(scalar: leading, end: cursor) }
        guard leading < 0xDC00, cursor + 1 < count, bytes[cursor] == 0x5C, bytes[cursor + 1] == 0x75,
            let trailing = fourHexDigits(at: cursor + 2), trailing >= 0xDC00, trailing <= 0xDFFF
        else { return .invalid(end: cursor) }
        let scalar = 0x10000 + (leading - 0xD800) << 10 + (trailing - 0xDC00)
        return .valid(scalar: scalar, end: cursor + 6)
    }

    private func fourHexDigits(at index: Int) -> UInt32? {
        guard index + 4 <= bytes.count else { return nil }
        var value: UInt32 = 0
        for offset in 0..<4 {
            guard let digit = bytes[index + offset].hexValue else { return nil }
            value = value << 4 | digit
        }
        return value
    }

    private static func isScalarValue(_ value: UInt32) -> Bool {
        value < 0xD800 || (value > 0xDFFF && value <= 0x10FFFF)
    }

    @inline(__always) private func isEscapedTripleQuote(at index: Int) -> Bool {
        index + 3 < bytes.count && bytes[index + 1] == 0x22 && bytes[index + 2] == 0x22 && bytes[index + 3] == 0x22
    }

    // MARK: Values

    /// The source text of a token, such as a name or a number.
    @inline(__always) public func text(of token: Token) -> String {
        String(decoding: bytes[Int(token.start)..<Int(token.end)], as: UTF8.self)
    }

    /// The value of a `.string` token, with its escape sequences decoded.
    public func stringValue(of token: Token) -> String {
        let start = Int(token.start) + 1
        let end = Int(token.end) - 1
        guard start < end else { return "" }
        guard bytes[start..<end].contains(0x5C) else {
            return String(decoding: bytes[start..<end], as: UTF8.self)
        }
        var decoded: [UInt8] = []
        decoded.reserveCapacity(end - start)
        var index = start
        while index < end {
            let byte = bytes[index]
            guard byte == 0x5C else {
                decoded.append(byte)
                index += 1
                continue
            }
            switch bytes[index + 1] {
            case 0x62: decoded.append(0x08)  // \b
            case 0x66: decoded.append(0x0C)  // \f
            case 0x6E: decoded.append(0x0A)  // \n
            case 0x72: decoded.append(0x0D)  // \r
            case 0x74: decoded.append(0x09)  // \t
            case 0x75:  // \u
                guard case .valid(let scalar, let escapeEnd) = unicodeEscape(at: index) else {
                    preconditionFailure("string token with an escape the lexer did not accept")
                }
                Self.appendUTF8(of: scalar, to: &decoded)
                index = escapeEnd
                continue
            default: decoded.append(bytes[index + 1])  // \" \\ \/
            }
            index += 2
        }
        return String(decoding: decoded, as: UTF8.self)
    }

    /// The value of a `.blockString` token: `\"""` unescaped, then `BlockStringValue()` of the specification.
    public func blockStringValue(of token: Token) -> String {
        let start = Int(token.start) + 3
        let end = Int(token.end) - 3
        var raw = bytes[start..<end]
        var index = start
        while index < end {
            if bytes[index] == 0x5C, isEscapedTripleQuote(at: index) {
                raw = ArraySlice(unescapingTripleQuotes(start..<end))
                break
            }
            index += 1
        }
        return BlockString.value(ofRaw: raw)
    }

    private func unescapingTripleQuotes(_ range: Range<Int>) -> [UInt8] {
        var raw: [UInt8] = []
        raw.reserveCapacity(range.count)
        var index = range.lowerBound
        while index < range.upperBound {
            if bytes[index] == 0x5C, isEscapedTripleQuote(at: index) { index += 1 }  // drop the backslash
            raw.append(bytes[index])
            index += 1
        }
        return raw
    }

    private static func appendUTF8(of scalar: UInt32, to bytes: inout [UInt8]) {
        switch scalar {
        case ..<0x80:
            bytes.append(UInt8(scalar))
        case ..<0x800:
            bytes.append(UInt8(0xC0 | scalar >> 6))
            bytes.append(UInt8(0x80 | scalar & 0x3F))
        case ..<0x10000:
            bytes.append(UInt8(0xE0 | scalar >> 12))
            bytes.append(UInt8(0x80 | scalar >> 6 & 0x3F))
            bytes.append(UInt8(0x80 | scalar & 0x3F))
        default:
            bytes.append(UInt8(0xF0 | scalar >> 18))
            bytes.append(UInt8(0x80 | scalar >> 12 & 0x3F))
            bytes.append(UInt8(0x80 | scalar >> 6 & 0x3F))
            bytes.append(UInt8(0x80 | scalar & 0x3F))
        }
    }

    // MARK: Error messages

    /// How an error message names a token: `<EOF>`, `"{"`, `Name "id"`, `Int "12"`, `String "text"`.
    public func describe(_ token: Token) -> String {
        switch token.kind {
        case .endOfFile:
            return "<EOF>"
        case .name, .int, .float:
            return "\(token.kind) \"\(text(of: token))\""
        case .string, .blockString:
            let value = token.kind == .string ? stringValue(of: token) : blockStringValue(of: token)
            let shown = value.unicodeScalars.count > 40 ? String(value.unicodeScalars.prefix(40)) + "…" : value
            return "\(token.kind) \"\(shown)\""
        default:
            return token.kind.description
        }
    }
}
