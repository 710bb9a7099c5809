/// The slots changed by a run of consecutive table versions, newest first: an immutable chain shared by the
/// orders inherited across those versions, so that publishing a version extends it in O(1) instead of merging sets.
final class MemoryChangeLog: Sendable {
    /// Slots changed by one version.
    let slots: Set<Int>
    /// The changes of the versions before it, back to the version an inherited order was built for.
    let older: MemoryChangeLog?
    /// The number of slot entries along the chain (an upper bound of the distinct slots).
    let total: Int

    init(_ slots: Set<Int>, older: MemoryChangeLog?) {
        self.slots = slots
        self.older = older
        self.total = slots.count + (older?.total ?? 0)
    }

    /// Every slot changed along the chain.
    var allSlots: Set<Int> {
        var result = slots
        var next = older
        while let log = next {
            result.formUnion(log.slots)
            next = log.older
        }
        return result
    }
}
