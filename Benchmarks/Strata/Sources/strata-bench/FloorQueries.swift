import StrataStorage

/// The floor: the rows each benchmark query needs, fetched with the SQL a person would write by hand, decoded
/// into storage values and assembled into per-parent lookups (no GraphQL, no JSON). Each returns the number of
/// rows fetched and checks the count the query must produce.
enum FloorQueries {
    struct Mismatch: Error, CustomStringConvertible {
        var description: String
    }

    static func run(_ name: String, on db: some RawSQL) async throws -> Int {
        switch name {
        case "q1": return try await q1(db)
        case "q2": return try await q2(db)
        case "q3", "q4": return try await q3(db)
        case "q5": return try await q5(db)
        default: throw Mismatch(description: "no floor for \(name)")
        }
    }

    /// Statements per floor query.
    static func statements(_ name: String) -> Int {
        switch name {
        case "q3", "q4": 3
        default: 1
        }
    }

    static func q1(_ db: some RawSQL) async throws -> Int {
        let rows = try await db.rows(
            "SELECT id, name, email, role, created_at FROM users WHERE id = \(db.placeholder(1))",
            [.string(BenchQueries.user42)])
        try expect(rows.count, 1, "q1 users")
        return rows.count
    }

    static func q2(_ db: some RawSQL) async throws -> Int {
        let rows = try await db.rows("SELECT id, name, email, role, created_at FROM users ORDER BY id LIMIT 100", [])
        try expect(rows.count, 100, "q2 users")
        return rows.count
    }

    /// 50 projects; their first 20 tasks each (one statement reading 20 index entries per project: a lateral join
    /// on PostgreSQL, a correlated subquery on SQLite); every owner and assignee in one `IN` list.
    static func q3(_ db: some RawSQL) async throws -> Int {
        let projects = try await db.rows(
            "SELECT id, name, owner_id FROM projects WHERE deleted_at IS NULL ORDER BY id LIMIT 50", [])
        try expect(projects.count, 50, "q3 projects")
        let projectIDs = projects.map { $0[0] }
        let tasks = try await db.rows(db.firstTasksPerProject(projectIDs.count, limit: 20), projectIDs)
        try expect(tasks.count, 1_000, "q3 tasks")
        var tasksByProject: [StorageValue: [[StorageValue]]] = [:]
        var userIDs: Set<StorageValue> = []
        for project in projects { userIDs.insert(project[2]) }
        for task in tasks {
            tasksByProject[task[0], default: []].append(task)
            if !task[2].isNull { userIDs.insert(task[2]) }
        }
        let ids = Array(userIDs)
        let users = try await db.rows(
            "SELECT id, name FROM users WHERE id IN (\(db.placeholders(ids.count)))", ids)
        try expect(users.count, ids.count, "q3 users")
        var names: [StorageValue: StorageValue] = [:]
        for user in users { names[user[0]] = user[1] }
        sink &+= names.count &+ tasksByProject.count
        return projects.count + tasks.count + users.count
    }

    /// 5,000 tasks with their project's name, joined in one statement.
    static func q5(_ db: some RawSQL) async throws -> Int {
        let rows = try await db.rows(
            """
            SELECT t.id, t.title, t.status, p.name FROM tasks AS t JOIN projects AS p ON p.id = t.project_id
            ORDER BY t.id LIMIT 5000
            """, [])
        try expect(rows.count, 5_000, "q5 tasks")
        return rows.count
    }

    private static func expect(_ found: Int, _ wanted: Int, _ what: String) throws {
        guard found == wanted else { throw Mismatch(description: "\(what): expected \(wanted) rows, got \(found)") }
    }
}
