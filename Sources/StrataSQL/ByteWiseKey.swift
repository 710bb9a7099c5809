package import StrataStorage

/// A `StorageValue` hashed and compared byte for byte (Swift's `String` equality uses canonical equivalence,
/// which the storage contract does not), for grouping rows by key.
package struct ByteWiseKey: Hashable {
    package var value: StorageValue

    package init(_ value: StorageValue) { self.value = value }

    package static func == (lhs: ByteWiseKey, rhs: ByteWiseKey) -> Bool {
        switch (lhs.value, rhs.value) {
        case (.string(let a), .string(let b)), (.json(let a), .json(let b)): UTF8Bytes.equal(a, b)
        case (.stringList(let a), .stringList(let b)): a.count == b.count && zip(a, b).allSatisfy(UTF8Bytes.equal)
        default: lhs.value == rhs.value
        }
    }

    package func hash(into hasher: inout Hasher) {
        switch value {
        case .string(let s), .json(let s):
            hasher.combine(0 as UInt8)
            UTF8Bytes.hash(s, into: &hasher)
        case .stringList(let list):
            hasher.combine(1 as UInt8)
            for s in list { UTF8Bytes.hash(s, into: &hasher) }
        default:
            hasher.combine(value)
        }
    }
}
