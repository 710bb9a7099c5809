/// Row slots stored in fixed-size chunks, so that a transaction's first write to a large table copies one chunk
/// (copy-on-write) instead of every row. `nil` marks a deleted row's slot.
struct MemoryRowStore: Sendable {
    private static var chunkShift: Int { 10 }
    private static var chunkMask: Int { (1 << chunkShift) - 1 }

    /// The chunks, in slot order; iterate them for scans.
    private(set) var chunks: [[Row?]] = []
    /// Number of slots (live and deleted).
    private(set) var count = 0

    subscript(slot: Int) -> Row? {
        @inline(__always) get { chunks[slot >> Self.chunkShift][slot & Self.chunkMask] }
        set { chunks[slot >> Self.chunkShift][slot & Self.chunkMask] = newValue }
    }

    mutating func append(_ row: Row?) {
        if count & Self.chunkMask == 0 {
            var chunk: [Row?] = []
            chunk.reserveCapacity(min(1 << Self.chunkShift, max(16, count)))
            chunks.append(chunk)
        }
        chunks[chunks.count - 1].append(row)
        count += 1
    }

    /// Drops trailing deleted slots.
    mutating func trimTrailingHoles() {
        while count > 0 && self[count - 1] == nil {
            chunks[chunks.count - 1].removeLast()
            if chunks[chunks.count - 1].isEmpty { chunks.removeLast() }
            count -= 1
        }
    }

    mutating func removeAll() {
        chunks = []
        count = 0
    }
}
