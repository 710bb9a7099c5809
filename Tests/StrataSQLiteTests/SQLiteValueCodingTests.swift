import Testing

@testable import StrataSQLite

@Suite("SQLite value text formats")
struct SQLiteValueCodingTests {
    @Test(
        "dates format as YYYY-MM-DD and parse back",
        arguments: [
            (Int32(0), "1970-01-01"), (-1, "1969-12-31"), (11_016, "2000-02-29"), (-719_162, "0001-01-01"),
            (2_932_896, "9999-12-31"), (-719_528, "0000-01-01"), (-719_529, "-0001-12-31"), (2_932_897, "+10000-01-01"),
        ])
    func dates(days: Int32, text: String) {
        #expect(CivilDate.format(daysSinceEpoch: days) == text)
        #expect(CivilDate.parse(text) == days)
    }

    @Test("every day number round-trips, including the Int32 extremes")
    func dateRoundTrip() {
        let extremes: [Int32] = [Int32.min, Int32.min + 1, -1_000_000, 59, 60, 365 * 30, Int32.max - 1, Int32.max]
        for days in extremes {
            #expect(CivilDate.parse(CivilDate.format(daysSinceEpoch: days)) == days)
        }
        for days in stride(from: Int32(-800_000), to: 3_000_000, by: 997) {
            #expect(CivilDate.parse(CivilDate.format(daysSinceEpoch: days)) == days)
        }
    }

    @Test(
        "malformed dates are rejected",
        arguments: ["", "2020-1-01", "2020-13-01", "2021-02-29", "2020-02-30", "abcd-01-01", "2020-01-01x"])
    func badDates(text: String) {
        #expect(CivilDate.parse(text) == nil)
    }

    @Test("string lists encode as JSON arrays with escapes and decode back")
    func stringLists() {
        let list = ["", "plain", "quote\"", "back\\slash", "new\nline", "tab\t", "\u{1}\u{1F}", "日本 🎉", "/"]
        let text = JSONStringArray.encode(list)
        #expect(text == #"["","plain","quote\"","back\\slash","new\nline","tab\t","\u0001\u001f","日本 🎉","/"]"#)
        #expect(JSONStringArray.decode(text) == list)
        #expect(JSONStringArray.encode([]) == "[]")
        #expect(JSONStringArray.decode(" [ \"a\" , \"\\u00e9\\ud83c\\udf89\\/\" ] ") == ["a", "é🎉/"])
        for bad in ["", "[", "[\"a\"", "[1]", "[\"a\",]", "{}", "[\"\\x\"]", "[\"a\"] x", "[\"\\ud83c\"]"] {
            #expect(JSONStringArray.decode(bad) == nil, "\(bad)")
        }
    }
}
