import StrataStorage
import Testing

@testable import StrataPostgres

@Suite("PostgreSQL text codec")
struct PostgresValueCodecTests {
    @Test(
        "timestamps render as UTC text and parse back to the microsecond",
        arguments: [
            Int64(0), -1, 1, 1_704_067_200_123_456, -1_000_000_000_000_001, -62_135_596_800_000_000,
            -62_135_596_800_000_001, 253_402_300_799_999_999, 9_223_371_331_200_000_000, -210_866_803_200_000_000,
        ])
    func timestampText(_ micros: Int64) throws {
        let text = PostgresTemporalText.timestamp(microseconds: micros)
        #expect(PostgresTemporalText.parseTimestamp(text) == micros, "\(text)")
    }

    @Test("timestamp text has PostgreSQL's shape, with BC for years before 1")
    func timestampShapes() {
        #expect(PostgresTemporalText.timestamp(microseconds: 0) == "1970-01-01 00:00:00+00")
        #expect(PostgresTemporalText.timestamp(microseconds: -1) == "1969-12-31 23:59:59.999999+00")
        #expect(PostgresTemporalText.timestamp(microseconds: 1_500_000) == "1970-01-01 00:00:01.500000+00")
        #expect(PostgresTemporalText.timestamp(microseconds: -62_135_596_800_000_001) == "0001-12-31 23:59:59.999999+00 BC")
        #expect(PostgresTemporalText.parseTimestamp("2024-02-29 12:00:00.5+00") == 1_709_208_000_500_000)
        #expect(PostgresTemporalText.parseTimestamp("2024-02-29 14:00:00+02") == 1_709_208_000_000_000)
        #expect(PostgresTemporalText.parseTimestamp("2024-02-29 11:30:00-00:30") == 1_709_208_000_000_000)
        #expect(PostgresTemporalText.parseTimestamp("2023-02-29 00:00:00+00") == nil)
        #expect(PostgresTemporalText.parseTimestamp("infinity") == nil)
    }

    /// What `decode(bytes:typeOID:)` reads in place must equal what the `String` path reads, errors included.
    static let fieldTexts: [(String, UInt32)] = [
        ("0", PostgresTypeOID.int8), ("-42", PostgresTypeOID.int4), ("+7", PostgresTypeOID.int2),
        ("9223372036854775807", PostgresTypeOID.int8), ("-9223372036854775808", PostgresTypeOID.int8),
        ("9223372036854775808", PostgresTypeOID.int8), ("-9223372036854775809", PostgresTypeOID.int8),
        ("", PostgresTypeOID.int8), ("-", PostgresTypeOID.int8), ("12a", PostgresTypeOID.int4),
        (" 1", PostgresTypeOID.int4), ("4294967295", PostgresTypeOID.oid),
        ("t", PostgresTypeOID.bool), ("f", PostgresTypeOID.bool), ("true", PostgresTypeOID.bool), ("", PostgresTypeOID.bool),
        ("1970-01-01 00:00:00+00", PostgresTypeOID.timestamptz), ("1969-12-31 23:59:59.999999+00", PostgresTypeOID.timestamptz),
        ("0001-12-31 23:59:59.999999+00 BC", PostgresTypeOID.timestamptz), ("2024-02-29 11:30:00-00:30", PostgresTypeOID.timestamptz),
        ("2024-02-29 12:00:00.5", PostgresTypeOID.timestamp), ("2023-02-29 00:00:00+00", PostgresTypeOID.timestamptz),
        ("infinity", PostgresTypeOID.timestamptz), ("2024-02-29 12:00:00+00 B", PostgresTypeOID.timestamptz),
        ("2024-02-29", PostgresTypeOID.date), ("0001-12-31 BC", PostgresTypeOID.date), ("2024-13-01", PostgresTypeOID.date),
        ("1.5", PostgresTypeOID.float8), ("-Infinity", PostgresTypeOID.float8), ("{a,\"b c\"}", PostgresTypeOID.textArray),
        ("{\"k\": 1}", PostgresTypeOID.jsonb), ("00000000-0000-4000-8000-000000000001", PostgresTypeOID.unspecified),
        ("naïve ✓", PostgresTypeOID.unspecified),
    ]

    @Test("result fields read from their bytes decode exactly as their text does", arguments: fieldTexts.indices)
    func bytesDecodeAsText(_ index: Int) {
        let (text, oid) = Self.fieldTexts[index]
        let fromText = Result { () throws(PostgresValueCodec.DecodeError) in try PostgresValueCodec.decode(text, typeOID: oid) }
        let fromBytes = Array(text.utf8).withUnsafeBufferPointer { bytes in
            Result { () throws(PostgresValueCodec.DecodeError) in try PostgresValueCodec.decode(bytes: bytes, typeOID: oid) }
        }
        #expect(fromBytes == fromText, "\(text) as \(oid)")
    }

