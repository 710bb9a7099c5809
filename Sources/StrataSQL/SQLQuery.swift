public import StrataStorage

/// A rendered read (or write with `RETURNING`) plus what a driver needs to turn its result rows into `Row`s and
/// `Page`s: the entity column behind each result column and the meaning of the renderer's extra columns.
///
/// Drivers decode result column `i` with `resultType(at: i)` into a `StorageValue` (NULL as `.null`), then call
/// `rows(from:)`, `page(from:)` or `pages(from:)`.
public struct SQLQuery: Sendable {
    public enum ResultColumn: Sendable, Hashable {
        /// The entity column at this index.
        case column(Int)
        /// The row's 1-based position in its window (list page or parent group).
        case rowNumber
        /// The number of matching rows in its window, before paging.
        case totalCount
    }

    /// nil when the answer is known without a statement (no keys to look up): assemble from no rows.
    public var statement: SQLStatement?
    public var entity: EntityDescriptor
    public var resultColumns: [ResultColumn]
    public var includesTotalCount: Bool
    /// With a row-number column: rows numbered in `pageStart + 1 ... pageEnd` form the page; other rows only
    /// carry the total count of a window whose page is empty.
    public var pageStart: Int
    public var pageEnd: Int?
    /// For related reads: the entity index of the foreign-key column and the requested parent keys.
    public var partitionColumn: Int?
    public var parentKeys: [StorageValue]
    /// For related reads without a row-number column: the order of each parent's rows (entity column, descending),
    /// applied here, after which rows `pageStart ..< pageEnd` of each parent form its page (in arrival order when
    /// there is no order).
    public var rowOrder: [(column: Int, descending: Bool)] = []

    init(
        statement: SQLStatement?, entity: EntityDescriptor, resultColumns: [ResultColumn],
        includesTotalCount: Bool = false, pageStart: Int = 0, pageEnd: Int? = nil, partitionColumn: Int? = nil,
        parentKeys: [StorageValue] = []
    ) {
        self.statement = statement
        self.entity = entity
        self.resultColumns = resultColumns
        self.includesTotalCount = includesTotalCount
        self.pageStart = pageStart
        self.pageEnd = pageEnd
        self.partitionColumn = partitionColumn
        self.parentKeys = parentKeys
    }

    /// The type to decode result column `index` as (the renderer's own columns are integers).
    public func resultType(at index: Int) -> ColumnType {
        if case .column(let column) = resultColumns[index] { return entity.columns[column].type }
        return .int
    }

    /// Full-width rows (`.null` in columns not fetched), without count-only rows.
    public func rows(from results: [[StorageValue]]) -> [Row] {
        var rows: [Row] = []
        rows.reserveCapacity(results.count)
        let rowNumberIndex = resultColumns.firstIndex(of: .rowNumber)
        for result in results {
            if let rowNumberIndex, !isPageRow(result[rowNumberIndex]) { continue }
            rows.append(row(from: result))
        }
        return rows
    }

    /// One page (list reads).
    public func page(from results: [[StorageValue]]) -> Page {
        Page(rows: rows(from: results), totalCount: includesTotalCount ? total(in: results.first) : nil)
    }

    /// One page per parent key, aligned with `parentKeys` (related reads). Each parent's rows are in row-number
    /// order whatever the order of `results` (the statement has no `ORDER BY`).
    public func pages(from results: [[StorageValue]]) -> [Page] {
        guard let partitionColumn, let keyIndex = resultColumns.firstIndex(of: .column(partitionColumn)) else {
            return parentKeys.map { _ in Page(rows: [], totalCount: includesTotalCount ? 0 : nil) }
        }
        let rowNumberIndex = resultColumns.firstIndex(of: .rowNumber)
        var slots: [ByteWiseKey: Int] = [:]
        var pages: [Page] = []
        var lastNumbers: [Int64] = []
        for result in results {
            let key = ByteWiseKey(result[keyIndex])
            let slot: Int
            if let existing = slots[key] {
                slot = existing
            } else {
                slot = pages.count
                slots[key] = slot
                pages.append(Page(rows: [], totalCount: includesTotalCount ? total(in: result) : nil))
                lastNumbers.append(.min)
            }
            guard let rowNumberIndex else {
                pages[slot].rows.append(row(from: result))
                continue
            }
            let number = Self.number(result[rowNumberIndex])
            if number < lastNumbers[slot] {
                // Rows of a parent arrived out of window order: order all rows by row number and start again.
                let sorted = results.enumerated().sorted { lhs, rhs in
                    let (l, r) = (Self.number(lhs.element[rowNumberIndex]), Self.number(rhs.element[rowNumberIndex]))
                    return l != r ? l < r : lhs.offset < rhs.offset
                }
                return self.pages(from: sorted.map(\.element))
            }
            lastNumbers[slot] = number
            if isPageRow(result[rowNumberIndex]) { pages[slot].rows.append(row(from: result)) }
        }
        if rowNumberIndex == nil {
            for slot in pages.indices { pages[slot].rows = ordered(pages[slot].rows) }
        }
        let empty = Page(rows: [], totalCount: includesTotalCount ? 0 : nil)
        return parentKeys.map { key in
            if key.isNull { return empty }
            return slots[ByteWiseKey(key)].map { pages[$0] } ?? empty
        }
    }

    /// One parent's rows in `rowOrder` (the order the database applied per parent but did not return them in),
    /// cut to `pageStart ..< pageEnd`.
    private func ordered(_ rows: [Row]) -> [Row] {
        func compare(_ lhs: Row, _ rhs: Row) -> Int {
            for term in rowOrder {
                let order = StorageValue.orderCompare(
                    lhs.values[term.column], rhs.values[term.column], descending: term.descending)
                if order != 0 { return order }
            }
            return 0
        }
        let start = min(pageStart, rows.count)
        let end = min(pageEnd ?? rows.count, rows.count)
        guard start < end else { return [] }
        // Rows often arrive in order already (read through an index in that order): then only cut.
        var inOrder = true
        for index in rows.indices.dropFirst() where compare(rows[index - 1], rows[index]) > 0 {
            inOrder = false
            break
        }
        if inOrder { return start == 0 && end == rows.count ? rows : Array(rows[start..<end]) }
        let sorted = rows.enumerated().sorted { lhs, rhs in
            let order = compare(lhs.element, rhs.element)
            return order != 0 ? order < 0 : lhs.offset < rhs.offset
        }
        return sorted[start..<end].map(\.element)
    }

    private static func number(_ value: StorageValue) -> Int64 {
        if case .int(let n) = value { return n }
        return 0
    }

    private func isPageRow(_ rowNumber: StorageValue) -> Bool {
        guard case .int(let n) = rowNumber else { return true }
        return n > pageStart && pageEnd.map { n <= $0 } ?? true
    }

    private func row(from result: [StorageValue]) -> Row {
        var values = [StorageValue](repeating: .null, count: entity.columns.count)
        for (index, column) in resultColumns.enumerated() {
            if case .column(let position) = column { values[position] = result[index] }
        }
        return Row(values)
    }

    private func total(in result: [StorageValue]?) -> Int {
        guard let result, let index = resultColumns.firstIndex(of: .totalCount),
            case .int(let total) = result[index]
        else { return 0 }
        return Int(total)
    }
}
