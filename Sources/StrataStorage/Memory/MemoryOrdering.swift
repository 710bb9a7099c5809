/// `SortKey`s resolved to column positions. NULLs sort last in both directions; other values use
/// `StorageValue.memoryCompare` (byte-wise strings), reversed for descending keys.
struct MemoryOrdering: Sendable {
    private let keys: [(column: Int, descending: Bool)]

    init(_ sortKeys: [SortKey], entity: EntityDescriptor) throws(StorageError) {
        var keys: [(column: Int, descending: Bool)] = []
        keys.reserveCapacity(sortKeys.count)
        for key in sortKeys {
            guard let column = entity.columnIndex(key.column) else {
                throw StorageError(
                    .invalidRequest, "Unknown column in orderBy.", detail: "\(entity.name).\(key.column)",
                    column: key.column)
            }
            guard entity.columns[column].isComparable else {
                throw StorageError(
                    .invalidRequest, "This column cannot be ordered by.", detail: "\(entity.name).\(key.column)",
                    column: key.column)
            }
            keys.append((column, key.descending))
        }
        self.keys = keys
    }

    var isEmpty: Bool { keys.isEmpty }
    var keyCount: Int { keys.count }

    /// Appends the row's sort-key values, in key order.
    @inline(__always)
    func appendKeys(of row: Row, to flat: inout [StorageValue]) {
        for key in keys { flat.append(row.values[key.column]) }
    }

    /// Compares two runs of sort-key values (from `appendKeys`) starting at `a` and `b`.
    @inline(__always)
    func compare(_ values: UnsafeBufferPointer<StorageValue>, _ a: Int, _ b: Int) -> Int {
        var i = 0
        for key in keys {
            let order = Self.compareNullsLast(values[a + i], values[b + i], descending: key.descending)
            if order != 0 { return order }
            i += 1
        }
        return 0
    }

    @inline(__always)
    private static func compareNullsLast(_ x: StorageValue, _ y: StorageValue, descending: Bool) -> Int {
        switch (x.isNull, y.isNull) {
        case (true, true): return 0
        case (true, false): return 1
        case (false, true): return -1
        case (false, false):
            let order = StorageValue.memoryCompare(x, y)
            return descending ? -order : order
        }
    }

    /// -1, 0 or 1: the order of two rows under these keys.
    @inline(__always)
    func compare(_ a: Row, _ b: Row) -> Int {
        for key in keys {
            let order = Self.compareNullsLast(a.values[key.column], b.values[key.column], descending: key.descending)
            if order != 0 { return order }
        }
        return 0
    }
}
