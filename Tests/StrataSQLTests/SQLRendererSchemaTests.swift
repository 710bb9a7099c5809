import StrataSQL
import StrataStorage
import Testing

@Suite("Rendering schema migrations")
struct SQLRendererSchemaTests {
    let sqlite = SQLRenderer(dialect: SQLiteDialect(), model: TaskModel.model)
    let postgres = SQLRenderer(dialect: PostgreSQLDialect(), model: TaskModel.model)

    @Test("a missing table is created with keys, CHECKs, foreign keys and its indexes")
    func createTable() throws {
        let lite = try sqlite.migration(for: TaskModel.task, existingColumns: []).map(\.text)
        #expect(
            lite == [
                #"CREATE TABLE IF NOT EXISTS "tasks" ("id" TEXT NOT NULL PRIMARY KEY, "title" TEXT NOT NULL, "status" TEXT NOT NULL CHECK ("status" IN ('OPEN', 'DONE')), "owner_id" TEXT REFERENCES "users" ("id") ON DELETE SET NULL, "tags" TEXT, "done" INTEGER NOT NULL CHECK ("done" IN (0, 1)), "due" TEXT, "created_at" INTEGER NOT NULL, "estimate" REAL, "meta" TEXT, "version" INTEGER NOT NULL)"#,
                #"CREATE INDEX IF NOT EXISTS "tasks_owner_id_id_idx" ON "tasks" ("owner_id", "id")"#,
                #"CREATE INDEX IF NOT EXISTS "tasks_status_created_at_idx" ON "tasks" ("status", "created_at")"#,
            ])
        let pg = try postgres.migration(for: TaskModel.task, existingColumns: []).map(\.text)
        #expect(
            pg.first
                == #"CREATE TABLE IF NOT EXISTS "tasks" ("id" uuid NOT NULL PRIMARY KEY, "title" text COLLATE "C" NOT NULL, "status" text COLLATE "C" NOT NULL CHECK ("status" IN ('OPEN', 'DONE')), "owner_id" uuid REFERENCES "users" ("id") ON DELETE SET NULL, "tags" text[], "done" boolean NOT NULL, "due" date, "created_at" timestamptz NOT NULL, "estimate" double precision, "meta" text COLLATE "C", "version" bigint NOT NULL)"#
        )
        let users = try sqlite.migration(for: TaskModel.user, existingColumns: []).map(\.text)
        #expect(users.last == #"CREATE UNIQUE INDEX IF NOT EXISTS "users_email_key" ON "users" ("email")"#)
    }

    @Test("an existing table gets only its missing columns; NOT NULL ones get a constant default")
    func addColumns() throws {
        let existing = ["id", "title", "status", "owner_id", "tags", "done", "due", "created_at", "estimate"]
        let lite = try sqlite.migration(for: TaskModel.task, existingColumns: existing).map(\.text)
        #expect(
            lite.prefix(2) == [
                #"ALTER TABLE "tasks" ADD COLUMN "meta" TEXT"#,
                #"ALTER TABLE "tasks" ADD COLUMN "version" INTEGER NOT NULL DEFAULT 0"#,
            ])
        #expect(lite.count == 4)
        let complete = try postgres.migration(for: TaskModel.task, existingColumns: existing + ["meta", "version"])
        #expect(complete.allSatisfy { $0.text.hasPrefix("CREATE INDEX IF NOT EXISTS") })
    }

    @Test("enumeration literals from the schema go through the literal-quoting function")
    func enumerationLiterals() throws {
        let odd = EntityDescriptor(
            name: "Odd", table: "odd",
            columns: [
                ColumnDescriptor(name: "id", field: "id", type: .int, isNullable: false),
                ColumnDescriptor(name: "kind", field: "kind", type: .enumeration(["IT'S"]), isNullable: false),
            ],
            primaryKey: 0)
        let sql = SQLRenderer(dialect: SQLiteDialect(), model: StorageModel(entities: [odd])).createTable(odd).text
        #expect(sql.contains(#"CHECK ("kind" IN ('IT''S'))"#))
        let added = SQLRenderer(dialect: SQLiteDialect(), model: StorageModel(entities: [odd])).addColumn(
            odd.columns[1], to: odd)
        #expect(
            added.text
                == #"ALTER TABLE "odd" ADD COLUMN "kind" TEXT NOT NULL DEFAULT 'IT''S' CHECK ("kind" IN ('IT''S'))"#)
    }

    @Test("the dialects inspect existing columns with a bound table name")
    func inspection() {
        #expect(
            sqlite.columnInspection(of: TaskModel.task)
                == SQLStatement(text: "SELECT name FROM pragma_table_info(?)", bindings: [.string("tasks")]))
        #expect(postgres.columnInspection(of: TaskModel.task).bindings == [.string("tasks")])
    }
}
