import CSQLite3
import StrataSQL
import StrataStorage
import Synchronization

/// The write side of `SQLiteAdapter.transaction`: statements on the writer connection inside `BEGIN IMMEDIATE`.
/// Each call is atomic (a failed statement changes nothing; `insertMany` uses a savepoint), so the transaction
/// may continue after an error. Calls after the transaction ended fail with `.invalidRequest`.
final class SQLiteTransaction: StorageTransaction {
    private let adapter: SQLiteAdapter
    private let box: SQLiteConnectionBox
    private let isActive = Mutex(true)

    init(adapter: SQLiteAdapter, box: SQLiteConnectionBox) {
        self.adapter = adapter
        self.box = box
    }

    func end() { isActive.withLock { $0 = false } }

    func insert(_ entity: String, values: [String: StorageValue]) async throws(StorageError) -> Row {
        let query = try adapter.renderer.insert(entity, values: values)
        guard let row = query.rows(from: try await executeWrite(query, values: values)).first else {
            throw StorageError(.internal, "The inserted row was not returned.")
        }
        return row
    }

    /// Runs an insert or update of `values`; a broken reference comes back naming its column.
    private func executeWrite(_ query: SQLQuery, values: [String: StorageValue]) async throws(StorageError)
        -> [[StorageValue]]
    {
        do {
            return try await execute(query)
        } catch {
            throw await namingMissingReference(error, query.entity, values)
        }
    }

    /// SQLite reports a broken reference without saying which one ("FOREIGN KEY constraint failed"), where
    /// PostgreSQL and the memory adapter name the column. For a write that failed so, this finds the first written
    /// reference whose row does not exist (the failed statement changed nothing, so the transaction can still ask)
    /// and names its column; any other error comes back as it was.
    private func namingMissingReference(
        _ error: StorageError, _ entity: EntityDescriptor, _ values: [String: StorageValue]
    ) async -> StorageError {
        guard error.code == .foreignKeyViolation, error.column == nil else { return error }
        for column in entity.columns {
            guard let reference = column.references, let value = values[column.name], !value.isNull else { continue }
            let request = LookupRequest(entity: reference.entity, column: reference.column, keys: [value], columns: [])
            guard let found = try? await lookup(request) else { return error }
            if found.isEmpty {
                var named = error
                named.column = column.name
                return named
            }
        }
        return error
    }

    func insertMany(_ entity: String, rows: [Row]) async throws(StorageError) {
        try checkActive()
        let renderer = adapter.renderer
        let (count, nanoseconds) = try await adapter.run(on: box) { connection throws(StorageError) -> (Int, UInt64) in
            try Self.checkTransactionOpen(connection)
            return try measureNanoseconds { () throws(StorageError) -> Int in
                try connection.execute("SAVEPOINT strata_insert_many")
                do throws(StorageError) {
                    for row in rows {
                        _ = try connection.query(try renderer.insert(entity, row: row)) { _ in nil }
                    }
                    try connection.execute("RELEASE strata_insert_many")
                } catch {
                    if connection.isInTransaction {
                        try? connection.execute("ROLLBACK TO strata_insert_many")
                        try? connection.execute("RELEASE strata_insert_many")
                    }
                    throw error
                }
                return rows.count
            }
        }
        StatementRecorder.record(source: adapter.sourceName, statements: count, nanoseconds: nanoseconds)
    }

    func update(
        _ entity: String, key: StorageValue, values: [String: StorageValue], expectedVersion: Int64?,
        filter: Predicate?
    ) async throws(StorageError) -> Row? {
        let renderer = adapter.renderer
        let query = try renderer.update(
            entity, key: key, values: values, expectedVersion: expectedVersion, filter: filter, checkingValues: false)
        do {
            try renderer.checkUpdateValues(entity, values: values)
        } catch {
            // The reference order: a missing row is nil and a stale version a conflict, before bad values.
            guard let current = try await currentVersion(query.entity, key: key, filter: filter) else { return nil }
            if let expectedVersion, current != expectedVersion { throw conflict(query.entity, expectedVersion) }
            throw error
        }
        if let row = query.rows(from: try await executeWrite(query, values: values)).first { return row }
        guard let expectedVersion else { return nil }
        // No row: either none has this key (and matches the filter), or its version differs.
        let probe = try renderer.exists(entity, key: key, filter: filter)
        guard try await execute(probe, layout: .noColumns).isEmpty else { throw conflict(query.entity, expectedVersion) }
        return nil
    }

    /// The stored version of the row (0 without a version column), nil when no row has the key and matches.
    private func currentVersion(_ entity: EntityDescriptor, key: StorageValue, filter: Predicate?)
        async throws(StorageError) -> Int64?
    {
        let version = entity.versionColumn.map { entity.columns[$0].name }
        let request = LookupRequest(
            entity: entity.name, column: entity.primaryKeyColumn.name, keys: [key], filter: filter,
            columns: version.map { [$0] } ?? [])
        guard let row = try await lookup(request).first else { return nil }
        guard let index = entity.versionColumn, case .int(let stored) = row[index] else { return 0 }
        return stored
    }

    private func conflict(_ entity: EntityDescriptor, _ expectedVersion: Int64) -> StorageError {
        StorageError(
            .conflict, "The row was changed by someone else.",
            detail: "\(entity.name) version is not \(expectedVersion)",
            column: entity.versionColumn.map { entity.columns[$0].name })
    }

    func delete(_ entity: String, key: StorageValue, filter: Predicate?) async throws(StorageError) -> Row? {
        let query = try adapter.renderer.delete(entity, key: key, filter: filter)
        return query.rows(from: try await execute(query)).first
    }

    func lookup(_ request: LookupRequest) async throws(StorageError) -> [Row] {
        let query = try adapter.renderer.select(lookup: request)
        guard query.statement != nil else {
            try checkActive()
            return []
        }
        return query.rows(from: try await execute(query))
    }

    private func execute(_ query: SQLQuery) async throws(StorageError) -> [[StorageValue]] {
        guard let statement = query.statement else { return [] }
        return try await execute(statement, layout: query.layout)
    }

    private func execute(_ statement: SQLStatement, layout: ResultLayout) async throws(StorageError)
        -> [[StorageValue]]
    {
        try checkActive()
        let (rows, nanoseconds) = try await adapter.run(on: box) { connection throws(StorageError) in
            try Self.checkTransactionOpen(connection)
            return try measureNanoseconds { () throws(StorageError) in try connection.query(statement, layout: layout) }
        }
        StatementRecorder.record(source: adapter.sourceName, nanoseconds: nanoseconds)
        return rows
    }

    private func checkActive() throws(StorageError) {
        guard isActive.withLock({ $0 }) else {
            throw StorageError(.invalidRequest, "The transaction has already ended.")
        }
    }

    /// SQLite rolls a transaction back by itself after some failures (e.g. an interrupted write); statements
    /// after that would run outside any transaction, so they are refused.
    private static func checkTransactionOpen(_ connection: SQLiteConnection) throws(StorageError) {
        guard connection.isInTransaction else {
            throw StorageError(.internal, "The transaction was rolled back by the database after an error.")
        }
    }
}
