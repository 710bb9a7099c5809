/// One entity's rows and hash indexes. A value type: copies share storage until written (copy-on-write),
/// which is how transactions get a private working copy and readers an immutable snapshot.
///
/// Rows live in slots; a deleted row leaves a `nil` slot until `compactIfNeeded()` (run at commit) renumbers them.
/// Slots ascend in insertion order, so scans and index slot lists return rows in insertion order.
struct MemoryTable: Sendable {
    private(set) var slots: ContiguousArray<Row?> = []
    private(set) var liveCount = 0
    /// Per column: value → slot, for the primary key and unique columns (NULLs are not indexed).
    private var uniqueIndexes: [[MemoryKey: Int]?]
    /// Per column: value → ascending slots, for non-unique foreign-key and declared single-column indexes.
    private var multiIndexes: [[MemoryKey: [Int]]?]

    init(entity: EntityDescriptor) {
        let declared = Set(entity.indexes.compactMap { $0.count == 1 ? $0[0] : nil })
        uniqueIndexes = entity.columns.enumerated().map { position, column in
            position == entity.primaryKey || column.isUnique ? [:] : nil
        }
        multiIndexes = entity.columns.enumerated().map { position, column in
            let unique = position == entity.primaryKey || column.isUnique
            return !unique && (column.references != nil || declared.contains(column.name)) ? [:] : nil
        }
    }

    @inline(__always) func row(at slot: Int) -> Row? { slots[slot] }

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
        for (slot, row) in slots.enumerated() {
            if let row, StorageValue.memoryEqual(row.values[column], key) { result.append(slot) }
        }
        return result
    }

    /// Whether any live row's `column` equals `key` (NULL never does).
    func contains(_ column: Int, equals key: StorageValue) -> Bool {
        if key.isNull { return false }
        if let index = uniqueIndexes[column] { return index[MemoryKey(key)] != nil }
        if let index = multiIndexes[column] { return !(index[MemoryKey(key)]?.isEmpty ?? true) }
        return slots.contains { $0.map { StorageValue.memoryEqual($0.values[column], key) } ?? false }
    }

    /// Appends a row whose constraints the caller has checked; returns its slot.
    mutating func append(_ row: Row) -> Int {
        let slot = slots.count
        slots.append(row)
        liveCount += 1
        for column in row.values.indices { addToIndexes(column: column, value: row.values[column], slot: slot) }
        return slot
    }

    /// Replaces the row in `slot` (constraints checked by the caller), re-indexing changed columns.
    mutating func replace(at slot: Int, with row: Row) {
        guard let old = slots[slot] else { return }
        for column in row.values.indices where !StorageValue.memoryEqual(old.values[column], row.values[column]) {
            removeFromIndexes(column: column, value: old.values[column], slot: slot)
            addToIndexes(column: column, value: row.values[column], slot: slot)
        }
        slots[slot] = row
    }

    /// Removes the row in `slot`, leaving a hole until compaction.
    mutating func remove(at slot: Int) {
        guard let old = slots[slot] else { return }
        for column in old.values.indices { removeFromIndexes(column: column, value: old.values[column], slot: slot) }
        slots[slot] = nil
        liveCount -= 1
    }

    /// Drops trailing holes (cheap undo of appends) and renumbers slots when holes dominate.
    mutating func compactIfNeeded() {
        while let last = slots.last, last == nil { slots.removeLast() }
        let holes = slots.count - liveCount
        guard holes > 64 && holes * 2 > slots.count else { return }
        let live = slots.compactMap { $0 }
        for i in uniqueIndexes.indices where uniqueIndexes[i] != nil { uniqueIndexes[i] = [:] }
        for i in multiIndexes.indices where multiIndexes[i] != nil { multiIndexes[i] = [:] }
        slots = []
        liveCount = 0
        for row in live { _ = append(row) }
    }

    private mutating func addToIndexes(column: Int, value: StorageValue, slot: Int) {
        if value.isNull { return }
        if uniqueIndexes[column] != nil {
            uniqueIndexes[column]![MemoryKey(value)] = slot
        } else if multiIndexes[column] != nil {
            let key = MemoryKey(value)
            multiIndexes[column]![key, default: []].append(slot)
            // Slots arrive in ascending order, except when an update moves an older row to another key.
            let outOfOrder = multiIndexes[column]![key].map { $0.count > 1 && $0[$0.count - 2] > slot } ?? false
            if outOfOrder { multiIndexes[column]![key]!.sort() }
        }
    }

    private mutating func removeFromIndexes(column: Int, value: StorageValue, slot: Int) {
        if value.isNull { return }
        let key = MemoryKey(value)
        if uniqueIndexes[column] != nil {
            if uniqueIndexes[column]![key] == slot { uniqueIndexes[column]![key] = nil }
        } else if multiIndexes[column] != nil {
            guard var list = multiIndexes[column]![key] else { return }
            multiIndexes[column]![key] = nil  // keep `list` uniquely referenced while editing it
            if let position = list.firstIndex(of: slot) { list.remove(at: position) }
            if !list.isEmpty { multiIndexes[column]![key] = list }
        }
    }
}
