import StrataStorage

/// Prepared statements of one connection keyed by SQL text, bounded, evicting the least recently used.
/// Evicted statements are finalized when the last reference goes away (their `deinit`).
struct SQLiteStatementCache {
    private var entries: [String: (statement: SQLiteStatement, lastUse: UInt64)] = [:]
    private var clock: UInt64 = 0
    let capacity: Int
    private(set) var hits = 0
    private(set) var misses = 0

    init(capacity: Int) { self.capacity = max(1, capacity) }

    var count: Int { entries.count }

    mutating func statement(
        for text: String, prepare: (String) throws(StorageError) -> SQLiteStatement
    ) throws(StorageError) -> SQLiteStatement {
        clock &+= 1
        if let entry = entries[text] {
            hits += 1
            entries[text] = (entry.statement, clock)
            return entry.statement
        }
        misses += 1
        let statement = try prepare(text)
        if entries.count >= capacity, let oldest = entries.min(by: { $0.value.lastUse < $1.value.lastUse })?.key {
            entries[oldest] = nil
        }
        entries[text] = (statement, clock)
        return statement
    }

    mutating func removeAll() { entries.removeAll() }
}
