import StrataPostgres
import StrataSQLite
import StrataStorage

/// Hand-written SQL through an adapter's raw API (the same C library and connection pool Strata uses), with
/// the placeholder syntax of its dialect.
protocol RawSQL: Sendable {
    /// The placeholder of the `n`th (1-based) bound parameter.
    func placeholder(_ n: Int) -> String
    func rows(_ sql: String, _ bindings: [StorageValue]) async throws -> [[StorageValue]]
    /// `project_id, title, assignee_id` of the first `limit` tasks (by id) of each of `count` projects bound as
    /// parameters 1…count, each project's rows read through the (project_id, id) index and nothing more: the
    /// per-parent page as a person who knows the database writes it.
    func firstTasksPerProject(_ count: Int, limit: Int) -> String
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
    /// SQLite has no `LATERAL`: a correlated `IN (… LIMIT n)` subquery, run once per project.
    func firstTasksPerProject(_ count: Int, limit: Int) -> String {
        let keys = (0..<count).map { _ in "(?)" }.joined(separator: ", ")
        return """
            SELECT t.project_id, t.title, t.assignee_id FROM (VALUES \(keys)) AS k
            JOIN tasks AS t ON t.id IN (SELECT id FROM tasks WHERE project_id = k.column1 ORDER BY id LIMIT \(limit))
            """
    }
    func rows(_ sql: String, _ bindings: [StorageValue]) async throws -> [[StorageValue]] {
        try await adapter.execute(rawSQL: sql, bindings: bindings)
    }
}

struct PostgresRaw: RawSQL {
    let adapter: PostgresAdapter
    func placeholder(_ n: Int) -> String { "$\(n)" }
    func firstTasksPerProject(_ count: Int, limit: Int) -> String {
        """
        SELECT t.project_id, t.title, t.assignee_id FROM unnest(ARRAY[\(placeholders(count))]::uuid[]) AS k(id)
        CROSS JOIN LATERAL (SELECT project_id, title, assignee_id FROM tasks WHERE project_id = k.id ORDER BY id LIMIT \(limit)) AS t
        """
    }
    func rows(_ sql: String, _ bindings: [StorageValue]) async throws -> [[StorageValue]] {
        try await adapter.execute(rawSQL: sql, bindings: bindings)
    }
}
