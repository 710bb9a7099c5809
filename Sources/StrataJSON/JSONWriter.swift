/// Writes compact JSON into a byte buffer.
///
/// Strings escape `"`, `\` and the control characters (as `\n`, `\t`, … or `\u00XX`) and keep every other
/// character as UTF-8. Doubles print as JavaScript prints numbers (`3`, `0.1`, `1e+21`, `1e-7`); infinities and
/// NaN, which JSON cannot express, print as `null`.
public struct JSONWriter: Sendable {
    public var bytes: [UInt8]

    public init(capacity: Int = 256) {
        bytes = []
        bytes.reserveCapacity(capacity)
    }

    public mutating func write(_ value: JSONValue) {
        switch value {
        case .null: Self.appendASCII("null", into: &bytes)
        case .bool(let b): Self.appendASCII(b ? "true" : "false", into: &bytes)
        case .int(let i): Self.writeInteger(i, into: &bytes)
        case .double(let d): Self.writeDouble(d, into: &bytes)
        case .string(let s): Self.writeEscaped(string: s, into: &bytes)
        case .array(let items):
            bytes.append(UInt8(ascii: "["))
            for (i, item) in items.enumerated() {
                if i > 0 { bytes.append(UInt8(ascii: ",")) }
                write(item)
            }
            bytes.append(UInt8(ascii: "]"))
        case .object(let members):
            bytes.append(UInt8(ascii: "{"))
            for (i, member) in members.enumerated() {
                if i > 0 { bytes.append(UInt8(ascii: ",")) }
                Self.writeEscaped(string: member.key, into: &bytes)
                bytes.append(UInt8(ascii: ":"))
                write(member.value)
            }
            bytes.append(UInt8(ascii: "}"))
        }
    }

    /// Appends a quoted, escaped JSON string.
    public mutating func writeString(_ string: String) { Self.writeEscaped(string: string, into: &bytes) }

    /// Appends a double as JavaScript prints it (`null` if it is not finite).
    public mutating func writeDouble(_ value: Double) { Self.writeDouble(value, into: &bytes) }

    /// Appends an integer in decimal.
    public mutating func writeInteger(_ value: Int64) { Self.writeInteger(value, into: &bytes) }

    /// Appends bytes that are already JSON, such as a punctuation character or a cached fragment.
    public mutating func writeRaw(_ text: StaticString) { Self.appendASCII(text, into: &bytes) }

    /// The bytes written so far, as a string.
    public var text: String { String(decoding: bytes, as: UTF8.self) }

