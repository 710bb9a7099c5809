/// A strict RFC 8259 JSON parser working directly on UTF-8 bytes.
///
/// It accepts exactly one value surrounded by optional whitespace, nests at most `maxDepth` arrays and objects,
/// rejects invalid UTF-8 and lone surrogates, and turns numbers written without fraction or exponent that fit in
/// 64 bits into `.int`; every other number becomes `.double`.
public enum JSONParser {
    /// The deepest nesting of arrays and objects accepted.
    public static let maxDepth = 512

    public static func parse(_ bytes: [UInt8]) throws(JSONError) -> JSONValue {
        let result = bytes.withUnsafeBufferPointer { buffer in
            var reader = JSONReader(buffer)
            return Result { () throws(JSONError) in try reader.parseDocument() }
        }
        return try result.get()
    }

    public static func parse(_ text: String) throws(JSONError) -> JSONValue {
        var text = text
        let result = text.withUTF8 { buffer in
            var reader = JSONReader(buffer)
            return Result { () throws(JSONError) in try reader.parseDocument() }
        }
        return try result.get()
    }

    public static func parse(_ bytes: some Collection<UInt8>) throws(JSONError) -> JSONValue {
        let contiguous = bytes.withContiguousStorageIfAvailable { buffer in
            var reader = JSONReader(buffer)
            return Result { () throws(JSONError) in try reader.parseDocument() }
        }
        if let contiguous { return try contiguous.get() }
        return try parse(Array(bytes))
    }
}

/// The parser's cursor over one input buffer. Lives only for the duration of one `parse` call.
struct JSONReader: ~Copyable {
    let bytes: UnsafeBufferPointer<UInt8>
    var index = 0
    var depth = 0
    /// Reused for strings with escapes, so decoding them allocates once per document.
    var scratch: [UInt8] = []

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    mutating func parseDocument() throws(JSONError) -> JSONValue {
        skipWhitespace()
        let value = try parseValue()
        skipWhitespace()
        if index < bytes.count {
            throw JSONError(.trailingCharacters, "unexpected \(describe(bytes[index])) after the JSON value", at: index)
        }
        return value
    }

    mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x09, 0x0A, 0x0D: index += 1
            default: return
            }
        }
    }

    mutating func parseValue() throws(JSONError) -> JSONValue {
        guard index < bytes.count else { throw JSONError(.unexpectedEnd, "expected a value, found the end", at: index) }
        switch bytes[index] {
        case UInt8(ascii: "{"): return try parseObject()
        case UInt8(ascii: "["): return try parseArray()
        case UInt8(ascii: "\""): return .string(try parseString())
        case UInt8(ascii: "t"): try expectLiteral("true"); return .bool(true)
        case UInt8(ascii: "f"): try expectLiteral("false"); return .bool(false)
        case UInt8(ascii: "n"): try expectLiteral("null"); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try parseNumber()
        default:
            throw JSONError(.unexpectedCharacter, "expected a value, found \(describe(bytes[index]))", at: index)
        }
    }

    mutating func expectLiteral(_ word: StaticString) throws(JSONError) {
        let start = index
        let count = word.utf8CodeUnitCount
        let pointer = word.utf8Start
        for offset in 0..<count {
            guard start + offset < bytes.count, bytes[start + offset] == pointer[offset] else {
                throw JSONError(.unexpectedCharacter, "invalid literal, expected `\(word)`", at: start)
            }
        }
        index = start + count
    }

    mutating func enterContainer() throws(JSONError) {
        depth += 1
        if depth > JSONParser.maxDepth {
            throw JSONError(.tooDeep, "nesting deeper than \(JSONParser.maxDepth) levels", at: index)
        }
    }

    mutating func parseArray() throws(JSONError) -> JSONValue {
        try enterContainer()
        index += 1  // [
        var items: [JSONValue] = []
        skipWhitespace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
            index += 1
            depth -= 1
            return .array(items)
        }
        while true {
            skipWhitespace()
            items.append(try parseValue())
            skipWhitespace()
            guard index < bytes.count else {
                throw JSONError(.unexpectedEnd, "unterminated array, expected `,` or `]`", at: index)
            }
            let byte = bytes[index]
            index += 1
            if byte == UInt8(ascii: ",") { continue }
            if byte == UInt8(ascii: "]") { break }
            throw JSONError(.unexpectedCharacter, "expected `,` or `]` in array, found \(describe(byte))", at: index - 1)
        }
        depth -= 1
        return .array(items)
    }

    mutating func parseObject() throws(JSONError) -> JSONValue {
        try enterContainer()
        index += 1  // {
        var members: [JSONMember] = []
        skipWhitespace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
            index += 1
            depth -= 1
            return .object(members)
        }
        while true {
            skipWhitespace()
            guard index < bytes.count else {
                throw JSONError(.unexpectedEnd, "unterminated object, expected a member name", at: index)
            }
            guard bytes[index] == UInt8(ascii: "\"") else {
                throw JSONError(
                    .unexpectedCharacter, "expected a string member name, found \(describe(bytes[index]))", at: index)
            }
            let key = try parseString()
            skipWhitespace()
            guard index < bytes.count else {
                throw JSONError(.unexpectedEnd, "unterminated object, expected `:`", at: index)
            }
            guard bytes[index] == UInt8(ascii: ":") else {
                throw JSONError(.unexpectedCharacter, "expected `:` after a member name, found \(describe(bytes[index]))", at: index)
            }
            index += 1
            skipWhitespace()
            let value = try parseValue()
            members.append(JSONMember(key, value))
            skipWhitespace()
            guard index < bytes.count else {
                throw JSONError(.unexpectedEnd, "unterminated object, expected `,` or `}`", at: index)
            }
            let byte = bytes[index]
            index += 1
            if byte == UInt8(ascii: ",") { continue }
            if byte == UInt8(ascii: "}") { break }
            throw JSONError(.unexpectedCharacter, "expected `,` or `}` in object, found \(describe(byte))", at: index - 1)
        }
        depth -= 1
        return .object(members)
    }

    /// Reads a string starting at the opening quote. Strings without escapes are decoded straight from the input.
    mutating func parseString() throws(JSONError) -> String {
        let start = index
        index += 1  // "
        let contentStart = index
        var asciiOnly = true
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                let slice = UnsafeBufferPointer(rebasing: bytes[contentStart..<index])
                index += 1
                if asciiOnly { return String(decoding: slice, as: UTF8.self) }
                guard let text = String(validating: slice, as: UTF8.self) else {
                    throw JSONError(.invalidUnicode, "string is not valid UTF-8", at: contentStart)
                }
                return text
            }
            if byte == UInt8(ascii: "\\") { return try parseEscapedString(contentStart: contentStart) }
            if byte < 0x20 {
                throw JSONError(.controlCharacterInString, "unescaped control character in string", at: index)
            }
            if byte >= 0x80 { asciiOnly = false }
            index += 1
        }
        throw JSONError(.unexpectedEnd, "unterminated string", at: start)
    }

    private mutating func parseEscapedString(contentStart: Int) throws(JSONError) -> String {
        scratch.removeAll(keepingCapacity: true)
        scratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[contentStart..<index]))
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "\""):
                index += 1
                guard let text = String(validating: scratch, as: UTF8.self) else {
                    throw JSONError(.invalidUnicode, "string is not valid UTF-8", at: contentStart)
                }
                return text
            case UInt8(ascii: "\\"):
                try readEscape()
            case 0..<0x20:
                throw JSONError(.controlCharacterInString, "unescaped control character in string", at: index)
            default:
                scratch.append(byte)
                index += 1
            }
        }
        throw JSONError(.unexpectedEnd, "unterminated string", at: contentStart - 1)
    }

    private mutating func readEscape() throws(JSONError) {
        let escapeStart = index
        index += 1  // backslash
        guard index < bytes.count else { throw JSONError(.unexpectedEnd, "unterminated escape sequence", at: escapeStart) }
        let byte = bytes[index]
        index += 1
        switch byte {
        case UInt8(ascii: "\""): scratch.append(0x22)
        case UInt8(ascii: "\\"): scratch.append(0x5C)
        case UInt8(ascii: "/"): scratch.append(0x2F)
        case UInt8(ascii: "b"): scratch.append(0x08)
        case UInt8(ascii: "f"): scratch.append(0x0C)
        case UInt8(ascii: "n"): scratch.append(0x0A)
        case UInt8(ascii: "r"): scratch.append(0x0D)
        case UInt8(ascii: "t"): scratch.append(0x09)
        case UInt8(ascii: "u"):
            var scalar = try readHex4(escapeStart: escapeStart)
            if (0xD800...0xDBFF).contains(scalar) {
                guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u")
                else {
                    throw JSONError(.invalidUnicode, "high surrogate not followed by a low surrogate", at: escapeStart)
                }
                let lowStart = index
                index += 2
                let low = try readHex4(escapeStart: lowStart)
                guard (0xDC00...0xDFFF).contains(low) else {
                    throw JSONError(.invalidUnicode, "high surrogate not followed by a low surrogate", at: lowStart)
                }
                scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
            } else if (0xDC00...0xDFFF).contains(scalar) {
                throw JSONError(.invalidUnicode, "lone low surrogate", at: escapeStart)
            }
            appendUTF8(scalar)
        default:
            throw JSONError(.invalidEscape, "invalid escape sequence \\\(describeRaw(byte))", at: escapeStart)
        }
    }

    private mutating func readHex4(escapeStart: Int) throws(JSONError) -> UInt32 {
        guard index + 4 <= bytes.count else {
            throw JSONError(.invalidEscape, "\\u must be followed by four hexadecimal digits", at: escapeStart)
        }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[index]
            let digit: UInt32
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(byte - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(byte - UInt8(ascii: "A") + 10)
            default: throw JSONError(.invalidEscape, "\\u must be followed by four hexadecimal digits", at: escapeStart)
            }
            value = value << 4 | digit
            index += 1
        }
        return value
    }

    private mutating func appendUTF8(_ scalar: UInt32) {
        switch scalar {
        case 0..<0x80:
            scratch.append(UInt8(scalar))
        case 0x80..<0x800:
            scratch.append(UInt8(0xC0 | scalar >> 6))
            scratch.append(UInt8(0x80 | scalar & 0x3F))
        case 0x800..<0x10000:
            scratch.append(UInt8(0xE0 | scalar >> 12))
            scratch.append(UInt8(0x80 | scalar >> 6 & 0x3F))
            scratch.append(UInt8(0x80 | scalar & 0x3F))
        default:
            scratch.append(UInt8(0xF0 | scalar >> 18))
            scratch.append(UInt8(0x80 | scalar >> 12 & 0x3F))
            scratch.append(UInt8(0x80 | scalar >> 6 & 0x3F))
            scratch.append(UInt8(0x80 | scalar & 0x3F))
        }
    }

    mutating func parseNumber() throws(JSONError) -> JSONValue {
        let start = index
        var negative = false
        if bytes[index] == UInt8(ascii: "-") {
            negative = true
            index += 1
        }
        guard index < bytes.count, isDigit(bytes[index]) else {
            throw JSONError(.invalidNumber, "expected a digit after `-`", at: index)
        }
        // Integer part, accumulated as a negative number so that Int64.min fits.
        var magnitude: Int64 = 0
        var overflow = false
        if bytes[index] == UInt8(ascii: "0") {
            index += 1
            if index < bytes.count, isDigit(bytes[index]) {
                throw JSONError(.invalidNumber, "numbers must not have leading zeros", at: start)
            }
        } else {
            while index < bytes.count, isDigit(bytes[index]) {
                let digit = Int64(bytes[index] - UInt8(ascii: "0"))
                let (times10, o1) = magnitude.multipliedReportingOverflow(by: 10)
                let (next, o2) = times10.subtractingReportingOverflow(digit)
                if o1 || o2 { overflow = true } else { magnitude = next }
                index += 1
            }
        }
        var integral = true
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            integral = false
            index += 1
            guard index < bytes.count, isDigit(bytes[index]) else {
                throw JSONError(.invalidNumber, "expected a digit after the decimal point", at: index)
            }
            while index < bytes.count, isDigit(bytes[index]) { index += 1 }
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            integral = false
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") {
                index += 1
            }
            guard index < bytes.count, isDigit(bytes[index]) else {
                throw JSONError(.invalidNumber, "expected a digit in the exponent", at: index)
            }
            while index < bytes.count, isDigit(bytes[index]) { index += 1 }
        }
        if integral && !overflow {
            if negative { return .int(magnitude) }
            if magnitude != .min { return .int(-magnitude) }
        }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
        guard let double = Double(text), double.isFinite else {
            throw JSONError(.invalidNumber, "number out of range", at: start)
        }
        return .double(double)
    }

    @inline(__always) func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }

    func describe(_ byte: UInt8) -> String { "`\(describeRaw(byte))`" }

    func describeRaw(_ byte: UInt8) -> String {
        if byte >= 0x20 && byte < 0x7F { return String(UnicodeScalar(byte)) }
        let hex = String(byte, radix: 16, uppercase: true)
        return "0x" + (hex.count == 1 ? "0" + hex : hex)
    }
}
