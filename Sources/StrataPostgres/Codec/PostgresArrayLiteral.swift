/// The text form of a one-dimensional `text[]`: `{a,"b c","with \"quote\"",NULL}`.
enum PostgresArrayLiteral {
    /// Every element double-quoted, with `"` and `\` escaped by a backslash, so no element is ever read as NULL,
    /// trimmed or split.
    ///
    /// Works on UTF-8 bytes: `"` and `\` never occur inside a multi-byte sequence, so escaping them byte by byte
    /// is the same as escaping the scalars.
    static func encode(_ elements: [String]) -> String {
        var capacity = 2
        for element in elements { capacity += element.utf8.count + 3 }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(capacity + capacity / 8)
        bytes.append(UInt8(ascii: "{"))
        for (index, element) in elements.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            bytes.append(UInt8(ascii: "\""))
            for byte in element.utf8 {
                if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") { bytes.append(UInt8(ascii: "\\")) }
                bytes.append(byte)
            }
            bytes.append(UInt8(ascii: "\""))
        }
        bytes.append(UInt8(ascii: "}"))
        return String(decoding: bytes, as: UTF8.self)
    }

    enum ParseError: Error, Equatable {
        case malformed
        /// An unquoted `NULL` element, which a `stringList` cannot hold.
        case nullElement
    }

    /// Parses PostgreSQL's output for a one-dimensional text array (an optional `[lo:hi]=` prefix is skipped).
    static func parse(_ text: some StringProtocol) throws(ParseError) -> [String] {
        let bytes = Array(text.utf8)
        var position = 0
        if bytes.first == UInt8(ascii: "[") {
            guard let equals = bytes.firstIndex(of: UInt8(ascii: "=")) else { throw .malformed }
            position = equals + 1
        }
        guard position < bytes.count, bytes[position] == UInt8(ascii: "{"), bytes.last == UInt8(ascii: "}") else {
            throw .malformed
        }
        position += 1
        let end = bytes.count - 1
        var elements: [String] = []
        if position == end { return elements }
        while true {
            skipSpaces(bytes, &position, end)
            guard position < end else { throw .malformed }
            var element: [UInt8] = []
            if bytes[position] == UInt8(ascii: "\"") {
                position += 1
                var closed = false
                while position < end {
                    let byte = bytes[position]
                    if byte == UInt8(ascii: "\\") {
                        position += 1
                        guard position < end else { throw .malformed }
                        element.append(bytes[position])
                    } else if byte == UInt8(ascii: "\"") {
                        closed = true
                        position += 1
                        break
                    } else {
                        element.append(byte)
                    }
                    position += 1
                }
                guard closed else { throw .malformed }
                skipSpaces(bytes, &position, end)
            } else {
                while position < end, bytes[position] != UInt8(ascii: ","), bytes[position] != UInt8(ascii: "{"),
                    bytes[position] != UInt8(ascii: "}"), bytes[position] != UInt8(ascii: "\"")
                {
                    if bytes[position] == UInt8(ascii: "\\") {
                        position += 1
                        guard position < end else { throw .malformed }
                    }
                    element.append(bytes[position])
                    position += 1
                }
                while let last = element.last, last == UInt8(ascii: " ") { element.removeLast() }
                if element.isEmpty { throw .malformed }
                if element.count == 4, String(decoding: element, as: UTF8.self).uppercased() == "NULL" {
                    throw .nullElement
                }
            }
            elements.append(String(decoding: element, as: UTF8.self))
            if position == end { return elements }
            guard bytes[position] == UInt8(ascii: ",") else { throw .malformed }
            position += 1
        }
    }

    private static func skipSpaces(_ bytes: [UInt8], _ position: inout Int, _ end: Int) {
        while position < end, bytes[position] == UInt8(ascii: " ") { position += 1 }
    }
}