    /// Appends `string` as a quoted JSON string.
    public static func writeEscaped(string: String, into bytes: inout [UInt8]) {
        bytes.append(UInt8(ascii: "\""))
        var string = string
        string.withUTF8 { utf8 in
            var runStart = 0
            for index in 0..<utf8.count {
                let byte = utf8[index]
                guard byte < 0x20 || byte == 0x22 || byte == 0x5C else { continue }
                if runStart < index { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<index])) }
                runStart = index + 1
                switch byte {
                case 0x22: bytes.append(0x5C); bytes.append(0x22)
                case 0x5C: bytes.append(0x5C); bytes.append(0x5C)
                case 0x0A: bytes.append(0x5C); bytes.append(UInt8(ascii: "n"))
                case 0x0D: bytes.append(0x5C); bytes.append(UInt8(ascii: "r"))
                case 0x09: bytes.append(0x5C); bytes.append(UInt8(ascii: "t"))
                case 0x08: bytes.append(0x5C); bytes.append(UInt8(ascii: "b"))
                case 0x0C: bytes.append(0x5C); bytes.append(UInt8(ascii: "f"))
                default:
                    bytes.append(contentsOf: [0x5C, UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0")])
                    bytes.append(hexDigit(byte >> 4))
                    bytes.append(hexDigit(byte & 0xF))
                }
            }
            if runStart < utf8.count { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart...])) }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    /// Appends the decimal text of an integer without going through `String`.
    public static func writeInteger(_ value: Int64, into bytes: inout [UInt8]) {
        if value == 0 {
            bytes.append(UInt8(ascii: "0"))
            return
        }
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        var magnitude = value.magnitude
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)  // room for 24 digits, more than 20 needed
        let count = withUnsafeMutableBytes(of: &digits) { raw -> Int in
            var n = 0
            while magnitude > 0 {
                raw[23 - n] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
                n += 1
            }
            return n
        }
        withUnsafeBytes(of: &digits) { raw in
            bytes.append(contentsOf: UnsafeRawBufferPointer(rebasing: raw[(24 - count)...]))
        }
    }

    /// Appends a double as JavaScript's `Number.prototype.toString` would print it; `null` if it is not finite.
    public static func writeDouble(_ value: Double, into bytes: inout [UInt8]) {
        appendASCII(javaScriptText(value), into: &bytes)
    }

    /// The text JavaScript prints for a number: shortest round-trip digits, fixed notation for exponents in
    /// [-7, 21), exponential notation (`1e+21`, `1.5e-7`) outside, and `null` for infinities and NaN.
    public static func javaScriptText(_ value: Double) -> String {
        guard value.isFinite else { return "null" }
        if value == 0 { return "0" }
        if value == value.rounded(.towardZero), abs(value) < 1e15 { return String(Int64(value)) }
        // Swift's description gives the shortest round-trip digits; re-layout them the JavaScript way.
        let swiftText = value.magnitude.description
        var digits: [UInt8] = []
        var pointPosition: Int? = nil
        var exponent = 0
        var utf8 = swiftText.utf8[...]
        while let byte = utf8.first, byte != UInt8(ascii: "e"), byte != UInt8(ascii: "E") {
            utf8 = utf8.dropFirst()
            if byte == UInt8(ascii: ".") { pointPosition = digits.count } else { digits.append(byte) }
        }
        if !utf8.isEmpty { exponent = Int(Substring(utf8.dropFirst())) ?? 0 }
        // Value = 0.d1d2d3… × 10^n where n counts digits before the point.
        var n = (pointPosition ?? digits.count) + exponent
        while digits.count > 1, digits.first == UInt8(ascii: "0") {
            digits.removeFirst()
            n -= 1
        }
        while digits.count > 1, digits.last == UInt8(ascii: "0") { digits.removeLast() }
        let k = digits.count
        var out: [UInt8] = value < 0 ? [UInt8(ascii: "-")] : []
        if k <= n && n <= 21 {
            out += digits
            out += [UInt8](repeating: UInt8(ascii: "0"), count: n - k)
        } else if 0 < n && n <= 21 {
            out += digits[..<n]
            out.append(UInt8(ascii: "."))
            out += digits[n...]
        } else if -6 < n && n <= 0 {
            out += [UInt8(ascii: "0"), UInt8(ascii: ".")]
            out += [UInt8](repeating: UInt8(ascii: "0"), count: -n)
            out += digits
        } else {
            out.append(digits[0])
            if k > 1 {
                out.append(UInt8(ascii: "."))
                out += digits[1...]
            }
            out.append(UInt8(ascii: "e"))
            out.append(n - 1 >= 0 ? UInt8(ascii: "+") : UInt8(ascii: "-"))
            out += Array(String(abs(n - 1)).utf8)
        }
        return String(decoding: out, as: UTF8.self)
    }

    @inline(__always) static func hexDigit(_ nibble: UInt8) -> UInt8 {
        nibble < 10 ? UInt8(ascii: "0") + nibble : UInt8(ascii: "a") + nibble - 10
    }

    @inline(__always) static func appendASCII(_ text: StaticString, into bytes: inout [UInt8]) {
        bytes.append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    @inline(__always) static func appendASCII(_ text: String, into bytes: inout [UInt8]) {
        bytes.append(contentsOf: text.utf8)
    }
}
