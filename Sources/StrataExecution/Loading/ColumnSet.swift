public import StrataStorage

/// A set of column positions of one entity (a bit set), or every column.
///
/// The loaders record, for every cached row or page, the columns it was fetched with, so a later request that
/// needs more columns fetches again rather than reading `.null` from a narrower row. Entities rarely have more
/// than 64 columns: those fit in `low` without allocating.
public struct ColumnSet: Hashable, Sendable {
    /// Whether the set stands for every column of the entity (a fetch without projection).
    public private(set) var isAll: Bool
    private var low: UInt64
    /// Positions 64 and up, 64 per word.
    private var high: [UInt64]

    /// No column.
    public init() {
        isAll = false
        low = 0
        high = []
    }

    /// Every column, whatever the entity.
    public static let all: ColumnSet = {
        var set = ColumnSet()
        set.isAll = true
        return set
    }()

    /// The given positions.
    public init(_ positions: some Sequence<Int>) {
        self.init()
        for position in positions { insert(position) }
    }

    public mutating func insert(_ position: Int) {
        guard !isAll, position >= 0 else { return }
        if position < 64 {
            low |= 1 << UInt64(position)
            return
        }
        let word = position / 64 - 1
        if word >= high.count { high.append(contentsOf: repeatElement(0, count: word + 1 - high.count)) }
        high[word] |= 1 << UInt64(position % 64)
    }

    public func contains(_ position: Int) -> Bool {
        if isAll { return true }
        guard position >= 0 else { return false }
        if position < 64 { return low & (1 << UInt64(position)) != 0 }
        let word = position / 64 - 1
        return word < high.count && high[word] & (1 << UInt64(position % 64)) != 0
    }

    /// Whether every column of `other` is in this set.
    public func isSuperset(of other: ColumnSet) -> Bool {
        if isAll { return true }
        if other.isAll { return false }
        guard low & other.low == other.low else { return false }
        for (index, word) in other.high.enumerated() where word != 0 {
            let mine = index < high.count ? high[index] : 0
            if mine & word != word { return false }
        }
        return true
    }

    public func union(_ other: ColumnSet) -> ColumnSet {
        if isAll || other.isAll { return .all }
        var result = self
        result.low |= other.low
        if !other.high.isEmpty {
            if result.high.count < other.high.count {
                result.high.append(contentsOf: repeatElement(0, count: other.high.count - result.high.count))
            }
            for (index, word) in other.high.enumerated() { result.high[index] |= word }
        }
        return result
    }

    public mutating func formUnion(_ other: ColumnSet) {
        if isAll { return }
        if other.isAll {
            self = .all
            return
        }
        if other.high.isEmpty {
            low |= other.low
        } else {
            self = union(other)
        }
    }

    /// The column names a request carries: nil (every column) for `.all` or a set covering the whole entity.
    public func columnNames(of entity: EntityDescriptor) -> [String]? {
        if isAll { return nil }
        var names: [String] = []
        names.reserveCapacity(entity.columns.count)
        for (position, column) in entity.columns.enumerated() where contains(position) { names.append(column.name) }
        return names.count == entity.columns.count ? nil : names
    }
}
