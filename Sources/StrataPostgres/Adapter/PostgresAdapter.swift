import NIOPosix
public import StrataStorage
import StrataSQL
import Synchronization

/// The PostgreSQL storage adapter, on libpq.
///
/// - Connections: a bounded pool (`maxConnections`), opened on demand; statements run on the adapter's own
///   `NIOThreadPool` (one thread per connection), never on the cooperative pool. Each connection prepares a
///   statement the first time it sees its SQL text and reuses it by name afterwards.
/// - Availability: `init` opens one connection, so a wrong URL fails at once. When the server goes away,
///   requests fail within the connect/statement timeouts with `.connectionFailed`/`.connectionLost`
///   ("PostgreSQL is unavailable…"); when it is back, new connections are made on demand.
/// - Transactions run one at a time per adapter (the contract serializes writers) on one connection held for
///   the body: `BEGIN`, the body's statements, `COMMIT` (or `ROLLBACK` on a throw or cancellation). A failed
///   statement aborts the transaction (see `PostgresTransaction`). A body must not start another transaction
///   on the same adapter (it would wait for itself); reads it makes through the adapter rather than the
///   transaction use a second pooled connection and do not see its uncommitted writes.
/// - Statements: every statement sent (including `BEGIN`/`COMMIT`/`ROLLBACK`) is recorded with
///   `StatementRecorder`; requests answered without a statement (a lookup of no keys) record none.
public final class PostgresAdapter: RowStreamingAdapter {
    public let sourceName: String
    public let model: StorageModel
    public let configuration: PostgresConfiguration
    let renderer: SQLRenderer
    let pool: PostgresConnectionPool
    let errors: PostgresErrorTranslator
    private let threadPool: NIOThreadPool
    private let writers = PostgresWriterGate()
    private let closed = Atomic<Bool>(false)

    /// Connects (one connection, to fail fast on a wrong URL or an unreachable server).
    /// `schema`: the schema the tables live in (created by `migrate()`), nil for the server default.
    public convenience init(
        url: String, schema: String? = nil, model: StorageModel, sourceName: String = "default",
        maxConnections: Int = 4, connectTimeout: Duration = .seconds(5), statementTimeout: Duration = .seconds(30)
    ) async throws(StorageError) {
        try await self.init(
            configuration: PostgresConfiguration(
                url: url, schema: schema, maxConnections: maxConnections, connectTimeout: connectTimeout,
                statementTimeout: statementTimeout),
            model: model, sourceName: sourceName)
    }

    public init(configuration: PostgresConfiguration, model: StorageModel, sourceName: String = "default")
        async throws(StorageError)
    {
        self.configuration = configuration
        self.model = model
        self.sourceName = sourceName
        self.renderer = SQLRenderer(dialect: PostgreSQLDialect(), model: model)
        self.errors = PostgresErrorTranslator(model: model)
        let threadPool = NIOThreadPool(numberOfThreads: configuration.maxConnections)
        threadPool.start()
        self.threadPool = threadPool
        self.pool = PostgresConnectionPool(configuration: configuration, threadPool: threadPool)
        do {
            let connection = try await pool.lease()
            pool.release(connection)
        } catch {
            await pool.close()
            try? await threadPool.shutdownGracefully()
            throw errors.translate(error)
        }
    }

    // MARK: - Reads

    public func lookup(_ request: LookupRequest) async throws(StorageError) -> [Row] {
        let query = try renderer.select(lookup: request)
        return query.rows(from: try await results(of: query))
    }

    public func list(_ request: ListRequest) async throws(StorageError) -> Page {
        let query = try renderer.select(list: request)
        return query.page(from: try await results(of: query))
    }

    public func list<Writer: StoredRowWriter>(_ request: ListRequest, streamingInto writer: Writer)
        async throws(StorageError) -> Writer?
    {
        let query = try renderer.select(list: request)
        // A page whose rows need the renderer's own columns (a total count, row numbers) is assembled by `page`.
        guard query.hasOnlyEntityColumns else { return nil }
        guard let statement = query.statement else { return writer }
        let layout = query.layout
        let box = StreamedWriter(writer)
        _ = try await withConnection { connection throws(PostgresError) in
            try await self.run(
                statement, on: connection, reconnectIfIdleBroken: true,
                rows: { result throws(PostgresValueCodec.DecodeError) in
                    try box.take(result, layout: layout)
                })
        }
        return box.written
    }

