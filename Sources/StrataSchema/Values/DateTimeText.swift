/// The `DateTime` scalar's text form (RFC 3339) and its value, microseconds since 1970-01-01T00:00:00Z.
public enum DateTimeText {
    /// Parses `YYYY-MM-DDTHH:MM:SS[.fraction](Z|±HH:MM)`. `T` and `Z` may be lower case; the fraction has 1–9
    /// digits and is truncated to microseconds; the offset is subtracted so the result is UTC. Seconds run to 59.
    public static func parse(_ text: String) -> Int64? {
        var scanner = ASCIIScanner(text)
        guard let days = DateText.parseDate(&scanner) else { return nil }
        guard let separator = scanner.peek, separator == UInt8(ascii: "T") || separator == UInt8(ascii: "t") else {
            return nil
        }
        scanner.index += 1
        guard let hour = scanner.digits(2), scanner.expect(UInt8(ascii: ":")),
            let minute = scanner.digits(2), scanner.expect(UInt8(ascii: ":")),
            let second = scanner.digits(2),
            hour < 24, minute < 60, second < 60
        else { return nil }
        var micros = 0
        if scanner.expect(UInt8(ascii: ".")) {
            var count = 0
            while let byte = scanner.peek, byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") {
                if count < 6 { micros = micros * 10 + Int(byte - UInt8(ascii: "0")) }
                count += 1
                scanner.index += 1
            }
            guard (1...9).contains(count) else { return nil }
            if count < 6 { for _ in count..<6 { micros *= 10 } }
        }
        var offsetSeconds = 0
        switch scanner.peek {
        case UInt8(ascii: "Z"), UInt8(ascii: "z"):
            scanner.index += 1
        case UInt8(ascii: "+"), UInt8(ascii: "-"):
            let sign = scanner.peek == UInt8(ascii: "-") ? -1 : 1
            scanner.index += 1
            guard let offsetHour = scanner.digits(2), scanner.expect(UInt8(ascii: ":")),
                let offsetMinute = scanner.digits(2), offsetHour < 24, offsetMinute < 60
            else { return nil }
            offsetSeconds = sign * (offsetHour * 3600 + offsetMinute * 60)
        default:
            return nil
        }
        guard scanner.isAtEnd else { return nil }
        let seconds = days * 86_400 + hour * 3600 + minute * 60 + second - offsetSeconds
        return Int64(seconds) * 1_000_000 + Int64(micros)
    }

    /// Formats microseconds since the epoch as UTC: `2024-05-01T10:30:00Z`, with `.123` when the microseconds are
    /// whole milliseconds and `.123456` otherwise.
    public static func format(microseconds: Int64) -> String {
        String(unsafeUninitializedCapacity: maxLength) { write(microseconds: microseconds, into: $0) }
    }

    /// The most bytes `write(microseconds:into:)` writes.
    public static let maxLength = 40

    /// Writes the text of `format(microseconds:)` (ASCII, nothing a JSON string escapes) at the start of `buffer`,
    /// which has room for `maxLength` bytes, and returns its length: a response's timestamps are written into
    /// its bytes this way, with no `String` made for each.
    public static func write(microseconds: Int64, into buffer: UnsafeMutableBufferPointer<UInt8>) -> Int {
        let (secondsTotal, micros) = floorDivide(microseconds, 1_000_000)
        let (days, secondOfDay) = floorDivide(secondsTotal, 86_400)
        var at = DateText.writeDate(days: Int(days), into: buffer, at: 0)
        buffer[at] = UInt8(ascii: "T")
        at = DateText.writePadded(Int(secondOfDay / 3600), width: 2, into: buffer, at: at + 1)
        buffer[at] = UInt8(ascii: ":")
        at = DateText.writePadded(Int(secondOfDay / 60 % 60), width: 2, into: buffer, at: at + 1)
        buffer[at] = UInt8(ascii: ":")
        at = DateText.writePadded(Int(secondOfDay % 60), width: 2, into: buffer, at: at + 1)
        if micros != 0 {
            buffer[at] = UInt8(ascii: ".")
            at =
                micros % 1000 == 0
                ? DateText.writePadded(Int(micros / 1000), width: 3, into: buffer, at: at + 1)
                : DateText.writePadded(Int(micros), width: 6, into: buffer, at: at + 1)
        }
        buffer[at] = UInt8(ascii: "Z")
        return at + 1
    }

    private static func floorDivide(_ a: Int64, _ b: Int64) -> (Int64, Int64) {
        let q = a / b
        let r = a % b
        return r < 0 ? (q - 1, r + b) : (q, r)
    }
}
