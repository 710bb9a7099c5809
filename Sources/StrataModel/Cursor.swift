/// Opaque pagination cursors: the base64 of `o:<offset>`, the zero-based position of a row in the ordered,
/// filtered list. Decoding is strict: anything `encode` would not produce is rejected.
public enum Cursor {
    public static func encode(offset: Int) -> String {
        Base64.encode(Array("o:\(offset)".utf8))
    }

    public static func decode(_ cursor: String) throws(ModelError) -> Int {
        guard let bytes = Base64.decode(cursor), bytes.count > 2, bytes.count <= 22,
            bytes[0] == UInt8(ascii: "o"), bytes[1] == UInt8(ascii: ":")
        else { throw invalid(cursor) }
        let digits = bytes[2...]
        guard digits.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }),
            digits.count == 1 || digits.first != UInt8(ascii: "0"),
            let offset = Int(String(decoding: digits, as: UTF8.self))
        else { throw invalid(cursor) }
        return offset
    }

    private static func invalid(_ cursor: String) -> ModelError {
        ModelError.badInput("Invalid cursor \"\(cursor.prefix(64))\".")
    }
}
