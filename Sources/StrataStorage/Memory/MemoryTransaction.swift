import Synchronization

/// A memory-adapter transaction: a private copy of the database that `MemoryAdapter.transaction` publishes on
/// commit or drops on rollback. Calls after the transaction ended fail with `.invalidRequest`.
final class MemoryTransaction: StorageTransaction {
    private struct State: Sendable {
        var database: MemoryDatabase
        var isFinished = false
    }

    private let state: Mutex<State>
    private let sourceName: String

    init(database: MemoryDatabase, sourceName: String) {
        self.state = Mutex(State(database: database))
        self.sourceName = sourceName
    }

    func insert(_ entity: String, values: [String: StorageValue]) async throws(StorageError) -> Row {
        try perform { database throws(StorageError) in try database.insert(entity, values: values) }
    }

    func insertMany(_ entity: String, rows: [Row]) async throws(StorageError) {
        try perform { database throws(StorageError) in try database.insertMany(entity, rows: rows) }
    }

    func update(
        _ entity: String, key: StorageValue, values: [String: StorageValue], expectedVersion: Int64?,
        filter: Predicate?
    ) async throws(StorageError) -> Row? {
        try perform { database throws(StorageError) in
            try database.update(entity, key: key, values: values, expectedVersion: expectedVersion, filter: filter)
        }
    }

    func delete(_ entity: String, key: StorageValue, filter: Predicate?) async throws(StorageError) -> Row? {
        try perform { database throws(StorageError) in try database.delete(entity, key: key, filter: filter) }
    }

    func lookup(_ request: LookupRequest) async throws(StorageError) -> [Row] {
        try perform { database throws(StorageError) in try database.lookup(request) }
    }

    /// Ends the transaction and returns its database, compacted, for publishing.
    func finish() -> MemoryDatabase {
        state.withLock { state in
            state.isFinished = true
            state.database.compact()
            return state.database
        }
    }

    /// Ends the transaction, discarding its changes.
    func abandon() {
        state.withLock { state in
            state.isFinished = true
            state.database.tables = []
        }
    }

    /// Runs one statement on the working copy under the lock and records it.
    private func perform<T: Sendable>(
        _ body: (inout MemoryDatabase) throws(StorageError) -> T
    ) throws(StorageError) -> T {
        let (result, nanoseconds) = try measureNanoseconds { () throws(StorageError) -> T in
            try state.withLock { state throws(StorageError) -> T in
                guard !state.isFinished else {
                    throw StorageError(.invalidRequest, "The transaction has already ended.")
                }
                return try body(&state.database)
            }
        }
        StatementRecorder.record(source: sourceName, nanoseconds: nanoseconds)
        return result
    }
}
