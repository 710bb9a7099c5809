import CSQLite3
import NIOPosix
import StrataSQL
public import StrataStorage
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The SQLite storage adapter: one writer connection and `readers` reader connections on a WAL database.
///
/// - Readers never block the writer and the writer never blocks readers (WAL); readers see committed data only.
/// - Transactions run `BEGIN IMMEDIATE` on the writer; writers queue without holding a thread.
/// - Every sqlite3 call runs on this adapter's `NIOThreadPool`, never on the cooperative pool; each connection
///   is used by one thread at a time. Cancelling a task interrupts its running statement (`sqlite3_interrupt`).
/// - `":memory:"` is a private database in a temporary WAL file on a RAM-backed file system (`/dev/shm` when
///   writable, else the temporary directory), deleted on `close()`. Shared-cache in-memory databases use
///   table-level locks, under which readers fail with `SQLITE_LOCKED` while a write transaction is open, and a
///   single connection cannot keep readers out of an open transaction; a WAL file keeps the semantics of file
///   databases.
/// - Values: timestamps INTEGER µs, dates TEXT `YYYY-MM-DD`, booleans 0/1, string lists JSON array text,
///   json TEXT, uuids TEXT; enumeration and boolean columns get CHECK constraints.
public final class SQLiteAdapter: RowStreamingAdapter {
    public let sourceName: String
    public let model: StorageModel
    /// The database file (for `":memory:"`, the temporary file behind it).
    public let path: String
    let renderer: SQLRenderer
    private let threadPool: NIOThreadPool
    private let writer: SQLiteConnectionPool
    private let readers: SQLiteConnectionPool
    private let isTemporary: Bool
    private let closed = Mutex(false)

    /// Opens (creating if needed) the database at `path`, or a private in-memory database for `":memory:"`.
    /// `busyTimeout` bounds how long a statement waits for another process's lock before failing with `.busy`.
    public init(
        path: String, model: StorageModel, sourceName: String = "default", readers: Int = 2,
        busyTimeout: Duration = .seconds(5), statementCacheCapacity: Int = 64
    ) async throws(StorageError) {
        let isTemporary = path == ":memory:"
        let file = isTemporary ? Self.temporaryPath() : path
        let readerCount = max(1, readers)
        let pool = NIOThreadPool(numberOfThreads: readerCount + 1)
        pool.start()
        let milliseconds = Int32(
            clamping: busyTimeout.components.seconds * 1000 + busyTimeout.components.attoseconds / 1_000_000_000_000_000
        )
        let writerSetup = [
            "PRAGMA journal_mode = WAL", isTemporary ? "PRAGMA synchronous = OFF" : "PRAGMA synchronous = NORMAL",
            "PRAGMA foreign_keys = ON",
        ]
        let readerSetup = ["PRAGMA foreign_keys = ON", "PRAGMA query_only = ON"]
        var boxes: [SQLiteConnectionBox] = []
        do {
            let capacity = statementCacheCapacity
            boxes.append(
                try await pool.runIfActive {
                    try SQLiteConnectionBox(
                        path: file, busyTimeoutMilliseconds: milliseconds, cacheCapacity: capacity, setup: writerSetup)
                })
            for _ in 0..<readerCount {
                boxes.append(
                    try await pool.runIfActive {
                        try SQLiteConnectionBox(
                            path: file, busyTimeoutMilliseconds: milliseconds, cacheCapacity: capacity,
                            setup: readerSetup)
                    })
            }
        } catch {
            for box in boxes { box.close() }
            pool.shutdownGracefully { _ in }
            if isTemporary { Self.removeDatabaseFiles(file) }
            throw Self.storageError(error)
        }
        self.sourceName = sourceName
        self.model = model
        self.path = file
        self.renderer = SQLRenderer(dialect: SQLiteDialect(), model: model)
        self.threadPool = pool
        self.writer = SQLiteConnectionPool(connections: [boxes[0]])
        self.readers = SQLiteConnectionPool(connections: Array(boxes.dropFirst()))
        self.isTemporary = isTemporary
    }

