/// The `Date` scalar's text form, `YYYY-MM-DD`, and its value, days since 1970-01-01.
public enum DateText {
    /// Parses `YYYY-MM-DD` (years 0000–9999), checking the month and the day in that month, leap years included.
    public static func parse(_ text: String) -> Int32? {
        var scanner = ASCIIScanner(text)
        guard let days = parseDate(&scanner), scanner.isAtEnd else { return nil }
        return Int32(days)
    }

    /// Formats days since 1970-01-01 as `YYYY-MM-DD`.
    public static func format(days: Int32) -> String {
        String(unsafeUninitializedCapacity: maxLength) { write(days: days, into: $0) }
    }

    /// The most bytes `write(days:into:)` writes.
    public static let maxLength = 24

    /// Writes the text of `format(days:)` (ASCII) at the start of `buffer`, which has room for `maxLength` bytes,
    /// and returns its length.
    public static func write(days: Int32, into buffer: UnsafeMutableBufferPointer<UInt8>) -> Int {
        writeDate(days: Int(days), into: buffer, at: 0)
    }

    /// Writes `YYYY-MM-DD` (a `-` before negative years, more digits for years past 9999) at `at`; returns the
    /// position after it. `buffer` has room for 24 bytes from `at`.
    static func writeDate(days: Int, into buffer: UnsafeMutableBufferPointer<UInt8>, at start: Int) -> Int {
        let (year, month, day) = CivilCalendar.date(days: days)
        var at = start
        if year < 0 {
            buffer[at] = UInt8(ascii: "-")
            at += 1
        }
        at = writePadded(abs(year), width: 4, into: buffer, at: at)
        buffer[at] = UInt8(ascii: "-")
        at = writePadded(month, width: 2, into: buffer, at: at + 1)
        buffer[at] = UInt8(ascii: "-")
        return writePadded(day, width: 2, into: buffer, at: at + 1)
    }

    /// Writes the decimal digits of `value` (≥ 0), left-padded with zeros to `width`; returns the position after
    /// them. The widths of a timestamp's fields, with values that fit them, are written two digits at a time
    /// (a division by 100 or 10 is a multiply): counting and then writing each digit one by one made formatting a
    /// timestamp cost about 430 instructions, a few percent of a list of users' rows.
    @inline(__always) static func writePadded(
        _ value: Int, width: Int, into buffer: UnsafeMutableBufferPointer<UInt8>, at start: Int
    ) -> Int {
        switch width {
        case 2 where value < 100:
            writeTwoDigits(value, into: buffer, at: start)
        case 3 where value < 1_000:
            buffer[start] = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: value / 100)
            writeTwoDigits(value % 100, into: buffer, at: start + 1)
        case 4 where value < 10_000:
            writeTwoDigits(value / 100, into: buffer, at: start)
            writeTwoDigits(value % 100, into: buffer, at: start + 2)
        case 6 where value < 1_000_000:
            writeTwoDigits(value / 10_000, into: buffer, at: start)
            writeTwoDigits(value / 100 % 100, into: buffer, at: start + 2)
            writeTwoDigits(value % 100, into: buffer, at: start + 4)
        default:
            return writeDigits(value, width: width, into: buffer, at: start)
        }
        return start + width
    }

    /// `value` (0–99) as two digits at `at`.
    @inline(__always) private static func writeTwoDigits(
        _ value: Int, into buffer: UnsafeMutableBufferPointer<UInt8>, at start: Int
    ) {
        let tens = value / 10
        buffer[start] = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: tens)
        buffer[start + 1] = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: value &- tens &* 10)
    }

    /// `writePadded` for any width and value: the digits are counted first (years past 9999 take more than four).
    private static func writeDigits(
        _ value: Int, width: Int, into buffer: UnsafeMutableBufferPointer<UInt8>, at start: Int
    ) -> Int {
        var count = 1
        var rest = value / 10
        while rest > 0 {
            count += 1
            rest /= 10
        }
        let length = max(count, width)
        var remaining = value
        var position = start + length - 1
        while position >= start {
            buffer[position] = UInt8(ascii: "0") + UInt8(remaining % 10)
            remaining /= 10
            position -= 1
        }
        return start + length
    }

    static func parseDate(_ scanner: inout ASCIIScanner) -> Int? {
        guard let year = scanner.digits(4), scanner.expect(UInt8(ascii: "-")),
            let month = scanner.digits(2), scanner.expect(UInt8(ascii: "-")),
            let day = scanner.digits(2),
            (1...12).contains(month), day >= 1, day <= CivilCalendar.daysInMonth(month, year: year)
        else { return nil }
        return CivilCalendar.days(year: year, month: month, day: day)
    }
}
