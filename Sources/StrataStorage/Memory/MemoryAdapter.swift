import Synchronization

/// The in-memory storage adapter: the reference implementation whose answers the SQL adapters reproduce.
///
/// Readers take the current published snapshot (a brief lock to copy a reference) and work on it without
/// further locking. A transaction edits a private copy and publishes it on commit; transactions are serialized
/// by an async gate, so a waiting writer suspends instead of blocking a thread. A transaction must not start
/// another transaction on the same adapter (it would wait for itself).
///
/// Ordered reads sort each table version once per ordering and cache the result with the version
/// (`MemoryOrderCache`); a committed write hands its tables' orders on to the next version, which patches in only
/// the changed rows on first use. Lists then slice or walk a cached order, and related pages sort small sets of
/// integer ranks, instead of comparing rows on every request.
///
/// Beyond the contract: inserts default an absent/NULL version column to 1; an update's own value for the version
/// column is ignored (the adapter writes stored + 1); uuid columns accept only canonical lowercase strings,
/// double columns only finite numbers, and text never contains NUL (all `.invalidRequest`); each write call is
/// atomic (a failed call changes nothing, and the transaction may continue); request `columns` are validated but
/// full rows are returned.
public final class MemoryAdapter: StorageAdapter {
    public let sourceName: String
    public let model: StorageModel
    private let schema: MemorySchema
    /// The committed database; nil once closed.
    private let published: Mutex<MemoryDatabase?>
    private let writers = MemoryWriterGate()

    public init(model: StorageModel, sourceName: String = "default") {
        self.model = model
        self.sourceName = sourceName
        self.schema = MemorySchema(model: model)
        self.published = Mutex(MemoryDatabase(schema: schema))
    }

    public func lookup(_ request: LookupRequest) async throws(StorageError) -> [Row] {
        let database = try snapshot()
        return try recorded { () throws(StorageError) in try database.lookup(request) }
    }

    public func list(_ request: ListRequest) async throws(StorageError) -> Page {
        let database = try snapshot()
        return try recorded { () throws(StorageError) in try database.list(request) }
    }

    public func related(_ request: RelatedRequest) async throws(StorageError) -> [Page] {
        let database = try snapshot()
        return try recorded { () throws(StorageError) in try database.related(request) }
    }

    public func transaction<T: Sendable>(
        _ body: @Sendable (any StorageTransaction) async throws -> T
    ) async throws -> T {
        await writers.acquire()
        let transaction: MemoryTransaction
        do {
            transaction = MemoryTransaction(database: try snapshot(), sourceName: sourceName)
        } catch {
            await writers.release()
            throw error
        }
        do {
            let result = try await body(transaction)
            let committed = transaction.finish()
            try published.withLock { (database: inout MemoryDatabase?) throws(StorageError) in
                guard database != nil else { throw Self.closedError }
                database = committed
            }
            await writers.release()
            return result
        } catch {
            transaction.abandon()
            await writers.release()
            throw error
        }
    }

    /// Inserts rows in one transaction, with every constraint checked (for seeding).
    public func load(_ entity: String, rows: [Row]) async throws(StorageError) {
        do {
            try await transaction { transaction in try await transaction.insertMany(entity, rows: rows) }
        } catch let error as StorageError {
            throw error
        } catch {
            throw StorageError(.internal, "Loading rows failed.", detail: String(describing: error))
        }
    }

    /// Number of live rows of an entity (nil for an unknown entity), without recording a statement.
    public func count(_ entity: String) -> Int? {
        guard let database = try? snapshot(), let index = try? schema.entityIndex(entity) else { return nil }
        return database.tables[index].liveCount
    }

    public func migrate() async throws(StorageError) {
        _ = try snapshot()
    }

    public func close() async {
        published.withLock { $0 = nil }
    }

    private func snapshot() throws(StorageError) -> MemoryDatabase {
        guard let database = published.withLock({ $0 }) else { throw Self.closedError }
        return database
    }

    private static var closedError: StorageError { StorageError(.closed, "The data source is closed.") }

    private func recorded<T>(_ body: () throws(StorageError) -> T) throws(StorageError) -> T {
        let (result, nanoseconds) = try measureNanoseconds(body)
        StatementRecorder.record(source: sourceName, nanoseconds: nanoseconds)
        return result
    }
}