    public func related(_ request: RelatedRequest) async throws(StorageError) -> [Page] {
        let query = try renderer.select(related: request)
        return query.pages(from: try await results(of: query))
    }

    /// Runs a rendered read on a pooled connection and returns its rows, decoded in the query's layout.
    private func results(of query: SQLQuery) async throws(StorageError) -> [[StorageValue]] {
        guard let statement = query.statement else { return [] }
        let layout = query.layout
        return try await withConnection { connection throws(PostgresError) in
            try await self.run(statement, on: connection, reconnectIfIdleBroken: true, layout: layout)
        }.rows
    }

    // MARK: - Raw SQL

    /// Runs hand-written SQL with bound parameters (`$1`, `$2`, …) on a pooled connection, prepared and cached
    /// like the adapter's own statements, and returns the rows as storage values (by result type: text-like
    /// types as `.string`). For benchmarks and tools; the request paths never use it.
    public func execute(rawSQL sql: String, bindings: [StorageValue] = []) async throws(StorageError)
        -> [[StorageValue]]
    {
        try await withConnection { connection throws(PostgresError) in
            try await self.run(SQLStatement(text: sql, bindings: bindings), on: connection, reconnectIfIdleBroken: true)
        }.rows
    }

    // MARK: - Transactions

    public func transaction<T: Sendable>(
        _ body: @Sendable (any StorageTransaction) async throws -> T
    ) async throws -> T {
        try checkOpen()
        await writers.enter()
        let connection: PostgresConnection
        do {
            connection = try await leaseConnection()
            do {
                _ = try await run(SQLStatement(text: "BEGIN"), on: connection, reconnectIfIdleBroken: true)
            } catch {
                pool.release(connection)
                throw errors.translate(error)
            }
        } catch {
            await writers.leave()
            throw error
        }
        let transaction = PostgresTransaction(adapter: self, connection: connection)
        do {
            let result = try await body(transaction)
            transaction.finish()
            do {
                _ = try await run(SQLStatement(text: "COMMIT"), on: connection)
            } catch {
                throw errors.translate(error)
            }
            pool.release(connection)
            await writers.leave()
            return result
        } catch {
            transaction.finish()
            // A fresh task, so a cancelled caller still gets its ROLLBACK sent; a connection whose state is
            // unknown (poisoned, broken, still in a transaction) is closed by the pool instead of reused.
            let rollback = Task { () -> Void in
                _ = try? await self.run(SQLStatement(text: "ROLLBACK"), on: connection)
            }
            await rollback.value
            pool.release(connection)
            await writers.leave()
            throw error
        }
    }

    // MARK: - Schema

    public func migrate() async throws(StorageError) {
        try await withConnection { connection throws(PostgresError) in
            do throws(PostgresError) {
                _ = try await self.run(SQLStatement(text: "BEGIN"), on: connection, reconnectIfIdleBroken: true)
                // Concurrent migrations of one schema (parallel tests, several servers) take turns.
                let lockKey = "strata.migrate." + (self.configuration.schema ?? "public")
                _ = try await self.run(
                    SQLStatement(text: "SELECT pg_advisory_xact_lock(hashtext($1::text))", bindings: [.string(lockKey)]),
                    on: connection, mode: .unnamed)
                if let schema = self.configuration.schema {
                    _ = try await self.run(
                        SQLStatement(text: "CREATE SCHEMA IF NOT EXISTS " + PostgresIdentifier.quote(schema)),
                        on: connection, mode: .unnamed)
                }
                for entity in self.model.entities {
                    let existing = try await self.run(
                        self.renderer.columnInspection(of: entity), on: connection, mode: .unnamed)
                    let names = existing.rows.compactMap { row -> String? in
                        if case .string(let name)? = row.first { return name }
                        return nil
                    }
                    let statements: [SQLStatement]
                    do throws(StorageError) {
                        statements = try self.renderer.migration(for: entity, existingColumns: names)
                    } catch {
                        throw PostgresError.server(
                            PostgresServerError(sqlState: "strata", message: error.message, detail: error.detail))
                    }
                    for statement in statements {
                        _ = try await self.run(statement, on: connection, mode: .unnamed)
                    }
                }
                _ = try await self.run(SQLStatement(text: "COMMIT"), on: connection)
            } catch {
                _ = try? await self.run(SQLStatement(text: "ROLLBACK"), on: connection)
                throw error
            }
        } mapError: { error in
            switch error {
            case .server(let server):
                StorageError(
                    .migrationFailed, "Migrating the PostgreSQL schema failed.",
                    detail: [server.sqlState, server.message, server.detail].compactMap { $0 }.joined(separator: " "))
            default:
                self.errors.translate(error)
            }
        }
    }

