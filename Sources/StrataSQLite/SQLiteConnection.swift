import CSQLite3
import StrataSQL
import StrataStorage

/// One open `sqlite3` handle and its prepared-statement cache. Used by one thread at a time (the connection box
/// guarantees it), so it is not Sendable. The handle is closed in `deinit`, after the cached statements.
final class SQLiteConnection {
    let handle: OpaquePointer
    private var cache: SQLiteStatementCache

    /// Opens `path` (a file path or URI) read-write, creating it if needed, in multi-thread mode
    /// (no SQLite mutex: this object is never used by two threads at once).
    init(path: String, busyTimeoutMilliseconds: Int32, cacheCapacity: Int) throws(StorageError) {
        var db: OpaquePointer?
        let flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE
        let rc = sqlite3_open_v2(path, &db, flags, nil)
        guard rc == SQLITE_OK, let db else {
            // sqlite3_open_v2 allocates a handle even when it fails; read the message, then close it.
            let failure = SQLiteFailure.error(db, rc, while: "opening the database")
            sqlite3_close_v2(db)
            throw StorageError(.connectionFailed, "The database could not be opened.", detail: failure.detail)
        }
        self.handle = db
        self.cache = SQLiteStatementCache(capacity: cacheCapacity)
        sqlite3_busy_timeout(db, busyTimeoutMilliseconds)
        sqlite3_extended_result_codes(db, 1)
    }

    deinit {
        cache.removeAll()
        sqlite3_close_v2(handle)
    }

    var cachedStatementCount: Int { cache.count }
    var cacheHits: Int { cache.hits }
    var cacheMisses: Int { cache.misses }

    /// Runs SQL without bindings or results (pragmas, transaction control), bypassing the cache.
    func execute(_ sql: String) throws(StorageError) {
        let rc = sqlite3_exec(handle, sql, nil, nil, nil)
        guard rc == SQLITE_OK else { throw SQLiteFailure.error(handle, rc, while: "executing \(sql)") }
    }

    /// The first column of the first row of a statement without bindings (e.g. `PRAGMA journal_mode`).
    func scalar(_ sql: String) throws(StorageError) -> StorageValue {
        try query(text: sql, bindings: [], cached: false) { _ in nil }.first?.first ?? .null
    }

    /// Runs a statement and returns its rows, each column decoded as `type(index)` (storage class when nil).
    /// The statement comes from the cache when `cached`, and is always reset with its bindings cleared after use.
    func query(
        text: String, bindings: [StorageValue], cached: Bool = true,
        type: (Int) -> ColumnType?
    ) throws(StorageError) -> [[StorageValue]] {
        try withStatement(text, cached: cached) { statement throws(StorageError) in
            try statement.bind(bindings, db: handle)
            var rows: [[StorageValue]] = []
            while true {
                let rc = sqlite3_step(statement.handle)
                if rc == SQLITE_DONE { break }
                guard rc == SQLITE_ROW else { throw SQLiteFailure.error(handle, rc, while: "running a statement") }
                var row: [StorageValue] = []
                row.reserveCapacity(statement.columnCount)
                for index in 0..<statement.columnCount { row.append(try statement.value(at: index, as: type(index))) }
                rows.append(row)
            }
            return rows
        }
    }

    /// Runs a rendered statement (cached by text), decoding each row straight into the query's layout.
    func query(_ statement: SQLStatement, layout: ResultLayout) throws(StorageError) -> [[StorageValue]] {
        try withStatement(statement.text, cached: true) { prepared throws(StorageError) in
            try prepared.bind(statement.bindings, db: handle)
            let sources = layout.sources(available: prepared.columnCount)
            let decoders = sources.map { SQLiteStatement.ColumnDecoder($0 < 0 ? nil : layout.types[$0]) }
            var rows: [[StorageValue]] = []
            while true {
                let rc = sqlite3_step(prepared.handle)
                if rc == SQLITE_DONE { break }
                guard rc == SQLITE_ROW else { throw SQLiteFailure.error(handle, rc, while: "running a statement") }
                var row: [StorageValue] = []
                row.reserveCapacity(sources.count)
                for position in 0..<sources.count {
                    let source = sources[position]
                    row.append(source < 0 ? .null : try prepared.value(at: source, decoder: decoders[position]))
                }
                rows.append(row)
            }
            return rows
        }
    }

    /// Whether a statement only reads (prepared, and cached, on this connection).
    func isReadOnly(_ text: String) throws(StorageError) -> Bool {
        try withStatement(text, cached: true) { $0.isReadOnly }
    }

    func withStatement<T>(
        _ text: String, cached: Bool, _ body: (SQLiteStatement) throws(StorageError) -> T
    ) throws(StorageError) -> T {
        let db = handle
        let statement =
            cached
            ? try cache.statement(for: text) { text throws(StorageError) in
                try SQLiteStatement(connection: db, text: text)
            }
            : try SQLiteStatement(connection: db, text: text)
        defer {
            sqlite3_reset(statement.handle)
            sqlite3_clear_bindings(statement.handle)
        }
        return try body(statement)
    }
}

@available(*, unavailable)
extension SQLiteConnection: Sendable {}
