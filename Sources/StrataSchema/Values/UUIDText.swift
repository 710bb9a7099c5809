/// The `UUID` scalar's text form: 8-4-4-4-12 hexadecimal digits.
public enum UUIDText {
    /// The lowercase canonical form of a UUID written in any case, or nil if `text` is not one.
    ///
    /// Text already in canonical form (how Strata writes UUIDs, and how clients send them back) is returned as
    /// it is: checking it reads the bytes in place, where building the lowercase copy allocated an array and a
    /// new string for every key of every lookup.
    public static func canonical(_ text: String) -> String? {
        let form =
            text.utf8.withContiguousStorageIfAvailable { Self.form($0) }
            ?? {
                var copy = text
                return copy.withUTF8 { Self.form($0) }
            }()
        switch form {
        case .canonical: return text
        case .uppercase: return String(decoding: text.utf8.map(Self.lowercased), as: UTF8.self)
        case .invalid: return nil
        }
    }

    private enum Form {
        case canonical, uppercase, invalid
    }

    private static func form(_ bytes: UnsafeBufferPointer<UInt8>) -> Form {
        guard bytes.count == 36, bytes[8] == UInt8(ascii: "-"), bytes[13] == UInt8(ascii: "-"),
            bytes[18] == UInt8(ascii: "-"), bytes[23] == UInt8(ascii: "-")
        else { return .invalid }
        // The classes of the 32 digits ORed together: one table load per byte, where a range switch per byte cost
        // ~17 instructions a byte, twice per lookup by id.
        var classes: UInt8 = 0
        hexClass.withUnsafeBufferPointer { table in
            for group in hexGroups {
                for index in group { classes |= table[Int(bytes[index])] }
            }
        }
        if classes & invalidClass != 0 { return .invalid }
        return classes & upperClass != 0 ? .uppercase : .canonical
    }

    private static let hexGroups = [0..<8, 9..<13, 14..<18, 19..<23, 24..<36]
    private static let upperClass: UInt8 = 2
    private static let invalidClass: UInt8 = 4

    /// Per byte: 1 for `0-9` and `a-f`, `upperClass` for `A-F`, `invalidClass` for anything else.
    private static let hexClass: [UInt8] = (0...255).map { byte -> UInt8 in
        switch UInt8(byte) {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "a")...UInt8(ascii: "f"): 1
        case UInt8(ascii: "A")...UInt8(ascii: "F"): upperClass
        default: invalidClass
        }
    }

    private static func lowercased(_ byte: UInt8) -> UInt8 {
        byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "F") ? byte + 0x20 : byte
    }
}