    public func close() async {
        guard !closed.exchange(true, ordering: .acquiringAndReleasing) else { return }
        if configuration.dropsSchemaOnClose, let schema = configuration.schema {
            _ = try? await withConnection(evenIfClosed: true) { connection throws(PostgresError) in
                try await self.run(
                    SQLStatement(text: "DROP SCHEMA IF EXISTS " + PostgresIdentifier.quote(schema) + " CASCADE"),
                    on: connection, mode: .unnamed, reconnectIfIdleBroken: true)
            }
        }
        await pool.close()
        try? await threadPool.shutdownGracefully()
    }

    // MARK: - Plumbing

    func checkOpen() throws(StorageError) {
        if closed.load(ordering: .acquiring) { throw StorageError(.closed, "The data source is closed.") }
    }

    private func leaseConnection() async throws(StorageError) -> PostgresConnection {
        do {
            return try await pool.lease()
        } catch {
            throw errors.translate(error)
        }
    }

    /// Leases a connection for `body` and returns it (or, when its state is unknown, has it closed).
    func withConnection<T: Sendable>(
        evenIfClosed: Bool = false, _ body: (PostgresConnection) async throws(PostgresError) -> T,
        mapError: ((PostgresError) -> StorageError)? = nil
    ) async throws(StorageError) -> T {
        if !evenIfClosed { try checkOpen() }
        let connection = try await leaseConnection()
        do {
            let result = try await body(connection)
            pool.release(connection)
            return result
        } catch {
            pool.release(connection)
            throw mapError?(error) ?? errors.translate(error)
        }
    }

    /// Executes many statements in one pipeline and records each.
    func runPipelined(_ statements: [SQLStatement], on connection: PostgresConnection) async throws(PostgresError) -> Int {
        let start = ContinuousClock.now
        defer { record(statements: statements.count, since: start) }
        return try await connection.executePipelined(statements.map { ($0.text, $0.bindings) })
    }

    /// Executes and records one statement.
    func run(
        _ statement: SQLStatement, on connection: PostgresConnection,
        mode: PostgresConnectionHandle.Mode = .prepared, reconnectIfIdleBroken: Bool = false,
        layout: ResultLayout? = nil, rows: PostgresRowVisitor? = nil
    ) async throws(PostgresError) -> PostgresQueryResult {
        let start = ContinuousClock.now
        defer { record(statements: 1, since: start) }
        return try await connection.execute(
            statement.text, bindings: statement.bindings, mode: mode, reconnectIfIdleBroken: reconnectIfIdleBroken,
            layout: layout, rows: rows)
    }

    /// Records statements sent (whether they succeeded or not) with the time since `start`.
    private func record(statements: Int, since start: ContinuousClock.Instant) {
        let (seconds, attoseconds) = (ContinuousClock.now - start).components
        StatementRecorder.record(
            source: sourceName, statements: statements,
            nanoseconds: UInt64(max(0, seconds)) * 1_000_000_000 + UInt64(max(0, attoseconds) / 1_000_000_000))
    }
}

/// A writer handed to a statement's result on the connection's thread and read back after the statement: used by
/// one thread at a time, hence `@unchecked Sendable`.
private final class StreamedWriter<Writer: StoredRowWriter>: @unchecked Sendable {
    private var writer: Writer
    private var state = State.waiting

    enum State { case waiting, written, refused }

    init(_ writer: Writer) { self.writer = writer }

    /// The writer with every row, or nil when it refused one (or a result came twice, which a read never sends).
    var written: Writer? { state == .written ? writer : nil }

    func take(_ result: OpaquePointer, layout: ResultLayout) throws(PostgresValueCodec.DecodeError) {
        guard state == .waiting else {
            state = .refused
            return
        }
        state = try PostgresRowCursor.stream(result, layout: layout, into: &writer) ? .written : .refused
    }
}
