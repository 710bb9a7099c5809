import StrataSQL
import StrataStorage
import Testing

@Suite("Rendering writes")
struct SQLRendererWriteTests {
    let sqlite = SQLRenderer(dialect: SQLiteDialect(), model: TaskModel.model)
    let postgres = SQLRenderer(dialect: PostgreSQLDialect(), model: TaskModel.model)
    let id = StorageValue.string(TaskModel.ownerA)
    static let allColumns =
        #""id", "title", "status", "owner_id", "tags", "done", "due", "created_at", "estimate", "meta", "version""#

    var minimalTask: [String: StorageValue] {
        ["id": id, "title": .string("t"), "status": .string("OPEN"), "done": .bool(false), "created_at": .timestamp(5)]
    }

    @Test("an insert binds every column, NULL for absent ones and 1 for an absent version")
    func insert() throws {
        let lite = try #require(try sqlite.insert("Task", values: minimalTask).statement)
        #expect(
            lite.text
                == "INSERT INTO \"tasks\" (\(Self.allColumns)) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING \(Self.allColumns)"
        )
        #expect(
            lite.bindings == [
                id, .string("t"), .string("OPEN"), .null, .null, .bool(false), .null, .timestamp(5), .null, .null,
                .int(1),
            ])
        let pg = try #require(try postgres.insert("Task", values: minimalTask).statement)
        #expect(
            pg.text.hasPrefix(
                #"INSERT INTO "tasks" ("# + Self.allColumns
                    + ") VALUES ($1::uuid, $2::text, $3::text, $4::uuid, $5::text[], $6::boolean, $7::date, $8::timestamptz, $9::double precision, $10::text, $11::bigint)"
            ))
    }

    @Test(
        "insert values are checked like the memory adapter checks them",
        arguments: [
            ("title", StorageValue.null, StorageError.Code.notNullViolation),
            ("title", .int(1), .invalidRequest),
            ("status", .string("LATER"), .checkViolation),
            ("id", .string("00000000-0000-4000-8000-00000000000A"), .invalidRequest),
            ("estimate", .double(.nan), .invalidRequest),
            ("meta", .json("{\"a\":\"\0\"}"), .invalidRequest),
            ("tags", .stringList(["ok", "n\0l"]), .invalidRequest),
            ("nope", .int(1), .invalidRequest),
        ])
    func insertValidation(column: String, value: StorageValue, code: StorageError.Code) {
        var values = minimalTask
        values[column] = value
        do {
            _ = try sqlite.insert("Task", values: values)
            Issue.record("expected \(code)")
        } catch {
            #expect(error.code == code)
        }
    }

    @Test("an update bumps the version, ignores a client version, and checks the expected one")
    func update() throws {
        let query = try sqlite.update(
            "Task", key: id, values: ["title": .string("u"), "version": .int(99)], expectedVersion: 3,
            filter: .isNull("due"))
        let lite = try #require(query.statement)
        #expect(
            lite.text
                == #"UPDATE "tasks" SET "title" = ?, "version" = COALESCE("version", 0) + 1 WHERE "id" = ? AND COALESCE("version", 0) = ? AND ("due" IS NULL) RETURNING "#
                + Self.allColumns)
        #expect(lite.bindings == [.string("u"), id, .int(3)])
        let pg = try #require(
            try postgres.update("Task", key: id, values: [:], expectedVersion: nil, filter: nil).statement)
        #expect(
            pg.text.hasPrefix(
                #"UPDATE "tasks" SET "version" = COALESCE("version", 0) + 1 WHERE "id" = $1::uuid RETURNING"#))
        let users = try #require(
            try sqlite.update("User", key: id, values: [:], expectedVersion: nil, filter: nil).statement)
        #expect(users.text == #"UPDATE "users" SET "id" = "id" WHERE "id" = ? RETURNING "id", "email""#)
        #expect(throws: StorageError.self) {
            try sqlite.update("User", key: id, values: [:], expectedVersion: 1, filter: nil)
        }
    }

    @Test("a delete returns the deleted row; the existence probe tells conflicts from missing rows")
    func deleteAndExists() throws {
        let delete = try #require(try sqlite.delete("Task", key: id, filter: .isNull("due")).statement)
        #expect(delete.text == #"DELETE FROM "tasks" WHERE "id" = ? AND ("due" IS NULL) RETURNING "# + Self.allColumns)
        let probe = try postgres.exists("Task", key: id, filter: nil)
        #expect(probe.text == #"SELECT 1 FROM "tasks" WHERE "id" = $1::uuid"#)
        #expect(probe.bindings == [id])
    }

    @Test("bulk inserts reuse one text and check the row width")
    func bulkInsert() throws {
        let row = Row([
            id, .string("t"), .string("OPEN"), .null, .stringList([]), .bool(true), .date(0), .timestamp(0), .double(1),
            .json("{}"), .int(4),
        ])
        let first = try sqlite.insert("Task", row: row)
        var other = row
        other.values[1] = .string("v")
        #expect(try sqlite.insert("Task", row: other).text == first.text)
        #expect(!first.text.contains("RETURNING"))
        #expect(throws: StorageError.self) { try sqlite.insert("Task", row: Row([id])) }
    }
}
