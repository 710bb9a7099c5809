/// One entity's rows and hash indexes. A value type: copies share storage until written (copy-on-write,
/// chunk by chunk and shard by shard), which is how transactions get a private working copy and readers an
/// immutable snapshot.
///
/// Rows live in slots; a deleted row leaves a `nil` slot until `compactIfNeeded()` (run at commit) renumbers them.
/// Slots ascend in insertion order, so scans and index slot lists return rows in insertion order.
///
/// Ordered reads go through `orders`, the cache of this version's sorted orders. It is only valid while the table
/// is unchanged since it was sealed (`changes == nil`); a working copy that changed reads without it, and
/// `sealForReading()` gives it a new cache (derived from the old one) before it is published.
struct MemoryTable: Sendable {
    private(set) var rows = MemoryRowStore()
    private(set) var liveCount = 0
    /// Per column: value → slot, for the primary key and unique columns (NULLs are not indexed).
    private var uniqueIndexes: [MemoryShardedIndex<Int>?]
    /// Per column: value → ascending slots, for non-unique foreign-key and declared single-column indexes.
    private var multiIndexes: [MemoryShardedIndex<[Int]>?]
    /// Sorted orders of this version's rows, shared by every snapshot holding this version.
    private var orders = MemoryOrderCache()
    /// Slots written since `orders` was made; nil while unchanged.
    private var changes: MemoryChangeSet?

    init(entity: EntityDescriptor) {
        let declared = Set(entity.indexes.compactMap { $0.count == 1 ? $0[0] : nil })
        uniqueIndexes = entity.columns.enumerated().map { position, column in
            position == entity.primaryKey || column.isUnique ? MemoryShardedIndex() : nil
        }
        multiIndexes = entity.columns.enumerated().map { position, column in
            let unique = position == entity.primaryKey || column.isUnique
            return !unique && (column.references != nil || declared.contains(column.name)) ? MemoryShardedIndex() : nil
        }
    }

    @inline(__always) func row(at slot: Int) -> Row? { rows[slot] }

    func hasUniqueIndex(_ column: Int) -> Bool { uniqueIndexes[column] != nil }
    func hasMultiIndex(_ column: Int) -> Bool { multiIndexes[column] != nil }

    /// The slot of the row whose uniquely indexed `column` equals `key`.
    @inline(__always) func slot(unique column: Int, key: StorageValue) -> Int? {
        uniqueIndexes[column]?[MemoryKey(key)]
    }

    /// The slots of rows whose `column` equals `key`, using whichever index the column has, else a scan.
    func slots(where column: Int, equals key: StorageValue) -> [Int] {
        if key.isNull { return [] }
        if let index = multiIndexes[column] { return index[MemoryKey(key)] ?? [] }
        if let index = uniqueIndexes[column] { return index[MemoryKey(key)].map { [$0] } ?? [] }
        var result: [Int] = []
        var slot = 0
        for chunk in rows.chunks {
            for row in chunk {
                if let row, StorageValue.memoryEqual(row.values[column], key) { result.append(slot) }
                slot += 1
            }
        }
        return result
    }

    /// Whether any live row's `column` equals `key` (NULL never does).
    func contains(_ column: Int, equals key: StorageValue) -> Bool {
        if key.isNull { return false }
        if let index = uniqueIndexes[column] { return index[MemoryKey(key)] != nil }
        if let index = multiIndexes[column] { return !(index[MemoryKey(key)]?.isEmpty ?? true) }
        return !slots(where: column, equals: key).isEmpty
    }

    /// The live rows' slots in `ordering` (cached per sealed version; computed afresh on a changed working copy).
    func order(by ordering: MemoryOrdering, entity: EntityDescriptor) -> MemorySortedOrder {
        if changes == nil { return orders.order(by: ordering, of: self, entity: entity) }
        return MemorySortedOrder(sorting: self, by: ordering, entity: entity)
    }

    /// Compacts, and gives a changed table a new order cache: run before publishing.
    mutating func sealForReading() {
        compactIfNeeded()
        guard let changes else { return }
        orders = MemoryOrderCache(following: orders, changes: changes, slotCount: rows.count)
        self.changes = nil
    }

    @inline(__always) private mutating func noteChange(at slot: Int) {
        if changes == nil { changes = MemoryChangeSet() }
        changes!.insert(slot, slotCount: rows.count)
    }

    /// Appends a row whose constraints the caller has checked; returns its slot.
    mutating func append(_ row: Row) -> Int {
        let slot = rows.count
        noteChange(at: slot)
        rows.append(row)
        liveCount += 1
        for column in row.values.indices { addToIndexes(column: column, value: row.values[column], slot: slot) }
        return slot
    }

    /// Replaces the row in `slot` (constraints checked by the caller), re-indexing changed columns.
    mutating func replace(at slot: Int, with row: Row) {
        guard let old = rows[slot] else { return }
        noteChange(at: slot)
        for column in row.values.indices where !StorageValue.memoryEqual(old.values[column], row.values[column]) {
            removeFromIndexes(column: column, value: old.values[column], slot: slot)
            addToIndexes(column: column, value: row.values[column], slot: slot)
        }
        rows[slot] = row
    }

    /// Removes the row in `slot`, leaving a hole until compaction.
    mutating func remove(at slot: Int) {
        guard let old = rows[slot] else { return }
        noteChange(at: slot)
        for column in old.values.indices { removeFromIndexes(column: column, value: old.values[column], slot: slot) }
        rows[slot] = nil
        liveCount -= 1
    }

    /// Drops trailing holes (cheap undo of appends) and renumbers slots when holes dominate.
    mutating func compactIfNeeded() {
        if rows.count > 0 && rows[rows.count - 1] == nil { rows.trimTrailingHoles() }
        let holes = rows.count - liveCount
        guard holes > 64 && holes * 2 > rows.count else { return }
        if changes == nil { changes = MemoryChangeSet() }
        changes!.overflow()  // slots are renumbered: earlier orders no longer apply
        var live: [Row] = []
        live.reserveCapacity(liveCount)
        for chunk in rows.chunks { for case let row? in chunk { live.append(row) } }
        for i in uniqueIndexes.indices { uniqueIndexes[i]?.removeAll() }
        for i in multiIndexes.indices { multiIndexes[i]?.removeAll() }
        rows.removeAll()
        liveCount = 0
        for row in live { _ = append(row) }
    }

    private mutating func addToIndexes(column: Int, value: StorageValue, slot: Int) {
        if value.isNull { return }
        if uniqueIndexes[column] != nil {
            uniqueIndexes[column]![MemoryKey(value)] = slot
        } else if multiIndexes[column] != nil {
            multiIndexes[column]!.update(MemoryKey(value), default: []) { slots in
                slots.append(slot)
                // Slots arrive in ascending order, except when an update moves an older row to another key.
                if slots.count > 1 && slots[slots.count - 2] > slot { slots.sort() }
            }
        }
    }

    private mutating func removeFromIndexes(column: Int, value: StorageValue, slot: Int) {
        if value.isNull { return }
        let key = MemoryKey(value)
        if uniqueIndexes[column] != nil {
            if uniqueIndexes[column]![key] == slot { uniqueIndexes[column]![key] = nil }
        } else if multiIndexes[column] != nil {
            let isEmpty = multiIndexes[column]!.update(key, default: []) { slots -> Bool in
                if let position = slots.firstIndex(of: slot) { slots.remove(at: position) }
                return slots.isEmpty
            }
            if isEmpty { multiIndexes[column]![key] = nil }
        }
    }
}
