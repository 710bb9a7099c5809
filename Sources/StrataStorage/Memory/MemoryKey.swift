/// A `StorageValue` used as a hash-index key, with byte-wise string equality and hashing (Swift's `String`
/// hashes by canonical equivalence, which would make "é" and "e\u{301}" collide in a unique index).
struct MemoryKey: Hashable, Sendable {
    let value: StorageValue

    @inline(__always) init(_ value: StorageValue) { self.value = value }

    static func == (lhs: MemoryKey, rhs: MemoryKey) -> Bool { StorageValue.memoryEqual(lhs.value, rhs.value) }

    /// What `Dictionary` and `Set` call: a string key (nearly every key) through `KeyHasher`, the rest through
    /// `hash(into:)`.
    func _rawHashValue(seed: Int) -> Int {
        if case .string(let s) = value { return UTF8Bytes.keyHash(s, discriminator: 1, seed: seed) }
        return KeyHasher.hash(self, seed: seed)
    }

    func hash(into hasher: inout Hasher) {
        switch value {
        case .null: hasher.combine(0 as UInt8)
        case .bool(let b): hasher.combine(b)
        case .int(let i): hasher.combine(i)
        case .double(let d): hasher.combine(d == 0 ? 0 : d.bitPattern)
        case .string(let s): UTF8Bytes.hash(s, into: &hasher)
        case .timestamp(let t): hasher.combine(t)
        case .date(let d): hasher.combine(d)
        case .json(let s): UTF8Bytes.hash(s, into: &hasher)
        case .stringList(let list):
            hasher.combine(list.count)
            for s in list { UTF8Bytes.hash(s, into: &hasher) }
        }
    }
}
