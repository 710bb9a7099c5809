import StrataSQL
import StrataStorage
import Testing

@Suite("SQL fragments")
struct SQLTests {
    @Test("interpolated values become placeholders and bindings in text order")
    func valuesAreBound() {
        let column = TaskModel.task.columns[1]
        let sql: SQL =
            "SELECT \(column) FROM \(table: TaskModel.task) WHERE \(column) = \(.string("x")) OR \(column) = \(.string("y"), as: .string)"
        let sqlite = sql.render(in: SQLiteDialect())
        #expect(sqlite.text == #"SELECT "title" FROM "tasks" WHERE "title" = ? OR "title" = ?"#)
        #expect(sqlite.bindings == [.string("x"), .string("y")])
        let postgres = sql.render(in: PostgreSQLDialect())
        #expect(postgres.text == #"SELECT "title" FROM "tasks" WHERE "title" = $1 OR "title" = $2::text"#)
        #expect(postgres.bindings == [.string("x"), .string("y")])
    }

    @Test(
        "identifiers and schema literals are quoted by one function each",
        arguments: [
            (#"we"ird"#, #""we""ird""#, #"'we"ird'"#),
            ("it's", #""it's""#, "'it''s'"),
            ("nul\0byte", #""nulbyte""#, "'nulbyte'"),
        ])
    func quoting(name: String, identifier: String, literal: String) {
        for dialect in [SQLiteDialect() as any SQLDialect, PostgreSQLDialect()] {
            #expect(dialect.quoteIdentifier(name) == identifier)
            #expect(dialect.quoteLiteral(name) == literal)
        }
    }

    @Test("joined fragments keep their bindings in order")
    func joining() {
        let parts: [SQL] = [.bind(.int(1)), .bind(.int(2)), "NULL"]
        let statement = parts.joined(separator: ", ").render(in: PostgreSQLDialect())
        #expect(statement.text == "$1, $2, NULL")
        #expect(statement.bindings == [.int(1), .int(2)])
    }
}
