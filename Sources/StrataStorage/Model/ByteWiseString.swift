/// A `String` as a hash-table key, hashed with `KeyHasher` over its UTF-8 bytes and compared byte for byte.
///
/// For tables looked up on every request — the document cache by query text, the executor's field plans by type
/// and field name, the loaders' tables by entity and column — where `String`'s own hashing (`Hasher`, a byte
/// at a time through resilient calls, 500–700 instructions for a short name) cost more than the work around it.
/// Equality is byte-wise, stricter than `String`'s canonical equivalence; for names (ASCII by the grammar) the
/// two agree.
package struct ByteWiseString: Hashable, Sendable {
    package let string: String

    @inline(__always) package init(_ string: String) { self.string = string }

    @inline(__always)
    package static func == (lhs: ByteWiseString, rhs: ByteWiseString) -> Bool { UTF8Bytes.equal(lhs.string, rhs.string) }

    /// What `Dictionary` and `Set` call.
    package func _rawHashValue(seed: Int) -> Int { UTF8Bytes.keyHash(string, discriminator: 2, seed: seed) }

    package func hash(into hasher: inout Hasher) { UTF8Bytes.hash(string, into: &hasher) }
}
