import Testing
import StrataJSON

@Suite struct JSONWriterTests {
    @Test("values serialize as compact JSON in member order")
    func compactOutput() {
        let value = JSONValue.object([
            JSONMember("b", .array([.int(1), .null, .bool(true), .bool(false)])),
            JSONMember("a", .object([JSONMember("s", .string("x"))])),
            JSONMember("e", .array([])), JSONMember("o", .object([])),
        ])
        #expect(value.serialized() == #"{"b":[1,null,true,false],"a":{"s":"x"},"e":[],"o":{}}"#)
    }

    @Test(
        "strings escape quotes, backslashes and control characters and keep other characters as UTF-8",
        arguments: [
            ("plain", #""plain""#), ("a\"b", #""a\"b""#), ("a\\b", #""a\\b""#), ("line\nnext\r\t", #""line\nnext\r\t""#),
            ("\u{8}\u{C}", #""\b\f""#), ("\u{0}\u{1F}\u{7F}", "\"\\u0000\\u001f\u{7F}\""), ("é✓😀", "\"é✓😀\""),
            ("a/b", #""a/b""#), ("", #""""#),
        ])
    func escapes(input: String, expected: String) {
        #expect(JSONValue.string(input).serialized() == expected)
    }

    @Test(
        "integers print in full, including the extremes",
        arguments: [(Int64(0), "0"), (7, "7"), (-7, "-7"), (.max, "9223372036854775807"), (.min, "-9223372036854775808")])
    func integers(value: Int64, expected: String) {
        #expect(JSONValue.int(value).serialized() == expected)
    }

    @Test(
        "doubles print as JavaScript prints numbers, non-finite ones as null",
        arguments: [
            (3.0, "3"), (-3.0, "-3"), (0.0, "0"), (-0.0, "0"), (0.1, "0.1"), (1.5, "1.5"), (-2.25, "-2.25"),
            (1e21, "1e+21"), (1e20, "100000000000000000000"), (123456789012345680000.0, "123456789012345680000"),
            (1e-7, "1e-7"), (1.5e-7, "1.5e-7"), (0.000001, "0.000001"), (1.7976931348623157e308, "1.7976931348623157e+308"),
            (5e-324, "5e-324"), (0.1 + 0.2, "0.30000000000000004"), (1e15, "1000000000000000"), (123.456, "123.456"),
            (Double.infinity, "null"), (-Double.infinity, "null"), (Double.nan, "null"),
        ])
    func doubles(value: Double, expected: String) {
        #expect(JSONValue.double(value).serialized() == expected)
    }

    @Test("parsing what the writer produced gives the same value back")
    func roundTrip() throws {
        let value = JSONValue.object([
            JSONMember("text", .string("q\"\\\n\u{1}é😀")), JSONMember("n", .int(-12)), JSONMember("d", .double(0.25)),
            JSONMember("list", .array([.object([JSONMember("x", .null)]), .array([.bool(true)])])),
        ])
        #expect(try JSONParser.parse(value.serializedBytes()) == value)
    }

    @Test("the writer appends to the buffer it holds")
    func appends() {
        var writer = JSONWriter()
        writer.write(.int(1))
        writer.bytes.append(UInt8(ascii: ","))
        writer.write(.string("a"))
        #expect(writer.text == #"1,"a""#)
        var bytes: [UInt8] = []
        JSONWriter.writeEscaped(string: "k", into: &bytes)
        JSONWriter.writeDouble(2.5, into: &bytes)
        #expect(String(decoding: bytes, as: UTF8.self) == #""k"2.5"#)
        var parts = JSONWriter()
        parts.writeRaw("[")
        parts.writeString("a\u{1B}")
        parts.writeRaw(",")
        parts.writeDouble(1e-7)
        parts.writeRaw(",")
        parts.writeInteger(-5)
        parts.writeRaw("]")
        #expect(parts.text == #"["a\u001b",1e-7,-5]"#)
    }
}
