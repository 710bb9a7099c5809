/// A `StorageValue` hashed and compared byte for byte (Swift's `String` equality uses canonical equivalence,
/// which the storage contract does not), for grouping rows by key and for the loaders' key tables.
package struct ByteWiseKey: Hashable, Sendable {
    package var value: StorageValue

    package init(_ value: StorageValue) { self.value = value }

    package static func == (lhs: ByteWiseKey, rhs: ByteWiseKey) -> Bool { equal(lhs.value, rhs.value) }

    /// `ByteWiseKey(a) == ByteWiseKey(b)`, without wrapping (copying) either value.
    @inline(__always)
    package static func equal(_ a: StorageValue, _ b: StorageValue) -> Bool {
        switch (a, b) {
        case (.string(let a), .string(let b)), (.json(let a), .json(let b)): UTF8Bytes.equal(a, b)
        case (.stringList(let a), .stringList(let b)): a.count == b.count && zip(a, b).allSatisfy(UTF8Bytes.equal)
        default: a == b
        }
    }

    /// What `Dictionary` and `Set` call: a string key through `KeyHasher`, the rest through `hash(into:)`.
    package func _rawHashValue(seed: Int) -> Int {
        if case .string(let s) = value { return UTF8Bytes.keyHash(s, discriminator: 0, seed: seed) }
        return KeyHasher.hash(self, seed: seed)
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
