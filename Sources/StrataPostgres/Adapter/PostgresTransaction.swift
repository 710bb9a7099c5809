import StrataSQL
import StrataStorage
import Synchronization

/// The write side of one `PostgresAdapter.transaction`, bound to the connection that holds the open
/// transaction. Calls after the body returned fail with `.invalidRequest`.
///
/// Each call is one statement and atomic, but, unlike the memory adapter, a failed statement aborts the whole
/// PostgreSQL transaction: later calls fail with `.invalidRequest` and the body should rethrow (the adapter
/// then rolls back). Savepoints would lift this at two extra statements per write.
final class PostgresTransaction: StorageTransaction {
    private struct State {
        var isFinished = false
        var isAborted = false
    }

    private let adapter: PostgresAdapter
    private let connection: PostgresConnection
    private let state = Mutex(State())

    init(adapter: PostgresAdapter, connection: PostgresConnection) {
        self.adapter = adapter
        self.connection = connection
    }

    func finish() {
        state.withLock { $0.isFinished = true }
    }

    func insert(_ entity: String, values: [String: StorageValue]) async throws(StorageError) -> Row {
        let query = try adapter.renderer.insert(entity, values: values)
        let rows = try await write { () throws(PostgresError) in try await self.rows(of: query) }
        guard let row = rows.first else {
            throw StorageError(.internal, "INSERT returned no row.", detail: entity)
        }
        return row
    }

    func insertMany(_ entity: String, rows: [Row]) async throws(StorageError) {
        var statements: [SQLStatement] = []
        statements.reserveCapacity(rows.count)
        for row in rows { statements.append(try adapter.renderer.insert(entity, row: row)) }
        guard !statements.isEmpty else { return }
        // One round trip per few hundred rows (pipeline mode); each row is still its own statement.
        _ = try await write { () throws(PostgresError) in
            try await self.adapter.runPipelined(statements, on: self.connection)
        }
    }

    func update(
        _ entity: String, key: StorageValue, values: [String: StorageValue], expectedVersion: Int64?,
        filter: Predicate?
    ) async throws(StorageError) -> Row? {
        let query = try adapter.renderer.update(
            entity, key: key, values: values, expectedVersion: expectedVersion, filter: filter)
        let existence = expectedVersion == nil ? nil : try adapter.renderer.exists(entity, key: key, filter: filter)
        let rows = try await write { () throws(PostgresError) in try await self.rows(of: query) }
        if let row = rows.first { return row }
        if let existence {
            let found = try await execute { () throws(PostgresError) in
                try await self.adapter.run(existence, on: self.connection).rows
            }
            if !found.isEmpty {
                let versionColumn = query.entity.versionColumn.map { query.entity.columns[$0].name }
                throw StorageError(
                    .conflict, "The row was changed by someone else.",
                    detail: "\(query.entity.name) version is not \(expectedVersion ?? 0)", column: versionColumn)
            }
        }
        return nil
    }

    func delete(_ entity: String, key: StorageValue, filter: Predicate?) async throws(StorageError) -> Row? {
        let query = try adapter.renderer.delete(entity, key: key, filter: filter)
        return try await write { () throws(PostgresError) in try await self.rows(of: query) }.first
    }

    func lookup(_ request: LookupRequest) async throws(StorageError) -> [Row] {
        let query = try adapter.renderer.select(lookup: request)
        return try await execute { () throws(PostgresError) in try await self.rows(of: query) }
    }

    // MARK: - Plumbing

    private func rows(of query: SQLQuery) async throws(PostgresError) -> [Row] {
        guard let statement = query.statement else { return [] }
        return query.rows(from: try await adapter.run(statement, on: connection, layout: query.layout).rows)
    }

    /// Runs the statements of one call; a failure aborts the transaction.
    private func execute<T>(_ body: () async throws(PostgresError) -> T) async throws(StorageError) -> T {
        try checkActive()
        do {
            return try await body()
        } catch {
            state.withLock { $0.isAborted = true }
            throw adapter.errors.translate(error)
        }
    }

    /// Runs one write call. A failed statement aborts a PostgreSQL transaction, so the transaction is marked
    /// aborted and later calls fail at once.
    private func write<T>(_ body: () async throws(PostgresError) -> T) async throws(StorageError) -> T {
        try await execute(body)
    }

    /// Throws once the transaction has ended or a statement in it failed.
    private func checkActive() throws(StorageError) {
        let state = state.withLock { $0 }
        if state.isFinished { throw StorageError(.invalidRequest, "The transaction has already ended.") }
        if state.isAborted {
            throw StorageError(.invalidRequest, "The transaction was aborted by an earlier failed statement.")
        }
    }
}
