/// What every backend (memory, SQLite, PostgreSQL) implements. Reads are value-typed requests so that
/// decorators (row-level security, cache, metrics) wrap an adapter without knowing its backend:
/// security ANDs its predicate into `filter`, the cache keys on the request itself.
///
/// Every read and every write statement is recorded with `StatementRecorder.record(...)`.
public protocol StorageAdapter: Sendable {
    /// The name of the data source this adapter serves (from config; "default" for the single-source case).
    var sourceName: String { get }
    var model: StorageModel { get }

    func lookup(_ request: LookupRequest) async throws(StorageError) -> [Row]
    func list(_ request: ListRequest) async throws(StorageError) -> Page
    /// One page per parent key, aligned with `request.parentKeys`.
    func related(_ request: RelatedRequest) async throws(StorageError) -> [Page]

    /// Runs `body` in one transaction: it commits when `body` returns and rolls back when it throws.
    /// Adapters serialize writers; reads outside the transaction never see its uncommitted changes.
    func transaction<T: Sendable>(
        _ body: @Sendable (any StorageTransaction) async throws -> T
    ) async throws -> T

    /// Creates or updates tables, keys, foreign keys and indexes for `model`, idempotently. No-op in memory.
    func migrate() async throws(StorageError)

    /// Releases connections. Further calls fail with `.closed`.
    func close() async
}

/// The write side, valid only inside `StorageAdapter.transaction`.
public protocol StorageTransaction: Sendable {
    /// Inserts one row. `values` maps column names to values; absent nullable columns are NULL.
    /// Returns the stored row (all columns).
    func insert(_ entity: String, values: [String: StorageValue]) async throws(StorageError) -> Row

    /// Inserts many full-width rows (column order of the entity) — for seeding and imports.
    func insertMany(_ entity: String, rows: [Row]) async throws(StorageError)

    /// Updates the row with primary key `key`. When the entity has a version column the adapter sets it to
    /// `version + 1`; if `expectedVersion` is given and differs from the stored one, it throws `.conflict`.
    /// Returns the updated row, or nil when no row has that key (or it does not match `filter`).
    func update(
        _ entity: String, key: StorageValue, values: [String: StorageValue], expectedVersion: Int64?,
        filter: Predicate?
    ) async throws(StorageError) -> Row?

    /// Deletes the row with primary key `key` (a hard delete; soft delete is an `update`).
    /// Returns the deleted row, or nil when no row had that key (or it does not match `filter`).
    func delete(_ entity: String, key: StorageValue, filter: Predicate?) async throws(StorageError) -> Row?

    /// Reads inside the transaction (sees its own writes).
    func lookup(_ request: LookupRequest) async throws(StorageError) -> [Row]
}
