/// The `UUID` scalar's text form: 8-4-4-4-12 hexadecimal digits.
public enum UUIDText {
    /// The lowercase canonical form of a UUID written in any case, or nil if `text` is not one.
    public static func canonical(_ text: String) -> String? {
        var utf8 = Array(text.utf8)
        guard utf8.count == 36 else { return nil }
        for index in 0..<36 {
            let byte = utf8[index]
            if index == 8 || index == 13 || index == 18 || index == 23 {
                guard byte == UInt8(ascii: "-") else { return nil }
                continue
            }
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "a")...UInt8(ascii: "f"): break
            case UInt8(ascii: "A")...UInt8(ascii: "F"): utf8[index] = byte + 0x20
            default: return nil
            }
        }
        return String(decoding: utf8, as: UTF8.self)
    }
}
