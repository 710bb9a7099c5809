import StrataPostgres
import StrataSQLite
import StrataStorage

/// Hand-written SQL through an adapter's raw API (the same C library and connection pool Strata uses), with
/// the placeholder syntax of its dialect.
protocol RawSQL: Sendable {
    /// The placeholder of the `n`th (1-based) bound parameter.
    func placeholder(_ n: Int) -> String
    func rows(_ sql: String, _ bindings: [StorageValue]) async throws -> [[StorageValue]]
}

extension RawSQL {
    /// `p1, p2, …` for `count` parameters starting at `first`.
    func placeholders(_ count: Int, from first: Int = 1) -> String {
        (first..<(first + count)).map(placeholder).joined(separator: ", ")
    }
}

struct SQLiteRaw: RawSQL {
    let adapter: SQLiteAdapter
    func placeholder(_ n: Int) -> String { "?" }
    func rows(_ sql: String, _ bindings: [StorageValue]) async throws -> [[StorageValue]] {
        try await adapter.execute(rawSQL: sql, bindings: bindings)
    }
}

struct PostgresRaw: RawSQL {
    let adapter: PostgresAdapter
    func placeholder(_ n: Int) -> String { "$\(n)" }
    func rows(_ sql: String, _ bindings: [StorageValue]) async throws -> [[StorageValue]] {
        try await adapter.execute(rawSQL: sql, bindings: bindings)
    }
}
