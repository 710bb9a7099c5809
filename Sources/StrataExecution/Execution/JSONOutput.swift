import StrataJSON

/// Low-level JSON emission into a byte buffer, shared by the response writer and the result tree.
enum JSONOutput {
    static let nullBytes: [UInt8] = Array("null".utf8)
    static let trueBytes: [UInt8] = Array("true".utf8)
    static let falseBytes: [UInt8] = Array("false".utf8)

    private static let hex: [UInt8] = Array("0123456789abcdef".utf8)

    @inline(__always)
    static func appendString(_ string: String, to out: inout some JSONByteSink) {
        out.append(UInt8(ascii: "\""))
        appendEscaped(string, to: &out)
        out.append(UInt8(ascii: "\""))
    }

    /// Appends the string's JSON-escaped UTF-8 (without quotes).
    static func appendEscaped(_ string: String, to out: inout some JSONByteSink) {
        // Native strings are contiguous: read them in place (no copy, no retain); others are made native first.
        if string.utf8.withContiguousStorageIfAvailable({ appendEscaped(utf8: $0, to: &out) }) == nil {
            var copy = string
            copy.withUTF8 { appendEscaped(utf8: $0, to: &out) }
        }
    }

    /// Appends JSON-escaped UTF-8 bytes (without quotes). Runs that need no escaping are found eight bytes at a
    /// time and appended whole.
    static func appendEscaped(utf8 bytes: UnsafeBufferPointer<UInt8>, to out: inout some JSONByteSink) {
        if needsNoEscaping(bytes) {
            out.append(bytes: bytes)
            return
        }
        appendEscapedRuns(bytes, to: &out)
    }

    /// Whether no byte needs escaping: eight bytes at a time, the last word overlapping the one before it (most
    /// strings need nothing, and this tells without a byte-by-byte tail).
    @inline(__always) static func needsNoEscaping(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let count = bytes.count
        guard let base = bytes.baseAddress, count > 0 else { return true }
        if count < 8 {
            return !bytes.contains(where: needsEscaping)
        }
        let raw = UnsafeRawPointer(base)
        var offset = 0
        while offset &+ 8 <= count {
            if mayNeedEscaping(UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self))) {
                return false
            }
            offset &+= 8
        }
        return offset == count
            || !mayNeedEscaping(UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: count &- 8, as: UInt64.self)))
    }

    /// `appendEscaped(utf8:to:)` for bytes that need escaping somewhere.
    private static func appendEscapedRuns(_ bytes: UnsafeBufferPointer<UInt8>, to out: inout some JSONByteSink) {
        let count = bytes.count
        var runStart = 0
        var i = 0
        while i < count {
            if i &+ 8 <= count,
                !mayNeedEscaping(UInt64(littleEndian: UnsafeRawPointer(bytes.baseAddress! + i).loadUnaligned(as: UInt64.self)))
            {
                i &+= 8
                continue
            }
            let byte = bytes[i]
            i &+= 1
            if !needsEscaping(byte) { continue }
            if runStart < i &- 1 { out.append(bytes: UnsafeBufferPointer(rebasing: bytes[runStart..<(i &- 1)])) }
            runStart = i
            out.append(UInt8(ascii: "\\"))
            switch byte {
            case UInt8(ascii: "\""): out.append(UInt8(ascii: "\""))
            case UInt8(ascii: "\\"): out.append(UInt8(ascii: "\\"))
            case 0x0A: out.append(UInt8(ascii: "n"))
            case 0x0D: out.append(UInt8(ascii: "r"))
            case 0x09: out.append(UInt8(ascii: "t"))
            case 0x08: out.append(UInt8(ascii: "b"))
            case 0x0C: out.append(UInt8(ascii: "f"))
            default:
                out.append(bytes: [UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"), hex[Int(byte >> 4)], hex[Int(byte & 0xF)]])
            }
        }
        if runStart < count { out.append(bytes: UnsafeBufferPointer(rebasing: bytes[runStart..<count])) }
    }

    /// Whether JSON escapes `byte` in a string: a control character (below 0x20), `"` or `\`.
    @inline(__always) static func needsEscaping(_ byte: UInt8) -> Bool {
        byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\")
    }

    /// Whether any of the eight bytes of `word` is a control character (below 0x20), `"` or `\`. Exact: each test
    /// is the classic "has a byte below n" bit trick, which has no false positives or negatives for the whole word.
    @inline(__always) static func mayNeedEscaping(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        let control = (word &- ones &* 0x20) & ~word & highs
        let quote = word ^ (ones &* 0x22)
        let backslash = word ^ (ones &* 0x5C)
        return (control | ((quote &- ones) & ~quote & highs) | ((backslash &- ones) & ~backslash & highs)) != 0
    }

    static func appendInt(_ value: Int64, to out: inout some JSONByteSink) {
        if value >= 0 && value < 10 {
            out.append(UInt8(ascii: "0") + UInt8(value))
            return
        }
        // Digits from the end of a small stack buffer (no String allocation).
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { buffer in
            var magnitude = value.magnitude
            var start = 20
            repeat {
                start -= 1
                buffer[start] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
            } while magnitude > 0
            if value < 0 { out.append(UInt8(ascii: "-")) }
            out.append(bytes: UnsafeBufferPointer(rebasing: buffer[start..<20]))
        }
    }

    /// Finite doubles as the shortest text that round-trips; integral values without a fraction
    /// (as JavaScript prints them); non-finite values as null.
    static func appendDouble(_ value: Double, to out: inout some JSONByteSink) {
        guard value.isFinite else {
            out.append(bytes: nullBytes)
            return
        }
        if value == value.rounded(), abs(value) < 1e15 {
            if value == 0 {
                out.append(UInt8(ascii: "0"))
                return
            }
            out.append(unescaped: String(Int64(value)))
            return
        }
        out.append(unescaped: value.description)
    }

    static func append(_ value: JSONValue, to out: inout some JSONByteSink) {
        switch value {
        case .null: out.append(bytes: nullBytes)
        case .bool(let b): out.append(bytes: b ? trueBytes : falseBytes)
        case .int(let i): appendInt(i, to: &out)
        case .double(let d): appendDouble(d, to: &out)
        case .string(let s): appendString(s, to: &out)
        case .array(let items):
            out.append(UInt8(ascii: "["))
            for (i, item) in items.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                append(item, to: &out)
            }
            out.append(UInt8(ascii: "]"))
        case .object(let members):
            out.append(UInt8(ascii: "{"))
            for (i, member) in members.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                appendString(member.key, to: &out)
                out.append(UInt8(ascii: ":"))
                append(member.value, to: &out)
            }
            out.append(UInt8(ascii: "}"))
        }
    }
}
