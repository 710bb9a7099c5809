/// The `UUID` scalar's text form: 8-4-4-4-12 hexadecimal digits.
public enum UUIDText {
    /// The lowercase canonical form of a UUID written in any case, or nil if `text` is not one.
    ///
    /// Text already in canonical form (how Strata writes UUIDs, and how clients send them back) is returned as
    /// it is: checking it reads the bytes in place, where building the lowercase copy allocated an array and a
    /// new string for every key of every lookup.
    public static func canonical(_ text: String) -> String? {
        let form = text.utf8.withContiguousStorageIfAvailable { Self.form($0) } ?? Self.form(Array(text.utf8))
        switch form {
        case .canonical: return text
        case .uppercase: return String(decoding: text.utf8.map(Self.lowercased), as: UTF8.self)
        case .invalid: return nil
        }
    }

    private enum Form {
        case canonical, uppercase, invalid
    }

    private static func form(_ bytes: some Collection<UInt8>) -> Form {
        guard bytes.count == 36 else { return .invalid }
        var form = Form.canonical
        for (index, byte) in zip(0..., bytes) {
            if index == 8 || index == 13 || index == 18 || index == 23 {
                guard byte == UInt8(ascii: "-") else { return .invalid }
                continue
            }
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "a")...UInt8(ascii: "f"): continue
            case UInt8(ascii: "A")...UInt8(ascii: "F"): form = .uppercase
            default: return .invalid
            }
        }
        return form
    }

    private static func lowercased(_ byte: UInt8) -> UInt8 {
        byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "F") ? byte + 0x20 : byte
    }
}