    deinit {
        if !closed.withLock({ $0 }) {
            for box in writer.connections + readers.connections { box.close() }
            threadPool.shutdownGracefully { _ in }
            if isTemporary { Self.removeDatabaseFiles(path) }
        }
    }

    // MARK: - Reads

    public func lookup(_ request: LookupRequest) async throws(StorageError) -> [Row] {
        let query = try renderer.select(lookup: request)
        return query.rows(from: try await read(query))
    }

    public func list(_ request: ListRequest) async throws(StorageError) -> Page {
        let query = try renderer.select(list: request)
        return query.page(from: try await read(query))
    }

    public func list<Writer: StoredRowWriter>(_ request: ListRequest, streamingInto writer: Writer)
        async throws(StorageError) -> Writer?
    {
        let query = try renderer.select(list: request)
        // A page whose rows need the renderer's own columns (a total count, row numbers) is assembled by `page`.
        guard query.hasOnlyEntityColumns else { return nil }
        try checkOpen()
        guard let statement = query.statement else { return writer }
        let layout = query.layout
        return try await withReader { box throws(StorageError) in
            let (written, nanoseconds) = try await self.run(on: box) { connection throws(StorageError) in
                try measureNanoseconds { () throws(StorageError) -> Writer? in
                    var writer = writer
                    return try connection.stream(statement, layout: layout, into: &writer) ? writer : nil
                }
            }
            StatementRecorder.record(source: self.sourceName, nanoseconds: nanoseconds)
            return written
        }
    }

    public func related(_ request: RelatedRequest) async throws(StorageError) -> [Page] {
        let query = try renderer.select(related: request)
        return query.pages(from: try await read(query))
    }

    private func read(_ query: SQLQuery) async throws(StorageError) -> [[StorageValue]] {
        try checkOpen()
        guard let statement = query.statement else { return [] }
        return try await withReader { box throws(StorageError) in
            try await self.execute(statement, layout: query.layout, on: box)
        }
    }

    // MARK: - Writes

    public func transaction<T: Sendable>(
        _ body: @Sendable (any StorageTransaction) async throws -> T
    ) async throws -> T {
        try checkOpen()
        let index: Int
        do { index = try await writer.acquire() } catch { throw Self.storageError(error) }
        defer { writer.release(index) }
        let box = writer.connections[index]
        try await run(on: box) { connection throws(StorageError) in try connection.execute("BEGIN IMMEDIATE") }
        let transaction = SQLiteTransaction(adapter: self, box: box)
        let result: T
        do {
            result = try await body(transaction)
        } catch {
            transaction.end()
            try? await runToCompletion(on: box) { connection throws(StorageError) in try connection.rollback() }
            throw error
        }
        transaction.end()
        do {
            try await runToCompletion(on: box) { connection throws(StorageError) in try connection.execute("COMMIT") }
        } catch {
            try? await runToCompletion(on: box) { connection throws(StorageError) in try connection.rollback() }
            throw error
        }
        return result
    }

    /// Creates missing tables, columns and indexes, in one transaction; safe to run any number of times.
    public func migrate() async throws(StorageError) {
        try checkOpen()
        let renderer = self.renderer
        let model = self.model
        let (statements, nanoseconds) = try await withWriter { box throws(StorageError) in
            try await self.run(on: box) { connection throws(StorageError) -> (Int, UInt64) in
                let (count, nanoseconds) = try measureNanoseconds { () throws(StorageError) -> Int in
                    try connection.execute("BEGIN IMMEDIATE")
                    do throws(StorageError) {
                        var count = 0
                        for entity in model.entities {
                            let inspection = renderer.columnInspection(of: entity)
                            let existing = try connection.query(inspection) { _ in .string }.compactMap { row in
                                if case .string(let name) = row.first { return name } else { return nil }
                            }
                            for statement in try renderer.migration(for: entity, existingColumns: existing) {
                                _ = try connection.query(statement) { _ in nil }
                                count += 1
                            }
                            count += 1
                        }
                        try connection.execute("COMMIT")
                        return count
                    } catch {
                        try? connection.rollback()
                        throw StorageError(
                            .migrationFailed, "The database schema could not be updated.",
                            detail: error.debugDescription, column: error.column)
                    }
                }
                return (count, nanoseconds)
            }
        }
        StatementRecorder.record(source: sourceName, statements: statements, nanoseconds: nanoseconds)
    }

