/// `SortKey`s resolved to column positions. NULLs sort last in both directions; other values use
/// `StorageValue.memoryCompare` (byte-wise strings; enumerations by declared position), reversed for descending
/// keys. Hashable: it is the key of the per-snapshot order cache (`MemoryOrderCache`).
struct MemoryOrdering: Sendable, Hashable {
    /// One resolved ordering term.
    struct Term: Sendable, Hashable {
        var column: Int
        var descending: Bool
        /// An enumeration column's declared values, which it sorts by (see `EnumerationOrder.swift`).
        var declared: [String]? = nil
    }

    let terms: [Term]

    init(_ sortKeys: [SortKey], entity: EntityDescriptor) throws(StorageError) {
        var terms: [Term] = []
        terms.reserveCapacity(sortKeys.count)
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
            terms.append(
                Term(column: column, descending: key.descending, declared: entity.columns[column].type.declaredOrder))
        }
        self.terms = terms
    }

    var isEmpty: Bool { terms.isEmpty }

    /// -1, 0 or 1: the order of two rows under these terms (without the slot tie-breaker).
    @inline(__always)
    func compare(_ a: Row, _ b: Row) -> Int {
        for term in terms {
            let order = StorageValue.orderCompare(
                a.values[term.column], b.values[term.column], descending: term.descending, declared: term.declared)
            if order != 0 { return order }
        }
        return 0
    }
}
