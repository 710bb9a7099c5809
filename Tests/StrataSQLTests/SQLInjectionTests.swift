import StrataSQL
import StrataStorage
import Testing

@Suite("Hostile strings stay data")
struct SQLInjectionTests {
    static let payloads = [
        "'; DROP TABLE users; --",
        "\" OR 1=1 --",
        "\u{2019}; DROP TABLE tasks; \u{201C}",
        "a\0'; DELETE FROM tasks; --",
        "%_\\",
        "$1); SELECT pg_sleep(10); --",
        "?) OR (1 = 1",
    ]

    @Test("payloads in filters, keys and values never reach the SQL text", arguments: payloads)
    func payloadStaysBound(payload: String) throws {
        let payloadHead = String(payload.prefix { $0 != "\0" })
        for dialect in [SQLiteDialect() as any SQLDialect, PostgreSQLDialect()] {
            let renderer = SQLRenderer(dialect: dialect, model: TaskModel.model)
            let filter: Predicate = .or([
                .compare("title", .equal, .string(payload)), .contains("title", payload),
                .startsWith("meta", payload), .endsWith("title", payload), .listContains("tags", payload),
                .isIn("status", [.string(payload)]), .not(.compare("title", .greater, .string(payload))),
            ])
            let statements: [SQLStatement] = [
                try #require(
                    try renderer.select(list: ListRequest(entity: "Task", filter: filter, includeTotalCount: true))
                        .statement),
                try #require(
                    try renderer.select(
                        lookup: LookupRequest(entity: "User", column: "email", keys: [.string(payload)])
                    ).statement),
                try #require(
                    try renderer.select(
                        related: RelatedRequest(
                            entity: "Task", foreignKey: "title", parentKeys: [.string(payload)], filter: filter)
                    ).statement),
                try #require(
                    try renderer.update(
                        "User", key: .string(TaskModel.ownerA), values: ["email": .string(payloadHead)],
                        expectedVersion: nil,
                        filter: .not(.startsWith("email", payload))
                    ).statement),
                try renderer.exists("Task", key: .string(TaskModel.ownerA), filter: filter),
            ]
            for statement in statements {
                if payloadHead.count > 1 { #expect(!statement.text.contains(payloadHead)) }
                #expect(!statement.text.contains("DROP"))
                #expect(!statement.text.contains("DELETE"))
                #expect(!statement.text.utf8.contains(0))
            }
            let bound = statements.flatMap(\.bindings)
            #expect(bound.contains(.string(payload)) || bound.contains(.stringList([payload])))
        }
    }
}
