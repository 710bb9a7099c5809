import StrataStorage

/// Converts storage values to PostgreSQL's text format and back. Parameters go out as text with an explicit type
/// OID where the text alone would be ambiguous; results come back as text and are parsed by their column's OID.
///
/// The session this codec talks to has `DateStyle = ISO`, `TimeZone = UTC` and `extra_float_digits = 3`
/// (set by `PostgresConnectionHandle` on connect), so temporal text is UTC and doubles round-trip exactly.
enum PostgresValueCodec {
    /// One parameter: its text (nil for NULL) and the type OID to declare (0: let the server infer it).
    struct Parameter: Sendable, Hashable {
        var text: String?
        var typeOID: UInt32
    }

    static func encode(_ value: StorageValue) -> Parameter {
        switch value {
        case .null: Parameter(text: nil, typeOID: PostgresTypeOID.unspecified)
        case .bool(let b): Parameter(text: b ? "t" : "f", typeOID: PostgresTypeOID.bool)
        case .int(let i): Parameter(text: String(i), typeOID: PostgresTypeOID.int8)
        case .double(let d): Parameter(text: encodeDouble(d), typeOID: PostgresTypeOID.float8)
        // Strings serve uuid, text and enumeration columns: the statement's cast or context picks the type.
        case .string(let s): Parameter(text: s, typeOID: PostgresTypeOID.unspecified)
        case .json(let j): Parameter(text: j, typeOID: PostgresTypeOID.unspecified)
        case .timestamp(let t):
            Parameter(text: PostgresTemporalText.timestamp(microseconds: t), typeOID: PostgresTypeOID.timestamptz)
        case .date(let d): Parameter(text: PostgresTemporalText.date(days: d), typeOID: PostgresTypeOID.date)
        case .stringList(let list):
            Parameter(text: PostgresArrayLiteral.encode(list), typeOID: PostgresTypeOID.textArray)
        }
    }

    /// The shortest text that reads back as exactly `d` (Swift's description), spelled the way `float8in` accepts.
    static func encodeDouble(_ d: Double) -> String {
        if d.isNaN { return "NaN" }
        if d.isInfinite { return d < 0 ? "-Infinity" : "Infinity" }
        return d.description
    }

    enum DecodeError: Error, Equatable {
        case unparsable(typeOID: UInt32)
    }

    /// The storage value for one non-NULL result field given as text (`decode(bytes:typeOID:)` of its UTF-8).
    static func decode(_ text: String, typeOID: UInt32) throws(DecodeError) -> StorageValue {
        var text = text
        // The closure returns a `Result` rather than throwing: a typed-throws closure through a pointer-lending
        // method is the construct that once corrupted memory here (see `PostgresResultReader`).
        let decoded = text.withUTF8 { bytes -> Result<StorageValue, DecodeError> in
            do throws(DecodeError) {
                return .success(try decode(bytes: bytes, typeOID: typeOID))
            } catch {
                return .failure(error)
            }
        }
        return try decoded.get()
    }

    /// The storage value for one non-NULL result field's bytes (valid while its `PGresult` lives), chosen by the
    /// field's type OID. Integers, booleans, timestamps and dates are read from the bytes in place (a `String` per
    /// value, and for temporal values an array too, cost an allocation or two per value of a row); the other
    /// types become a `String` first. Text-like and unknown types (uuid, text, name, domains) become `.string`;
    /// callers turn json/enum columns into their cases.
    /// Whether `decode(bytes:typeOID:)` reads a value of this type as text, `.string` of its bytes (and so never
    /// fails).
    static func decodesAsText(_ typeOID: UInt32) -> Bool {
        switch typeOID {
        case PostgresTypeOID.int8, PostgresTypeOID.int4, PostgresTypeOID.int2, PostgresTypeOID.oid,
            PostgresTypeOID.bool, PostgresTypeOID.timestamptz, PostgresTypeOID.timestamp, PostgresTypeOID.date,
            PostgresTypeOID.float8, PostgresTypeOID.float4, PostgresTypeOID.numeric, PostgresTypeOID.textArray,
            PostgresTypeOID.varcharArray, PostgresTypeOID.json, PostgresTypeOID.jsonb:
            false
        default:
            true
        }
    }

    static func decode(bytes: UnsafeBufferPointer<UInt8>, typeOID: UInt32) throws(DecodeError) -> StorageValue {
        switch typeOID {
        case PostgresTypeOID.int8, PostgresTypeOID.int4, PostgresTypeOID.int2, PostgresTypeOID.oid:
            guard let value = decodeInteger(bytes) else { throw .unparsable(typeOID: typeOID) }
            return .int(value)
        case PostgresTypeOID.bool:
            guard bytes.count == 1 else { throw .unparsable(typeOID: typeOID) }
            switch bytes[0] {
            case UInt8(ascii: "t"): return .bool(true)
            case UInt8(ascii: "f"): return .bool(false)
            default: throw .unparsable(typeOID: typeOID)
            }
        case PostgresTypeOID.timestamptz, PostgresTypeOID.timestamp:
            guard let value = PostgresTemporalText.parseTimestamp(bytes: bytes) else {
                throw .unparsable(typeOID: typeOID)
            }
            return .timestamp(value)
        case PostgresTypeOID.date:
            guard let value = PostgresTemporalText.parseDate(bytes: bytes) else { throw .unparsable(typeOID: typeOID) }
            return .date(value)
        default:
            break
        }
        let text = String(decoding: bytes, as: UTF8.self)
        switch typeOID {
        case PostgresTypeOID.float8, PostgresTypeOID.float4, PostgresTypeOID.numeric:
            guard let value = decodeDouble(text) else { throw .unparsable(typeOID: typeOID) }
            return .double(value)
        case PostgresTypeOID.textArray, PostgresTypeOID.varcharArray:
            do {
                return .stringList(try PostgresArrayLiteral.parse(text))
            } catch {
                throw .unparsable(typeOID: typeOID)
            }
        case PostgresTypeOID.json, PostgresTypeOID.jsonb:
            return .json(text)
        default:
            return .string(text)
        }
    }

    /// An integer's text (`-?[0-9]+`, as PostgreSQL writes `int2`/`int4`/`int8`/`oid`), nil on anything else or on
    /// overflow of 64 bits.
    static func decodeInteger(_ bytes: UnsafeBufferPointer<UInt8>) -> Int64? {
        var index = 0
        let negative = bytes.first == UInt8(ascii: "-")
        if negative || bytes.first == UInt8(ascii: "+") { index = 1 }
        guard index < bytes.count else { return nil }
        // Accumulated as a negative number, whose range reaches Int64.min.
        var value: Int64 = 0
        while index < bytes.count {
            let digit = bytes[index] &- UInt8(ascii: "0")
            guard digit < 10 else { return nil }
            let (shifted, o1) = value.multipliedReportingOverflow(by: 10)
            let (next, o2) = shifted.subtractingReportingOverflow(Int64(digit))
            guard !o1, !o2 else { return nil }
            value = next
            index += 1
        }
        if negative { return value }
        let (positive, overflow) = Int64(0).subtractingReportingOverflow(value)
        return overflow ? nil : positive
    }

    static func decodeDouble(_ text: String) -> Double? {
        switch text {
        case "NaN": .nan
        case "Infinity": .infinity
        case "-Infinity": -.infinity
        default: Double(text)
        }
    }

    /// Adapts a decoded value to the column it was read from: JSON text stays `.json` on every backend.
    static func adapt(_ value: StorageValue, to type: ColumnType) -> StorageValue {
        switch (type, value) {
        case (.json, .string(let text)): .json(text)
        default: value
        }
    }
}
