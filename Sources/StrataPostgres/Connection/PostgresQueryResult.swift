import StrataStorage

/// The rows of one statement, copied out of libpq's `PGresult` (which is cleared right away).
struct PostgresQueryResult: Sendable, Hashable {
    var columnNames: [String] = []
    var columnTypeOIDs: [UInt32] = []
    var rows: [[StorageValue]] = []
    /// `PQcmdTuples`: rows inserted, updated, deleted or selected (0 when not reported).
    var affectedRows: Int = 0
}
