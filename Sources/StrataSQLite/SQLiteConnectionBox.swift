import CSQLite3
import StrataStorage
import Synchronization

/// The Sendable home of one connection: a mutex around it (one thread at a time) and what cancellation needs.
///
/// `sqlite3_interrupt` is the one call made from another thread while the connection works; it is only made while
/// an operation runs and before the box is closed (both tracked under `activity`), so the handle is open then.
final class SQLiteConnectionBox: Sendable {
    private struct Activity {
        var running = false
        var closed = false
    }

    private let connection: Mutex<SQLiteConnection?>
    private let activity = Mutex(Activity())
    private let interruptHandle: SQLiteInterruptHandle

    init(path: String, busyTimeoutMilliseconds: Int32, cacheCapacity: Int, setup: [String]) throws(StorageError) {
        let opened = try SQLiteConnection(
            path: path, busyTimeoutMilliseconds: busyTimeoutMilliseconds, cacheCapacity: cacheCapacity)
        for pragma in setup { try opened.execute(pragma) }
        self.interruptHandle = SQLiteInterruptHandle(handle: opened.handle)
        self.connection = Mutex(opened)
    }

    /// Runs `body` with the connection on the calling (thread-pool) thread.
    func withConnection<T: Sendable>(_ body: (SQLiteConnection) throws(StorageError) -> T) throws(StorageError) -> T {
        activity.withLock { $0.running = true }
        defer { activity.withLock { $0.running = false } }
        return try connection.withLock { (connection: inout SQLiteConnection?) throws(StorageError) -> T in
            guard let open = connection else { throw StorageError(.closed, "The data source is closed.") }
            return try body(open)
        }
    }

    /// Interrupts the running statement, if any (called from a cancellation handler on any thread).
    func interrupt() {
        activity.withLock { activity in
            if activity.running && !activity.closed { sqlite3_interrupt(interruptHandle.handle) }
        }
    }

    /// Closes the connection once the operation in progress (if any) is done.
    func close() {
        activity.withLock { $0.closed = true }
        connection.withLock { $0 = nil }
    }
}

/// The raw handle, for `sqlite3_interrupt` only. `@unchecked Sendable` because SQLite documents
/// `sqlite3_interrupt` as safe to call from any thread while the connection is open, and `SQLiteConnectionBox`
/// only calls it under its activity lock while an operation runs and before the connection is closed.
struct SQLiteInterruptHandle: @unchecked Sendable {
    let handle: OpaquePointer
}
