import StrataSchema
import Testing

@Suite struct ScalarTextTests {
    @Test(
        "RFC 3339 date-times parse to microseconds since the epoch in UTC",
        arguments: [
            ("1970-01-01T00:00:00Z", Int64(0)),
            ("2024-05-01T10:30:00Z", 1_714_559_400_000_000),
            ("2024-05-01T10:30:00.123Z", 1_714_559_400_123_000),
            ("2024-05-01T10:30:00.123456Z", 1_714_559_400_123_456),
            ("2024-05-01T10:30:00.123456789Z", 1_714_559_400_123_456),
            ("2024-05-01T10:30:00.1Z", 1_714_559_400_100_000),
            ("2024-05-01T12:30:00+02:00", 1_714_559_400_000_000),
            ("2024-05-01T05:00:00-05:30", 1_714_559_400_000_000),
            ("2024-05-01t10:30:00z", 1_714_559_400_000_000),
            ("2024-02-29T00:00:00Z", 1_709_164_800_000_000),
            ("2000-02-29T23:59:59Z", 951_868_799_000_000),
            ("1969-12-31T23:59:59.5Z", -500_000),
            ("0001-01-01T00:00:00Z", -62_135_596_800_000_000),
            ("9999-12-31T23:59:59Z", 253_402_300_799_000_000),
        ])
    func parsesDateTimes(text: String, micros: Int64) {
        #expect(DateTimeText.parse(text) == micros)
    }

    @Test(
        "malformed or impossible date-times are rejected",
        arguments: [
            "", "2024-05-01", "2024-05-01T10:30:00", "2024-05-01 10:30:00Z", "2024-5-01T10:30:00Z",
            "2023-02-29T00:00:00Z", "1900-02-29T00:00:00Z", "2024-04-31T00:00:00Z", "2024-13-01T00:00:00Z",
            "2024-00-10T00:00:00Z", "2024-05-00T00:00:00Z", "2024-05-01T24:00:00Z", "2024-05-01T10:60:00Z",
            "2024-05-01T10:30:60Z", "2024-05-01T10:30:00.Z", "2024-05-01T10:30:00.1234567890Z",
            "2024-05-01T10:30:00+0200", "2024-05-01T10:30:00+24:00", "2024-05-01T10:30:00Zjunk",
            "2024-05-01T10:30:00+02:00:00", "x2024-05-01T10:30:00Z", "2024-05-01T1a:30:00Z",
        ])
    func rejectsDateTimes(text: String) {
        #expect(DateTimeText.parse(text) == nil)
    }

    @Test(
        "date-times format in UTC with milliseconds, microseconds or no fraction",
        arguments: [
            (Int64(0), "1970-01-01T00:00:00Z"), (1_714_559_400_000_000, "2024-05-01T10:30:00Z"),
            (1_714_559_400_123_000, "2024-05-01T10:30:00.123Z"), (1_714_559_400_123_456, "2024-05-01T10:30:00.123456Z"),
            (1_714_559_400_100_000, "2024-05-01T10:30:00.100Z"), (1_714_559_400_000_001, "2024-05-01T10:30:00.000001Z"),
            (-500_000, "1969-12-31T23:59:59.500Z"), (-1, "1969-12-31T23:59:59.999999Z"),
            (951_868_799_000_000, "2000-02-29T23:59:59Z"),
        ])
    func formatsDateTimes(micros: Int64, text: String) {
        #expect(DateTimeText.format(microseconds: micros) == text)
        #expect(DateTimeText.parse(text) == micros)
    }

    @Test(
        "dates parse to days since the epoch and format back",
        arguments: [
            ("1970-01-01", Int32(0)), ("1970-01-02", 1), ("1969-12-31", -1), ("2000-02-29", 11_016),
            ("2024-05-01", 19_844), ("2024-12-31", 20_088), ("1600-03-01", -135_080), ("0000-01-01", -719_528),
            ("9999-12-31", 2_932_896),
        ])
    func dates(text: String, days: Int32) {
        #expect(DateText.parse(text) == days)
        #expect(DateText.format(days: days) == text)
    }

    @Test(
        "invalid dates are rejected, leap years included",
        arguments: [
            "2023-02-29", "2100-02-29", "2024-02-30", "2024-06-31", "2024-13-01", "2024-00-01", "2024-01-00",
            "24-01-01", "2024-1-01", "2024-01-01T00:00:00Z", "2024/01/01", "", "abcd-ef-gh",
        ])
    func rejectsDates(text: String) {
        #expect(DateText.parse(text) == nil)
    }

    @Test("every day of four centuries survives a round trip through text")
    func dateRoundTrip() {
        var previous: Int32? = nil
        for days in Int32(-200_000)...Int32(-54_000) where days % 7 == 0 {
            let text = DateText.format(days: days)
            #expect(DateText.parse(text) == days)
            if let previous { #expect(previous < days) }
            previous = days
        }
        for days in Int32(-1000)...Int32(60_000) {
            #expect(DateText.parse(DateText.format(days: days)) == days)
        }
    }

    @Test("values outside years 0–9999 still format: a sign before negative years, more digits past 9999")
    func formatsOutOfRangeYears() {
        #expect(DateText.format(days: 2_932_897) == "10000-01-01")
        #expect(DateText.format(days: -719_893) == "-0001-01-01")
        #expect(DateTimeText.format(microseconds: 253_402_300_800_000_001) == "10000-01-01T00:00:00.000001Z")
        #expect(DateTimeText.format(microseconds: Int64.min) == "-290308-12-21T19:59:05.224192Z")
    }

    @Test(
        "UUIDs in any case become lowercase canonical text; anything else is rejected",
        arguments: [
            ("123e4567-e89b-12d3-a456-426614174000", "123e4567-e89b-12d3-a456-426614174000"),
            ("123E4567-E89B-12D3-A456-426614174ABC", "123e4567-e89b-12d3-a456-426614174abc"),
            ("00000000-0000-0000-0000-000000000000", "00000000-0000-0000-0000-000000000000"),
            ("123e4567e89b12d3a456426614174000", nil), ("123e4567-e89b-12d3-a456-42661417400", nil),
            ("123e4567-e89b-12d3-a456-4266141740000", nil), ("g23e4567-e89b-12d3-a456-426614174000", nil),
            ("123e4567-e89b-12d3-a456_426614174000", nil), ("", nil),
            ("123e4567-E89B-12d3-a456-426614174aBc", "123e4567-e89b-12d3-a456-426614174abc"),
            ("123E4567-E89B-12D3-A456-42661417400G", nil), ("123e4567-e89b-12d3-a456-4266141740\u{E9}", nil),
            ("-23e4567-e89b-12d3-a456-426614174000", nil), ("123e4567-e89b-12d3-a456-42661417-000", nil),
            ("123e4567-e89b-12d3-a45--426614174000", nil), ("123e4567 e89b-12d3-a456-426614174000", nil),
        ] as [(String, String?)])
    func uuids(text: String, canonical: String?) {
        #expect(UUIDText.canonical(text) == canonical)
    }
}
