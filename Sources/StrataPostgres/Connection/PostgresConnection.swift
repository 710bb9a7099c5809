import NIOPosix
import StrataSQL
import StrataStorage
import Synchronization

/// One pooled server connection. Its `PGconn*` lives in a `Mutex`, and every libpq call happens inside a job
/// on the adapter's `NIOThreadPool`, so blocking `poll()` waits never touch the cooperative pool.
///
/// The pool leases a connection to one task at a time; the mutex makes that safe to state to the compiler.
final class PostgresConnection: Sendable {
    let id: Int
    private let handle: Mutex<PostgresConnectionHandle?>
    private let configuration: PostgresConfiguration
    private let threadPool: NIOThreadPool

    private init(
        id: Int, handle: consuming sending PostgresConnectionHandle, configuration: PostgresConfiguration,
        threadPool: NIOThreadPool
    ) {
        self.id = id
        self.handle = Mutex(Optional(handle))
        self.configuration = configuration
        self.threadPool = threadPool
    }

    /// Opens a connection on the thread pool.
    static func open(id: Int, configuration: PostgresConfiguration, threadPool: NIOThreadPool)
        async throws(PostgresError) -> PostgresConnection
    {
        let cancellation = PostgresCancellationFlag()
        return try await onThreadPool(threadPool, cancellation: cancellation) { () throws(PostgresError) in
            let handle = try PostgresConnectionHandle.connect(configuration, cancellation: cancellation)
            return PostgresConnection(id: id, handle: handle, configuration: configuration, threadPool: threadPool)
        }
    }

    /// Runs one statement. With `reconnectIfIdleBroken`, a connection the server closed while it sat idle is
    /// replaced first (nothing was sent on it yet, so this is safe outside a transaction).
    func execute(
        _ sql: String, bindings: [StorageValue], mode: PostgresConnectionHandle.Mode = .prepared,
        reconnectIfIdleBroken: Bool = false, layout: ResultLayout? = nil, rows: PostgresRowVisitor? = nil
    ) async throws(PostgresError) -> PostgresQueryResult {
        let cancellation = PostgresCancellationFlag()
        let configuration = self.configuration
        return try await Self.onThreadPool(threadPool, cancellation: cancellation) { () throws(PostgresError) in
            try self.handle.withLock { (handle: inout PostgresConnectionHandle?) throws(PostgresError) in
                if reconnectIfIdleBroken, handle?.checkIdleConnection() != true {
                    handle = nil
                    handle = try PostgresConnectionHandle.connect(configuration, cancellation: cancellation)
                }
                guard handle != nil else { throw .connectionLost("The connection was closed.") }
                return try handle!.execute(
                    sql, bindings: bindings, mode: mode, timeout: configuration.statementTimeout,
                    cancellation: cancellation, layout: layout, rows: rows)
            }
        }
    }

    /// Runs many statements in pipeline mode (see `PostgresConnectionHandle.executePipelined`).
    func executePipelined(_ statements: [(sql: String, bindings: [StorageValue])]) async throws(PostgresError) -> Int {
        let cancellation = PostgresCancellationFlag()
        let timeout = configuration.statementTimeout
        return try await Self.onThreadPool(threadPool, cancellation: cancellation) { () throws(PostgresError) in
            try self.handle.withLock { (handle: inout PostgresConnectionHandle?) throws(PostgresError) in
                guard handle != nil else { throw .connectionLost("The connection was closed.") }
                return try handle!.executePipelined(statements, timeout: timeout, cancellation: cancellation)
            }
        }
    }

    /// Whether the connection can go back to the pool (open, idle, not poisoned by a timeout or cancellation).
    var isReusable: Bool {
        handle.withLock { $0?.isReusable ?? false }
    }

    var preparedStatementCount: Int {
        handle.withLock { $0?.preparedStatementCount ?? 0 }
    }

    /// Finishes the `PGconn` (on the thread pool: `PQfinish` writes a goodbye message).
    func close() async {
        _ = try? await Self.onThreadPool(threadPool, cancellation: nil) { () throws(PostgresError) in
            self.handle.withLock { $0 = nil }
        }
    }

    /// Runs `body` on the thread pool; task cancellation sets `cancellation`, which the job polls.
    private static func onThreadPool<T: Sendable>(
        _ threadPool: NIOThreadPool, cancellation: PostgresCancellationFlag?,
        _ body: @escaping @Sendable () throws(PostgresError) -> T
    ) async throws(PostgresError) -> T {
        let outcome: Result<T, PostgresError>
        do {
            outcome = try await withTaskCancellationHandler {
                try await threadPool.runIfActive { () -> Result<T, PostgresError> in
                    do throws(PostgresError) {
                        return .success(try body())
                    } catch {
                        return .failure(error)
                    }
                }
            } onCancel: {
                cancellation?.cancel()
            }
        } catch {
            // runIfActive throws only when the pool has been shut down.
            throw .closed
        }
        return try outcome.get()
    }
}