    /// Runs hand-written SQL with `?` bindings and returns its rows, columns decoded by storage class
    /// (INTEGER → `.int`, REAL → `.double`, TEXT/BLOB → `.string`, NULL → `.null`). Read-only statements run on
    /// a reader, others on the writer. Raw SQL bypasses the model: use it for benchmarks and diagnostics only.
    public func execute(rawSQL: String, bindings: [StorageValue] = []) async throws -> [[StorageValue]] {
        try checkOpen()
        let statement = SQLStatement(text: rawSQL, bindings: bindings)
        let onReader = try await withReader { box throws(StorageError) in
            try await self.executeRaw(statement, on: box, onlyIfReadOnly: true)
        }
        if let rows = onReader { return rows }
        return try await withWriter { box throws(StorageError) in
            try await self.executeRaw(statement, on: box, onlyIfReadOnly: false) ?? []
        }
    }

    /// Runs raw SQL on `box` (nil without running it when `onlyIfReadOnly` and it writes). Transaction control
    /// is refused: a transaction left open would outlive the call.
    private func executeRaw(_ statement: SQLStatement, on box: SQLiteConnectionBox, onlyIfReadOnly: Bool)
        async throws(StorageError) -> [[StorageValue]]?
    {
        let result = try await run(on: box) { connection throws(StorageError) -> ([[StorageValue]], UInt64)? in
            if onlyIfReadOnly, try !connection.isReadOnly(statement.text) { return nil }
            let outcome = try measureNanoseconds { () throws(StorageError) in
                try connection.query(statement) { _ in nil }
            }
            if connection.isInTransaction {
                try? connection.rollback()
                throw StorageError(.invalidRequest, "Raw SQL cannot control transactions.")
            }
            return outcome
        }
        guard let (rows, nanoseconds) = result else { return nil }
        StatementRecorder.record(source: sourceName, nanoseconds: nanoseconds)
        return rows
    }

    public func close() async {
        guard
            closed.withLock({ was in
                defer { was = true }
                return !was
            })
        else { return }
        readers.close()
        writer.close()
        for box in writer.connections + readers.connections {
            // Waits for the box's running operation, so it must not block the cooperative pool.
            _ = try? await threadPool.runIfActive { box.close() }
            box.close()
        }
        try? await threadPool.shutdownGracefully()
        if isTemporary { Self.removeDatabaseFiles(path) }
    }

    // MARK: - Statement cache statistics (tests)

    /// Prepared statements cached and cache hits/misses, summed over all connections.
    package func statementCacheStatistics() async throws(StorageError) -> (cached: Int, hits: Int, misses: Int) {
        var total = (cached: 0, hits: 0, misses: 0)
        for box in writer.connections + readers.connections {
            let stats = try await run(on: box) { connection throws(StorageError) in
                [connection.cachedStatementCount, connection.cacheHits, connection.cacheMisses]
            }
            total.cached += stats[0]
            total.hits += stats[1]
            total.misses += stats[2]
        }
        return total
    }

    // MARK: - Running statements

    /// Runs one rendered read on `box`, its rows decoded in the query's layout, and records it.
    func execute(_ statement: SQLStatement, layout: ResultLayout, on box: SQLiteConnectionBox)
        async throws(StorageError) -> [[StorageValue]]
    {
        let (rows, nanoseconds) = try await run(on: box) { connection throws(StorageError) in
            try measureNanoseconds { () throws(StorageError) in try connection.query(statement, layout: layout) }
        }
        StatementRecorder.record(source: sourceName, nanoseconds: nanoseconds)
        return rows
    }