    @Test("dates render and parse across eras", arguments: [Int32(0), -1, 19_723, -719_162, -719_163, 2_932_896, -2_440_588, 2_147_000_000])
    func dateText(_ days: Int32) {
        let text = PostgresTemporalText.date(days: days)
        #expect(PostgresTemporalText.parseDate(text) == days, "\(text)")
    }

    @Test("date text matches the calendar")
    func dateShapes() {
        #expect(PostgresTemporalText.date(days: 0) == "1970-01-01")
        #expect(PostgresTemporalText.date(days: 19_782) == "2024-02-29")
        #expect(PostgresTemporalText.date(days: -719_162) == "0001-01-01")
        #expect(PostgresTemporalText.date(days: -719_163) == "0001-12-31 BC")
        #expect(PostgresTemporalText.parseDate("10000-01-01") == 2_932_897)
        #expect(PostgresTemporalText.parseDate("2024-13-01") == nil)
    }

    @Test(
        "text arrays quote every element and parse back",
        arguments: [
            [String](), [""], ["a"], ["NULL", "null"], ["with \"quotes\"", "back\\slash", "a,b", "{braces}"],
            [" padded ", "日本", "🎌", "tab\there", "new\nline"],
        ])
    func arrayRoundTrip(_ elements: [String]) throws {
        #expect(try PostgresArrayLiteral.parse(PostgresArrayLiteral.encode(elements)) == elements)
    }

    @Test("PostgreSQL's own array output parses, including unquoted elements and bounds")
    func arrayServerForms() throws {
        #expect(try PostgresArrayLiteral.parse("{a,b,\"c d\"}") == ["a", "b", "c d"])
        #expect(try PostgresArrayLiteral.parse("{\"NULL\",\"\"}") == ["NULL", ""])
        #expect(try PostgresArrayLiteral.parse("[0:1]={x,y}") == ["x", "y"])
        #expect(throws: PostgresArrayLiteral.ParseError.nullElement) { try PostgresArrayLiteral.parse("{a,NULL}") }
        #expect(throws: PostgresArrayLiteral.ParseError.malformed) { try PostgresArrayLiteral.parse("{\"a}") }
    }

    @Test("parameters carry a type OID where the text alone is ambiguous")
    func parameterTypes() {
        #expect(PostgresValueCodec.encode(.int(.min)) == .init(text: "-9223372036854775808", typeOID: 20))
        #expect(PostgresValueCodec.encode(.bool(true)) == .init(text: "t", typeOID: 16))
        #expect(PostgresValueCodec.encode(.double(-0.0)) == .init(text: "-0.0", typeOID: 701))
        #expect(PostgresValueCodec.encode(.null) == .init(text: nil, typeOID: 0))
        #expect(PostgresValueCodec.encode(.stringList(["a\"b"])) == .init(text: "{\"a\\\"b\"}", typeOID: 1009))
        #expect(PostgresValueCodec.encode(.date(0)) == .init(text: "1970-01-01", typeOID: 1082))
    }

    @Test("result text decodes by type OID")
    func decoding() throws {
        #expect(try PostgresValueCodec.decode("9223372036854775807", typeOID: 20) == .int(.max))
        #expect(try PostgresValueCodec.decode("0.30000000000000004", typeOID: 701) == .double(0.1 + 0.2))
        #expect(try PostgresValueCodec.decode("f", typeOID: 16) == .bool(false))
        #expect(try PostgresValueCodec.decode("{x,\"y z\"}", typeOID: 1009) == .stringList(["x", "y z"]))
        #expect(try PostgresValueCodec.decode("2024-01-01", typeOID: 1082) == .date(19_723))
        #expect(try PostgresValueCodec.decode("abc", typeOID: 2950) == .string("abc"))
        #expect(throws: PostgresValueCodec.DecodeError.self) { try PostgresValueCodec.decode("x", typeOID: 20) }
    }

    @Test("constraint details name their key columns, never their values")
    func keyColumns() {
        let error = PostgresServerError(message: "m", detail: "Key (email)=(a@b.c) already exists.")
        #expect(error.keyColumns == ["email"])
        let pair = PostgresServerError(message: "m", detail: "Key (a, \"b c\")=(1, 2) already exists.")
        #expect(pair.keyColumns == ["a", "b c"])
    }
}
