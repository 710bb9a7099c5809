/// A growable byte buffer written through a pointer: an append checks the capacity and stores, without the
/// uniqueness check, capacity bookkeeping and generic copy of an array's `append(contentsOf:)` (about 70
/// instructions per call, several calls per string leaf). A response's leaves are encoded into one.
///
/// `@unchecked Sendable`: a result tree, and so its arena, belongs to one request at a time (the pool hands each
/// tree to one execution and takes it back after the response is written).
final class ByteArena: @unchecked Sendable, JSONByteSink {
    private(set) var base: UnsafeMutablePointer<UInt8>
    private(set) var count = 0
    private(set) var capacity: Int

    init(capacity: Int = 1024) {
        self.capacity = max(capacity, 16)
        base = .allocate(capacity: self.capacity)
    }

    deinit { base.deallocate() }

    /// The bytes written so far (valid until the next write).
    var bytes: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: base, count: count) }

    @inline(__always) func append(_ byte: UInt8) {
        if count == capacity { grow(toAtLeast: count + 1) }
        base[count] = byte
        count += 1
    }

    /// Appends `bytes` (most appends are keys, short names and numbers: `ShortCopy`).
    @inline(__always) func append(bytes: UnsafeBufferPointer<UInt8>) {
        let added = bytes.count
        guard added > 0, let from = bytes.baseAddress else { return }
        if capacity - count < added { grow(toAtLeast: count + added) }
        ShortCopy.copy(from: UnsafeRawPointer(from), to: UnsafeMutableRawPointer(base + count), count: added)
        count += added
    }

    /// Empties the arena, keeping its memory.
    func removeAll() { count = 0 }

    /// Drops the bytes written after the first `newCount` (a write that turned out not to be wanted).
    func truncate(to newCount: Int) {
        precondition(newCount >= 0 && newCount <= count, "truncating past the written bytes")
        count = newCount
    }

    @inline(never) private func grow(toAtLeast minimum: Int) {
        let newCapacity = max(capacity * 2, minimum)
        let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        grown.initialize(from: base, count: count)
        base.deallocate()
        base = grown
        capacity = newCapacity
    }
}
