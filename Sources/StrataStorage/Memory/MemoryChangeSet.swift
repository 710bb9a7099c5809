/// The slots a table's rows were written in (appended, replaced or removed) since its order cache was made, so
/// that the next snapshot's orders can be patched from the previous ones. Tracking stops ("overflows") once
/// patching would cost about as much as sorting again, and when compaction renumbers the slots.
struct MemoryChangeSet: Sendable {
    private(set) var slots: Set<Int> = []
    private(set) var isOverflowed = false

    /// Most changed slots worth patching for a table of `slotCount` slots.
    static func limit(slotCount: Int) -> Int { max(256, slotCount / 8) }

    mutating func insert(_ slot: Int, slotCount: Int) {
        if isOverflowed { return }
        slots.insert(slot)
        if slots.count > Self.limit(slotCount: slotCount) { overflow() }
    }

    mutating func overflow() {
        isOverflowed = true
        slots = []
    }
}
