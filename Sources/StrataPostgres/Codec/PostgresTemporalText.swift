/// Text forms of `date` and `timestamptz` as PostgreSQL reads and writes them with `DateStyle = ISO` and
/// `TimeZone = UTC`: `2024-02-29`, `0044-03-15 BC`, `1969-12-31 23:59:59.999999+00`.
enum PostgresTemporalText {
    static let microsecondsPerDay: Int64 = 86_400_000_000

    /// `days` since 1970-01-01 as a `date` literal.
    static func date(days: Int32) -> String {
        PostgresCivilDate(daysSinceEpoch: Int64(days)).postgresText
    }

    /// Microseconds since 1970-01-01T00:00:00Z as a `timestamptz` literal in UTC.
    static func timestamp(microseconds: Int64) -> String {
        // Floor division, so instants before 1970 land on the right day with a positive time of day.
        var days = microseconds / microsecondsPerDay
        var timeOfDay = microseconds % microsecondsPerDay
        if timeOfDay < 0 {
            days -= 1
            timeOfDay += microsecondsPerDay
        }
        let civil = PostgresCivilDate(daysSinceEpoch: days)
        let seconds = timeOfDay / 1_000_000
        let fraction = timeOfDay % 1_000_000
        var text = String(civil.postgresText.prefix { $0 != " " })
        text += " " + PostgresCivilDate.padded(seconds / 3600, width: 2)
        text += ":" + PostgresCivilDate.padded(seconds / 60 % 60, width: 2)
        text += ":" + PostgresCivilDate.padded(seconds % 60, width: 2)
        if fraction != 0 { text += "." + PostgresCivilDate.padded(fraction, width: 6) }
        text += "+00"
        return civil.year <= 0 ? text + " BC" : text
    }

    /// Parses `YYYY-MM-DD[ BC]` into days since 1970-01-01.
    static func parseDate(_ text: some StringProtocol) -> Int32? {
        withBytes(text) { parseDate(bytes: $0) }
    }

    /// `parseDate` of a result field's bytes, read in place.
    static func parseDate(bytes: UnsafeBufferPointer<UInt8>) -> Int32? {
        var scanner = TemporalScanner(bytes)
        guard let civil = scanner.civilDate() else { return nil }
        let isBC = scanner.bcSuffix()
        guard scanner.isAtEnd else { return nil }
        let days = Self.adjustedForEra(civil, isBC: isBC)?.daysSinceEpoch
        guard let days, let narrow = Int32(exactly: days) else { return nil }
        return narrow
    }

    /// Parses `YYYY-MM-DD HH:MM:SS[.ffffff][+HH[:MM[:SS]]][ BC]` into microseconds since the epoch (UTC).
    static func parseTimestamp(_ text: some StringProtocol) -> Int64? {
        withBytes(text) { parseTimestamp(bytes: $0) }
    }

    /// `parseTimestamp` of a result field's bytes, read in place: no `String`, no array, per value.
    static func parseTimestamp(bytes: UnsafeBufferPointer<UInt8>) -> Int64? {
        var scanner = TemporalScanner(bytes)
        guard let civil = scanner.civilDate(), scanner.take(UInt8(ascii: " ")) || scanner.take(UInt8(ascii: "T")),
            let hour = scanner.number(digits: 2), scanner.take(UInt8(ascii: ":")),
            let minute = scanner.number(digits: 2), scanner.take(UInt8(ascii: ":")),
            let second = scanner.number(digits: 2)
        else { return nil }
        var micros: Int64 = 0
        if scanner.take(UInt8(ascii: ".")) {
            var scale: Int64 = 100_000
            var digits = 0
            while let digit = scanner.digit() {
                micros += Int64(digit) * scale
                scale /= 10
                digits += 1
                if digits > 6 { return nil }
            }
            if digits == 0 { return nil }
        }
        var offsetSeconds: Int64 = 0
        if let sign = scanner.sign() {
            guard let hours = scanner.number(digits: 2) else { return nil }
            var offset = hours * 3600
            if scanner.take(UInt8(ascii: ":")) {
                guard let minutes = scanner.number(digits: 2) else { return nil }
                offset += minutes * 60
                if scanner.take(UInt8(ascii: ":")) {
                    guard let seconds = scanner.number(digits: 2) else { return nil }
                    offset += seconds
                }
            }
            offsetSeconds = sign * offset
        }
        let isBC = scanner.bcSuffix()
        guard scanner.isAtEnd, hour < 24, minute < 60, second < 60,
            let civilDate = Self.adjustedForEra(civil, isBC: isBC)
        else { return nil }
        let (dayMicros, o1) = civilDate.daysSinceEpoch.multipliedReportingOverflow(by: microsecondsPerDay)
        let timeMicros = ((hour * 60 + minute) * 60 + second - offsetSeconds) * 1_000_000 + micros
        let (total, o2) = dayMicros.addingReportingOverflow(timeMicros)
        return o1 || o2 ? nil : total
    }

    /// `body` over the UTF-8 bytes of `text` (in place when they are contiguous).
    private static func withBytes<T>(_ text: some StringProtocol, _ body: (UnsafeBufferPointer<UInt8>) -> T) -> T {
        if let result = text.utf8.withContiguousStorageIfAvailable(body) { return result }
        return Array(text.utf8).withUnsafeBufferPointer(body)
    }

    private static func adjustedForEra(_ civil: PostgresCivilDate, isBC: Bool) -> PostgresCivilDate? {
        var date = civil
        if isBC {
            guard date.year >= 1 else { return nil }
            date.year = 1 - date.year
        }
        return date.isValid ? date : nil
    }
}

/// A cursor over the ASCII bytes of a temporal literal.
private struct TemporalScanner {
    let bytes: UnsafeBufferPointer<UInt8>
    var position = 0

    init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    var isAtEnd: Bool { position == bytes.count }

    mutating func take(_ byte: UInt8) -> Bool {
        guard position < bytes.count, bytes[position] == byte else { return false }
        position += 1
        return true
    }

    mutating func digit() -> Int? {
        guard position < bytes.count, bytes[position] >= UInt8(ascii: "0"), bytes[position] <= UInt8(ascii: "9")
        else { return nil }
        defer { position += 1 }
        return Int(bytes[position] - UInt8(ascii: "0"))
    }

    /// Exactly `digits` digits.
    mutating func number(digits: Int) -> Int64? {
        var value: Int64 = 0
        for _ in 0..<digits {
            guard let digit = digit() else { return nil }
            value = value * 10 + Int64(digit)
        }
        return value
    }

    /// At least four digits (years may be longer).
    mutating func year() -> Int64? {
        var value: Int64 = 0
        var count = 0
        while let digit = digit() {
            guard count < 9 else { return nil }
            value = value * 10 + Int64(digit)
            count += 1
        }
        return count >= 4 ? value : nil
    }

    mutating func civilDate() -> PostgresCivilDate? {
        guard let year = year(), take(UInt8(ascii: "-")), let month = number(digits: 2), take(UInt8(ascii: "-")),
            let day = number(digits: 2)
        else { return nil }
        return PostgresCivilDate(year: year, month: month, day: day)
    }

    mutating func sign() -> Int64? {
        if take(UInt8(ascii: "+")) { return 1 }
        if take(UInt8(ascii: "-")) { return -1 }
        return nil
    }

    mutating func bcSuffix() -> Bool {
        guard bytes.count - position >= 3, bytes[position] == UInt8(ascii: " "),
            bytes[position + 1] == UInt8(ascii: "B"), bytes[position + 2] == UInt8(ascii: "C")
        else { return false }
        position += 3
        return true
    }
}
