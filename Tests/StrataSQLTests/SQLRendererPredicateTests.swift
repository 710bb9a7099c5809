import StrataSQL
import StrataStorage
import Testing

@Suite("Rendering predicates")
struct SQLRendererPredicateTests {
    let sqlite = SQLRenderer(dialect: SQLiteDialect(), model: TaskModel.model)
    let postgres = SQLRenderer(dialect: PostgreSQLDialect(), model: TaskModel.model)

    func render(_ renderer: SQLRenderer, _ predicate: Predicate) throws -> SQLStatement {
        renderer.statement(try renderer.condition(predicate, in: TaskModel.task))
    }

    static let cases: [(Predicate, String, String, [StorageValue])] = [
        (.compare("title", .equal, .string("a")), #""title" = ?"#, #""title" = $1::text"#, [.string("a")]),
        (.compare("title", .notEqual, .string("a")), #""title" <> ?"#, #""title" <> $1::text"#, [.string("a")]),
        (
            .compare("estimate", .less, .double(1.5)), #""estimate" < ?"#, #""estimate" < $1::double precision"#,
            [.double(1.5)]
        ),
        (.compare("due", .lessOrEqual, .date(3)), #""due" <= ?"#, #""due" <= $1::date"#, [.date(3)]),
        (
            .compare("created_at", .greater, .timestamp(9)), #""created_at" > ?"#, #""created_at" > $1::timestamptz"#,
            [.timestamp(9)]
        ),
        (.compare("version", .greaterOrEqual, .int(2)), #""version" >= ?"#, #""version" >= $1::bigint"#, [.int(2)]),
        (.compare("title", .equal, .null), "0", "FALSE", []),
        (.isNull("due"), #""due" IS NULL"#, #""due" IS NULL"#, []),
        (.not(.isNull("due")), #"("due" IS NULL) IS NOT TRUE"#, #"("due" IS NULL) IS NOT TRUE"#, []),
        (.and([]), "1", "TRUE", []),
        (.or([]), "0", "FALSE", []),
        (
            .and([.isNull("due"), .or([.isNull("meta"), .isNull("tags")])]),
            #"("due" IS NULL) AND (("meta" IS NULL) OR ("tags" IS NULL))"#,
            #"("due" IS NULL) AND (("meta" IS NULL) OR ("tags" IS NULL))"#, []
        ),
        (.isIn("status", []), "0", "FALSE", []),
        (.isIn("status", [.null]), "0", "FALSE", []),
        (
            .isIn("version", [.int(1), .null, .int(2), .int(1)]), #""version" IN (?, ?)"#,
            #""version" = ANY($1::bigint[])"#,
            [.int(1), .int(2)]
        ),
        (
            .isIn("due", [.date(1), .date(2)]), #""due" IN (?, ?)"#, #""due" IN ($1::date, $2::date)"#,
            [.date(1), .date(2)]
        ),
        (.contains("title", "ab"), #"instr("title", ?) > 0"#, #"strpos("title", $1::text) > 0"#, [.string("ab")]),
        (.startsWith("title", "ab"), #"instr("title", ?) = 1"#, #"strpos("title", $1::text) = 1"#, [.string("ab")]),
        (
            .endsWith("title", "ab"), #"substr("title", -length(?)) = ?"#,
            #"right("title", char_length($1::text)) = $2::text"#, [.string("ab"), .string("ab")]
        ),
        (.startsWith("id", "00"), #"instr("id", ?) = 1"#, #"strpos("id"::text, $1::text) = 1"#, [.string("00")]),
        (.contains("title", ""), #""title" IS NOT NULL"#, #""title" IS NOT NULL"#, []),
        (.contains("title", "a\0b"), "0", "FALSE", []),
        (
            .listContains("tags", "x"), #"EXISTS (SELECT 1 FROM json_each("tags") WHERE value = ?)"#,
            #"$1::text = ANY("tags")"#, [.string("x")]
        ),
    ]

    @Test("every predicate case renders for both dialects", arguments: cases)
    func predicate(_ predicate: Predicate, sqliteText: String, postgresText: String, bindings: [StorageValue]) throws {
        let lite = try render(sqlite, predicate)
        #expect(lite.text == sqliteText)
        let pg = try render(postgres, predicate)
        #expect(pg.text == postgresText)
        #expect(lite.bindings == bindings)
        if case .isIn("version", _) = predicate {
            #expect(pg.bindings == [.stringList(["1", "2"])])
        } else {
            #expect(pg.bindings == bindings)
        }
    }
}
