import StrataStorage

/// Prepared statements of one connection keyed by SQL text (byte for byte, hashed with `KeyHasher`: found once
/// per statement run), bounded, evicting the least recently used.
/// Evicted statements are finalized when the last reference goes away (their `deinit`).
struct SQLiteStatementCache {
    private var entries: [ByteWiseString: (statement: SQLiteStatement, lastUse: UInt64)] = [:]
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
        let key = ByteWiseString(text)
        if let index = entries.index(forKey: key) {
            hits += 1
            entries.values[index].lastUse = clock
            return entries.values[index].statement
        }
        misses += 1
        let statement = try prepare(text)
        if entries.count >= capacity, let oldest = entries.min(by: { $0.value.lastUse < $1.value.lastUse })?.key {
            entries[oldest] = nil
        }
        entries[key] = (statement, clock)
        return statement
    }

    mutating func removeAll() { entries.removeAll() }
}
