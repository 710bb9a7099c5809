/// `YYYY-MM-DD` text for dates stored as days since 1970-01-01 (proleptic Gregorian calendar).
///
/// Years 0000–9999 use four digits, so text order is date order there; years outside that range get a sign
/// (`-0001-12-31`, `+10000-01-01`) and still round-trip, but no longer sort as text.
enum CivilDate {
    static func format(daysSinceEpoch days: Int32) -> String {
        let (year, month, day) = civil(fromDays: Int64(days))
        var text = ""
        if year < 0 {
            text = "-" + padded(-year, 4)
        } else if year > 9999 {
            text = "+" + String(year)
        } else {
            text = padded(year, 4)
        }
        return text + "-" + padded(month, 2) + "-" + padded(day, 2)
    }

    /// The day number of `YYYY-MM-DD` (optionally signed year), nil when the text is not a valid date.
    static func parse(_ text: String) -> Int32? {
        var bytes = Array(text.utf8)[...]
        var sign: Int64 = 1
        if let first = bytes.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+") {
            if first == UInt8(ascii: "-") { sign = -1 }
            bytes = bytes.dropFirst()
        }
        let parts = bytes.split(separator: UInt8(ascii: "-"), omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count >= 4, parts[1].count == 2, parts[2].count == 2,
            let year = number(parts[0]), let month = number(parts[1]), let day = number(parts[2]),
            (1...12).contains(month), day >= 1, day <= daysInMonth(sign * year, month)
        else { return nil }
        let days = self.days(fromYear: sign * year, month: month, day: day)
        guard let result = Int32(exactly: days) else { return nil }
        return result
    }

    /// Days since 1970-01-01 of a civil date (era-based, exact for every Int64 year in range).
    static func days(fromYear year: Int64, month: Int64, day: Int64) -> Int64 {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let shiftedMonth = month > 2 ? month - 3 : month + 9  // March = 0
        let dayOfYear = (153 * shiftedMonth + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    static func civil(fromDays days: Int64) -> (year: Int64, month: Int64, day: Int64) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
        let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    private static func daysInMonth(_ year: Int64, _ month: Int64) -> Int64 {
        switch month {
        case 2:
            let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
            return leap ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    private static func number(_ digits: ArraySlice<UInt8>) -> Int64? {
        guard digits.count <= 12 else { return nil }
        var value: Int64 = 0
        for byte in digits {
            guard byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") else { return nil }
            value = value * 10 + Int64(byte - UInt8(ascii: "0"))
        }
        return value
    }

    private static func padded(_ value: Int64, _ width: Int) -> String {
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }
}
