/// A growable run of plain records (no references inside) in memory it allocates itself: appending checks only
/// the capacity, where an `Array` in a struct nested in the parser also checked that its storage is unique on
/// every append. It is not freed on its own: the `SelectionTree` that takes it over frees it, and a parse that
/// fails frees its buffers explicitly (`deallocate()`).
@usableFromInline struct RecordBuffer<Record: BitwiseCopyable>: @unchecked Sendable {
    @usableFromInline private(set) var base: UnsafeMutablePointer<Record>?
    @usableFromInline private(set) var count = 0
    private(set) var capacity = 0

    init() {}

    @inlinable subscript(index: Int) -> Record {
        precondition(index >= 0 && index < count, "Record index out of range")
        return base.unsafelyUnwrapped[index]
    }

    /// Appends `record` and returns its index.
    @inline(__always) @discardableResult mutating func append(_ record: Record) -> Int {
        if count == capacity { grow(to: count &+ 1) }
        base.unsafelyUnwrapped[count] = record
        count &+= 1
        return count &- 1
    }

    /// Appends the records `from..<self.count` of `other` (a copy of plain bytes).
    mutating func append(contentsOf other: RecordBuffer<Record>, from start: Int) {
        let moved = other.count &- start
        guard moved > 0 else { return }
        if count &+ moved > capacity { grow(to: count &+ moved) }
        (base.unsafelyUnwrapped + count).initialize(from: other.base.unsafelyUnwrapped + start, count: moved)
        count &+= moved
    }

    /// Forgets the records from `newCount` on.
    @inline(__always) mutating func truncate(to newCount: Int) {
        precondition(newCount >= 0 && newCount <= count, "Record index out of range")
        count = newCount
    }

    mutating func reserveCapacity(_ minimum: Int) {
        if minimum > capacity { grow(to: minimum) }
    }

    /// Room for at least `minimum` records: double the capacity (16 at least), moving the records.
    @inline(never) private mutating func grow(to minimum: Int) {
        let newCapacity = Swift.max(minimum, capacity &* 2, 16)
        let newBase = UnsafeMutablePointer<Record>.allocate(capacity: newCapacity)
        if let base {
            newBase.initialize(from: base, count: count)
            base.deallocate()
        }
        base = newBase
        capacity = newCapacity
    }

    /// Frees the memory; the buffer must not be used afterwards.
    func deallocate() {
        base?.deallocate()
    }
}
