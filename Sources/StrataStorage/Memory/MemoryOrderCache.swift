import Synchronization

/// The orders (`MemorySortedOrder`) computed for one immutable version of a table, keyed by ordering. Built
/// lazily by readers: concurrent readers may race to build the same order, and the first one stored wins. Writers
/// never touch it: a table that changes gets a new cache when it is published (`MemoryTable.sealForReading()`),
/// which inherits the earlier versions' orders and patches only the changed rows into them on first use.
final class MemoryOrderCache: Sendable {
    /// An order of an earlier version, with the slots changed since that version.
    private struct Inherited: Sendable {
        var order: MemorySortedOrder
        var changes: MemoryChangeLog
    }

    private struct State: Sendable {
        var orders: [MemoryOrdering: MemorySortedOrder] = [:]
        var inherited: [MemoryOrdering: Inherited] = [:]
    }

    /// Most orderings kept per table version (built and inherited each); clients choose orderings, so the number
    /// must be bounded.
    private static var capacity: Int { 16 }

    private let state: Mutex<State>

    init() {
        state = Mutex(State())
    }

    /// The cache of a new version of a table whose previous version had `previous` and that changed in
    /// `changes` since. Inherits `previous`'s orders, built or inherited, while patching them stays cheaper than
    /// sorting again. Costs O(number of orderings), whatever the table size.
    init(following previous: MemoryOrderCache, changes: MemoryChangeSet, slotCount: Int) {
        var fresh = State()
        if !changes.isOverflowed {
            let limit = MemoryChangeSet.limit(slotCount: slotCount)
            previous.state.withLock { earlier in
                let latest = MemoryChangeLog(changes.slots, older: nil)
                for (ordering, order) in earlier.orders {
                    fresh.inherited[ordering] = Inherited(order: order, changes: latest)
                }
                var extended: [(older: MemoryChangeLog, log: MemoryChangeLog)] = []
                for (ordering, entry) in earlier.inherited
                where earlier.orders[ordering] == nil && fresh.inherited.count < Self.capacity
                    && entry.changes.total + changes.slots.count <= limit
                {
                    // Orders inherited from the same version share one extended log.
                    let log: MemoryChangeLog
                    if let shared = extended.first(where: { $0.older === entry.changes }) {
                        log = shared.log
                    } else {
                        log = MemoryChangeLog(changes.slots, older: entry.changes)
                        extended.append((entry.changes, log))
                    }
                    fresh.inherited[ordering] = Inherited(order: entry.order, changes: log)
                }
            }
        }
        state = Mutex(fresh)
    }

    /// The order of `table`'s rows (the version this cache belongs to) by `ordering`, computed on first use.
    func order(by ordering: MemoryOrdering, of table: MemoryTable, entity: EntityDescriptor) -> MemorySortedOrder {
        let (cached, inherited) = state.withLock { ($0.orders[ordering], $0.inherited[ordering]) }
        if let cached { return cached }
        let order =
            if let inherited {
                MemorySortedOrder(
                    patching: inherited.order, changed: inherited.changes.allSlots, table: table, by: ordering)
            } else {
                MemorySortedOrder(sorting: table, by: ordering, entity: entity)
            }
        return state.withLock { state in
            if let winner = state.orders[ordering] { return winner }
            if state.orders.count >= Self.capacity { state.orders.removeAll() }
            state.orders[ordering] = order
            state.inherited[ordering] = nil
            return order
        }
    }
}
