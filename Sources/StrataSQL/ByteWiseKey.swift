package import StrataStorage

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A `StorageValue` hashed and compared byte for byte (Swift's `String` equality uses canonical equivalence,
/// which the storage contract does not), for grouping rows by key.
package struct ByteWiseKey: Hashable {
    package var value: StorageValue

    package init(_ value: StorageValue) { self.value = value }

    package static func == (lhs: ByteWiseKey, rhs: ByteWiseKey) -> Bool {
        switch (lhs.value, rhs.value) {
        case (.string(let a), .string(let b)), (.json(let a), .json(let b)): sameBytes(a, b)
        case (.stringList(let a), .stringList(let b)): a.count == b.count && zip(a, b).allSatisfy(sameBytes)
        default: lhs.value == rhs.value
        }
    }

    package func hash(into hasher: inout Hasher) {
        switch value {
        case .string(let s), .json(let s):
            hasher.combine(0 as UInt8)
            Self.combineBytes(of: s, into: &hasher)
        case .stringList(let list):
            hasher.combine(1 as UInt8)
            for s in list { Self.combineBytes(of: s, into: &hasher) }
        default:
            hasher.combine(value)
        }
    }

    /// Feeds the string's UTF-8 bytes and their count to `hasher` in one call (a contiguous copy of the string
    /// is made only when its storage is not contiguous UTF-8).
    private static func combineBytes(of string: String, into hasher: inout Hasher) {
        var string = string
        string.withUTF8 { bytes in
            hasher.combine(bytes.count)
            hasher.combine(bytes: UnsafeRawBufferPointer(bytes))
        }
    }

    private static func sameBytes(_ a: String, _ b: String) -> Bool {
        var (a, b) = (a, b)
        return a.withUTF8 { x in
            b.withUTF8 { y in
                guard x.count == y.count else { return false }
                guard let p = x.baseAddress, let q = y.baseAddress else { return true }
                return memcmp(p, q, x.count) == 0
            }
        }
    }
}
