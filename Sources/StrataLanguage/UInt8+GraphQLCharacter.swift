/// Character classes of the GraphQL lexical grammar, on single UTF-8 code units.
/// Every class here is ASCII, so a byte of a multi-byte scalar never matches one.
extension UInt8 {
    /// `Letter` or `_`.
    @inline(__always) var isNameStart: Bool {
        (self | 0x20) &- 0x61 < 26 || self == 0x5F
    }

    /// `Letter`, `Digit` or `_`.
    @inline(__always) var isNameContinue: Bool {
        (self | 0x20) &- 0x61 < 26 || self &- 0x30 < 10 || self == 0x5F
    }

    /// `0` to `9`.
    @inline(__always) var isDigit: Bool { self &- 0x30 < 10 }

    /// The value of a `HexDigit`, or nil.
    @inline(__always) var hexValue: UInt32? {
        switch self {
        case 0x30...0x39: UInt32(self &- 0x30)
        case 0x41...0x46: UInt32(self &- 0x41 &+ 10)
        case 0x61...0x66: UInt32(self &- 0x61 &+ 10)
        default: nil
        }
    }

    /// `WhiteSpace`: horizontal tab or space.
    @inline(__always) var isWhiteSpace: Bool { self == 0x20 || self == 0x09 }
}
