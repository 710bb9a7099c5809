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
        var text = ""
        appendDate(days: Int(days), to: &text)
        return text
    }

    static func parseDate(_ scanner: inout ASCIIScanner) -> Int? {
        guard let year = scanner.digits(4), scanner.expect(UInt8(ascii: "-")),
            let month = scanner.digits(2), scanner.expect(UInt8(ascii: "-")),
            let day = scanner.digits(2),
            (1...12).contains(month), day >= 1, day <= CivilCalendar.daysInMonth(month, year: year)
        else { return nil }
        return CivilCalendar.days(year: year, month: month, day: day)
    }

    static func appendDate(days: Int, to text: inout String) {
        let (year, month, day) = CivilCalendar.date(days: days)
        if year < 0 { text += "-" }
        ASCIIScanner.appendPadded(abs(year), width: 4, to: &text)
        text += "-"
        ASCIIScanner.appendPadded(month, width: 2, to: &text)
        text += "-"
        ASCIIScanner.appendPadded(day, width: 2, to: &text)
    }
}
