/// A table's live rows in one ordering, with the final tie-breaker (the slot) applied: a total order, so each
/// live slot has a unique rank. Ordering any subset of rows is then an integer sort of their ranks, and an
/// unfiltered page is a slice of `slots`. Slots and ranks are `Int32` to halve the memory and cache footprint
/// (a memory table stays far below 2^31 rows).
struct MemorySortedOrder: Sendable {
    /// The live slots, in order.
    let slots: [Int32]
    /// Per slot: its position in `slots`, or -1 for a deleted slot.
    let ranks: [Int32]

    private init(slots: [Int32], slotCount: Int) {
        var ranks = [Int32](repeating: -1, count: slotCount)
        for (position, slot) in slots.enumerated() { ranks[Int(slot)] = Int32(position) }
        self.slots = slots
        self.ranks = ranks
    }

    /// Sorts all live rows of `table` (one full sort).
    init(sorting table: MemoryTable, by ordering: MemoryOrdering, entity: EntityDescriptor) {
        let keys = MemoryPackedSortKeys(liveRowsOf: table, ordering: ordering, entity: entity)
        // Packed indexes ascend with slots, so the index tie-breaker is the slot tie-breaker.
        let sorted = keys.sortedIndexes().map { keys.slots[Int($0)] }
        self.init(slots: sorted, slotCount: table.rows.count)
    }

    /// Derives the order of `table` from `base`, the order of an earlier version of it that differs only in the
    /// rows of `changed` slots (appended, replaced or removed; slots were not renumbered). Costs one pass over the
    /// slots plus O(k log n) row comparisons for k changed rows, instead of a full sort.
    init(patching base: MemorySortedOrder, changed: Set<Int>, table: MemoryTable, by ordering: MemoryOrdering) {
        // The positions in `base` of changed rows, dropped; the rest keep their relative order.
        var dropped: [Int] = []
        dropped.reserveCapacity(changed.count)
        for slot in changed where slot < base.ranks.count && base.ranks[slot] >= 0 {
            dropped.append(Int(base.ranks[slot]))
        }
        dropped.sort()
        var kept: [Int32] = []
        kept.reserveCapacity(base.slots.count)
        var from = 0
        for position in dropped {
            kept.append(contentsOf: base.slots[from..<position])
            from = position + 1
        }
        kept.append(contentsOf: base.slots[from...])
        var added: [(slot: Int32, row: Row)] = []
        for slot in changed where slot < table.rows.count {
            if let row = table.row(at: slot) { added.append((Int32(slot), row)) }
        }
        func precedes(_ a: (slot: Int32, row: Row), _ b: (slot: Int32, row: Row)) -> Bool {
            let order = ordering.compare(a.row, b.row)
            return order != 0 ? order < 0 : a.slot < b.slot
        }
        added.sort(by: precedes)
        var merged: [Int32] = []
        merged.reserveCapacity(kept.count + added.count)
        var next = 0  // first position of `kept` not yet copied
        for entry in added {
            // The first kept row that the added row precedes.
            var low = next
            var high = kept.count
            while low < high {
                let mid = (low + high) / 2
                let slot = kept[mid]
                if precedes((slot, table.row(at: Int(slot))!), entry) { low = mid + 1 } else { high = mid }
            }
            merged.append(contentsOf: kept[next..<low])
            merged.append(entry.slot)
            next = low
        }
        merged.append(contentsOf: kept[next...])
        self.init(slots: merged, slotCount: table.rows.count)
    }
}
