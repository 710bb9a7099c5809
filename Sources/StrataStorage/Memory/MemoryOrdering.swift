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

    /// -1, 0 or 1: the order of two rows under these keys.
    @inline(__always)
    func compare(_ a: Row, _ b: Row) -> Int {
        for key in keys {
            let x = a.values[key.column]
            let y = b.values[key.column]
            switch (x.isNull, y.isNull) {
            case (true, true): continue
            case (true, false): return 1
            case (false, true): return -1
            case (false, false):
                let order = StorageValue.memoryCompare(x, y)
                if order != 0 { return key.descending ? -order : order }
            }
        }
        return 0
    }
}