    /// Runs `body` with the connection on the thread pool; cancelling the task interrupts it.
    func run<T: Sendable>(
        on box: SQLiteConnectionBox, _ body: @escaping @Sendable (SQLiteConnection) throws(StorageError) -> T
    ) async throws(StorageError) -> T {
        if Task.isCancelled { throw Self.cancelledError }
        do {
            return try await withTaskCancellationHandler {
                try await threadPool.runIfActive { try box.withConnection(body) }
            } onCancel: {
                box.interrupt()
            }
        } catch {
            throw Self.storageError(error)
        }
    }

    /// Runs `body` on the thread pool even if the task is cancelled (COMMIT, ROLLBACK).
    func runToCompletion<T: Sendable>(
        on box: SQLiteConnectionBox, _ body: @escaping @Sendable (SQLiteConnection) throws(StorageError) -> T
    ) async throws(StorageError) -> T {
        let pool = threadPool
        let result: Result<T, StorageError> = await withCheckedContinuation { continuation in
            pool.submit { state in
                guard case .active = state else {
                    continuation.resume(returning: .failure(Self.closedError))
                    return
                }
                continuation.resume(returning: Result { () throws(StorageError) in try box.withConnection(body) })
            }
        }
        return try result.get()
    }

    private func withReader<T: Sendable>(_ body: (SQLiteConnectionBox) async throws(StorageError) -> T)
        async throws(StorageError) -> T
    {
        do { return try await readers.withConnection { box in try await body(box) } } catch {
            throw Self.storageError(error)
        }
    }

    private func withWriter<T: Sendable>(_ body: (SQLiteConnectionBox) async throws(StorageError) -> T)
        async throws(StorageError) -> T
    {
        do { return try await writer.withConnection { box in try await body(box) } } catch {
            throw Self.storageError(error)
        }
    }

    func checkOpen() throws(StorageError) {
        if closed.withLock({ $0 }) { throw Self.closedError }
    }

    static var closedError: StorageError { StorageError(.closed, "The data source is closed.") }

    static var cancelledError: StorageError {
        StorageError(.timeout, "The request was cancelled before its statement ran.")
    }

    static func storageError(_ error: any Error) -> StorageError {
        switch error {
        case let error as StorageError: error
        case is CancellationError: cancelledError
        case is NIOThreadPoolError.ThreadPoolInactive: closedError
        default: StorageError(.internal, "The database failed.", detail: String(describing: error))
        }
    }

    // MARK: - Temporary databases

    private static func temporaryPath() -> String {
        let directory: String
        if access("/dev/shm", W_OK) == 0 {
            directory = "/dev/shm"
        } else if let tmp = getenv("TMPDIR").map({ String(cString: $0) }), !tmp.isEmpty {
            directory = tmp
        } else {
            directory = "/tmp"
        }
        let name =
            String(UInt64.random(in: .min ... .max), radix: 16) + String(UInt64.random(in: .min ... .max), radix: 16)
        return "\(directory)/strata-\(name).sqlite"
    }

    private static func removeDatabaseFiles(_ path: String) {
        for suffix in ["", "-wal", "-shm", "-journal"] { unlink(path + suffix) }
    }
}

extension SQLiteConnection {
    /// Runs a rendered statement (cached by text).
    func query(_ statement: SQLStatement, type: (Int) -> ColumnType?) throws(StorageError) -> [[StorageValue]] {
        try query(text: statement.text, bindings: statement.bindings, type: type)
    }

    /// Rolls back the open transaction, if SQLite has not already done so.
    func rollback() throws(StorageError) {
        if sqlite3_get_autocommit(handle) == 0 { try execute("ROLLBACK") }
    }

    /// Whether a transaction is open (SQLite rolls one back by itself after some errors).
    var isInTransaction: Bool { sqlite3_get_autocommit(handle) == 0 }
}
