public import StrataStorage

/// A rendered read (or write with `RETURNING`) plus what a driver needs to turn its result rows into `Row`s and
/// `Page`s: the entity column behind each result column and the meaning of the renderer's extra columns.
///
/// Drivers decode result column `i` with `resultType(at: i)` into a `StorageValue` (NULL as `.null`) at position
/// `decodedPositions[i]` of a row of `decodedWidth` values that starts as all `.null` — entity columns land at
/// their entity index, so a decoded row is already a `Row`'s layout, with the renderer's own columns (row
/// number, total) after it — then call `rows(from:)`, `page(from:)` or `pages(from:)`.
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
    public var entity: EntityDescriptor {
        didSet { presetLayout = nil }
    }
    public var resultColumns: [ResultColumn] {
        didSet { presetLayout = nil }
    }
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
    public var rowOrder: [(column: Int, descending: Bool, declared: [String]?)] = []
    /// The layout, when the renderer kept it with a stored lookup (`LookupTextCache`), set on a query built from
    /// the stored entity and result columns; changing either drops it, so `layout` never goes stale.
    var presetLayout: ResultLayout?

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

    /// Everything a driver needs to decode the statement's rows (computed once per statement).
    public var layout: ResultLayout {
        if let presetLayout { return presetLayout }
        return ResultLayout(
            width: decodedWidth, positions: decodedPositions, types: resultColumns.indices.map { resultType(at: $0) })
    }

    /// The number of values in a decoded row: the entity's columns, then the renderer's own.
    public var decodedWidth: Int { entity.columns.count + extraColumnCount }

    /// Where result column `i` goes in a decoded row.
    public var decodedPositions: [Int] {
        var extra = entity.columns.count
        return resultColumns.map { column in
            if case .column(let index) = column { return index }
            defer { extra += 1 }
            return extra
        }
    }

    /// A row in result-column order put in the decoded layout (for drivers that cannot decode in place).
    public func decoded(_ resultRow: [StorageValue]) -> [StorageValue] { layout.decoded(resultRow) }

    /// Whether every result column is an entity column (no row number, no total): each result row is a page row.
    public var hasOnlyEntityColumns: Bool { extraColumnCount == 0 }

    private var extraColumnCount: Int {
        var count = 0
        for column in resultColumns {
            if case .column = column { continue }
            count += 1
        }
        return count
    }

    /// The decoded position of one of the renderer's own columns.
    private func decodedPosition(of special: ResultColumn) -> Int? {
        resultColumns.firstIndex(of: special).map { decodedPositions[$0] }
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
        let rowNumberIndex = decodedPosition(of: .rowNumber)
        let extras = extraColumnCount
        for result in results {
            if let rowNumberIndex, !isPageRow(result[rowNumberIndex]) { continue }
            rows.append(row(from: result, extras: extras))
        }
        return rows
    }

    /// One page (list reads).
    public func page(from results: [[StorageValue]]) -> Page {
        Page(
            rows: rows(from: results),
            totalCount: includesTotalCount ? total(in: results.first, at: decodedPosition(of: .totalCount)) : nil)
    }

    /// One page per parent key, aligned with `parentKeys` (related reads). Each parent's rows are in row-number
    /// order whatever the order of `results` (the statement has no `ORDER BY`).
    public func pages(from results: [[StorageValue]]) -> [Page] {
        guard let partitionColumn, resultColumns.contains(.column(partitionColumn)) else {
            return parentKeys.map { _ in Page(rows: [], totalCount: includesTotalCount ? 0 : nil) }
        }
        let keyIndex = partitionColumn
        let rowNumberIndex = decodedPosition(of: .rowNumber)
        let totalIndex = decodedPosition(of: .totalCount)
        let extras = extraColumnCount
        var slots: [ByteWiseKey: Int] = [:]
        var pages: [Page] = []
        var lastNumbers: [Int64] = []
        // A parent's rows usually arrive together (both backends read parent by parent): a row with the previous
        // row's key goes to the same page without hashing the key.
        var previous: (key: ByteWiseKey, slot: Int)?
        for result in results {
            let key = ByteWiseKey(result[keyIndex])
            let slot: Int
            if let previous, previous.key == key {
                slot = previous.slot
            } else if let existing = slots[key] {
                slot = existing
            } else {
                slot = pages.count
                slots[key] = slot
                var page = Page(rows: [], totalCount: includesTotalCount ? total(in: result, at: totalIndex) : nil)
                // Sized for a whole page (bounded: a large `first` need not be reached).
                if let pageEnd { page.rows.reserveCapacity(min(pageEnd, 64)) }
                pages.append(page)
                lastNumbers.append(.min)
            }
            previous = (key, slot)
            guard let rowNumberIndex else {
                pages[slot].rows.append(row(from: result, extras: extras))
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
            if isPageRow(result[rowNumberIndex]) { pages[slot].rows.append(row(from: result, extras: extras)) }
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
                    lhs.values[term.column], rhs.values[term.column], descending: term.descending,
                    declared: term.declared)
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

    /// A decoded row as a `Row`: the same storage when it has no columns of the renderer's own.
    private func row(from result: [StorageValue], extras: Int) -> Row {
        guard extras > 0 else { return Row(result) }
        return Row(Array(result[..<(result.count - extras)]))
    }

    /// The total a decoded row carries at `index` (the position of `.totalCount`), 0 without one.
    private func total(in result: [StorageValue]?, at index: Int?) -> Int {
        guard let result, let index, case .int(let total) = result[index]
        else { return 0 }
        return Int(total)
    }
}

/// How a rendered statement's result columns are decoded: column `i` as `types[i]` into position `positions[i]`
/// of a row of `width` values that starts as all `.null` (see `SQLQuery`).
public struct ResultLayout: Sendable {
    public let width: Int
    public let positions: [Int]
    public let types: [ColumnType?]
    /// `sources(available:)` when every result column is there, worked out once.
    private let allSources: [Int]

    public init(width: Int, positions: [Int], types: [ColumnType?]) {
        self.width = width
        self.positions = positions
        self.types = types
        allSources = Self.sources(width: width, positions: positions, available: positions.count)
    }

    /// Decodes no column: for statements whose rows are only counted (existence probes).
    public static let noColumns = ResultLayout(width: 0, positions: [], types: [])

    /// For each column of this layout's rows, the result column decoded into it (the last one placed there), or
    /// -1 for a column the statement does not fetch, of the first `available` result columns. Adapters build
    /// each row in one pass of appends over it, instead of filling a row with nulls and then storing into it.
    public func sources(available: Int) -> [Int] {
        guard available < positions.count else { return allSources }
        return Self.sources(width: width, positions: positions, available: available)
    }

    private static func sources(width: Int, positions: [Int], available: Int) -> [Int] {
        var sources = [Int].filled(-1, count: width)
        for column in 0..<min(available, positions.count) { sources[positions[column]] = column }
        return sources
    }

    /// A row in result-column order put in this layout.
    public func decoded(_ resultRow: [StorageValue]) -> [StorageValue] {
        sources(available: resultRow.count).map { $0 < 0 ? .null : resultRow[$0] }
    }
}
