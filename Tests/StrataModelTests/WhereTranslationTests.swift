import StrataLanguage
import StrataModel
import StrataSchema
import StrataStorage
import Testing

@Suite struct WhereTranslationTests {
    static let uuid = "0B5E2D4A-1C3F-4E5A-8B9C-0D1E2F3A4B5C"
    static let lower = "0b5e2d4a-1c3f-4e5a-8b9c-0d1e2f3a4b5c"

    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var filter: [InputField]
        var expected: Predicate?
        var testDescription: String { name }
    }

    static func field(_ name: String, _ ops: [(String, InputValue)]) -> InputField {
        InputField(name, .object(ops.map { InputField($0.0, $0.1) }))
    }

    static let cases: [Case] = [
        Case(
            name: "eq on a string", filter: [field("title", [("eq", .string("a"))])],
            expected: .compare("title", .equal, .string("a"))),
        Case(
            name: "neq on an int", filter: [field("title", [("neq", .string("a"))])],
            expected: .compare("title", .notEqual, .string("a"))),
        Case(
            name: "eq null means isNull", filter: [field("description", [("eq", .null)])],
            expected: .isNull("description")),
        Case(
            name: "neq null means not null", filter: [field("description", [("neq", .null)])],
            expected: .not(.isNull("description"))),
        Case(
            name: "in on an enum",
            filter: [field("status", [("in", .list([.enumValue("TODO"), .enumValue("COMPLETED")]))])],
            expected: .isIn("status", [.string("TODO"), .string("COMPLETED")])),
        Case(
            name: "notIn never matches null",
            filter: [field("priority", [("notIn", .list([.enumValue("LOW")]))])],
            expected: .and([.not(.isNull("priority")), .not(.isIn("priority", [.string("LOW")]))])),
        Case(
            name: "range on a float", filter: [field("estimateHours", [("gt", .float(1)), ("lte", .int(8))])],
            expected: .and([
                .compare("estimate_hours", .greater, .double(1)),
                .compare("estimate_hours", .lessOrEqual, .double(8)),
            ])),
        Case(
            name: "lt on a DateTime", filter: [field("dueDate", [("lt", .dateTime(1_700_000_000_000_000))])],
            expected: .compare("due_date", .less, .timestamp(1_700_000_000_000_000))),
        Case(
            name: "text operators",
            filter: [
                field(
                    "title",
                    [
                        ("contains", .string("x")), ("startsWith", .string("a")),
                        ("endsWith", .string("z")),
                    ])
            ],
            expected: .and([.contains("title", "x"), .startsWith("title", "a"), .endsWith("title", "z")])),
        Case(
            name: "isNull true and false",
            filter: [
                field("assigneeId", [("isNull", .boolean(true))]), field("dueDate", [("isNull", .boolean(false))]),
            ],
            expected: .and([.isNull("assignee_id"), .not(.isNull("due_date"))])),
        Case(
            name: "ids are canonical lowercase", filter: [field("projectId", [("eq", .string(uuid))])],
            expected: .compare("project_id", .equal, .string(lower))),
        Case(
            name: "list has", filter: [field("tags", [("has", .string("urgent"))])],
            expected: .listContains("tags", "urgent")),
        Case(
            name: "list isEmpty true", filter: [field("tags", [("isEmpty", .boolean(true))])],
            expected: .compare("tags", .equal, .stringList([]))),
        Case(
            name: "list isEmpty false", filter: [field("tags", [("isEmpty", .boolean(false))])],
            expected: .and([.not(.isNull("tags")), .not(.compare("tags", .equal, .stringList([])))])),
        Case(
            name: "AND and OR nest",
            filter: [
                InputField(
                    "OR",
                    .list([
                        .object([field("title", [("eq", .string("a"))])]),
                        .object([field("title", [("eq", .string("b"))])]),
                    ])),
                InputField("AND", .list([.object([field("status", [("eq", .enumValue("TODO"))])])])),
            ],
            expected: .and([
                .or([.compare("title", .equal, .string("a")), .compare("title", .equal, .string("b"))]),
                .compare("status", .equal, .string("TODO")),
            ])),
        Case(
            name: "NOT negates", filter: [InputField("NOT", .object([field("title", [("eq", .string("a"))])]))],
            expected: .not(.compare("title", .equal, .string("a")))),
        Case(name: "empty where has no condition", filter: [], expected: nil),
        Case(name: "empty field filter has no condition", filter: [field("title", [])], expected: nil),
        Case(name: "AND of nothing has no condition", filter: [InputField("AND", .list([]))], expected: nil),
        Case(name: "OR of nothing matches nothing", filter: [InputField("OR", .list([]))], expected: .or([])),
        Case(name: "comparison with null is ignored", filter: [field("title", [("gt", .null)])], expected: nil),
    ]

    @Test("where arguments translate to storage predicates", arguments: cases)
    func translate(_ testCase: Case) throws {
        let task = Fixtures.entity("Task")
        #expect(try task.predicate(where: .object(testCase.filter)) == testCase.expected)
    }

    @Test("dates and booleans convert by column type")
    func dateAndBoolean() throws {
        let record = Fixtures.entity("EmissionRecord")
        let predicate = try record.predicate(where: .object([Self.field("activityDate", [("gte", .date(19_000))])]))
        #expect(predicate == .compare("activity_date", .greaterOrEqual, .date(19_000)))
        let user = Fixtures.entity("User")
        #expect(
            try user.predicate(where: .object([Self.field("emailVerified", [("eq", .boolean(true))])]))
                == .compare("email_verified", .equal, .bool(true)))
    }

    @Test("no where argument at all is no condition")
    func absent() throws {
        #expect(try Fixtures.entity("Task").predicate(where: nil) == nil)
        #expect(try Fixtures.entity("Task").predicate(where: .null) == nil)
    }

    @Test("an invalid UUID is a BAD_USER_INPUT error naming the field")
    func invalidUUID() throws {
        let error = try #require(throws: ModelError.self) {
            try Fixtures.entity("Task").predicate(where: .object([Self.field("id", [("eq", .string("nope"))])]))
        }
        #expect(error.code == .badUserInput)
        #expect(error.field == "id")
        #expect(error.message.contains("Invalid UUID"))
    }

    @Test("unknown fields and operators are BAD_USER_INPUT errors")
    func unknownNames() throws {
        let task = Fixtures.entity("Task")
        let unknownField = try #require(throws: ModelError.self) {
            try task.predicate(where: .object([Self.field("project", [("eq", .string("a"))])]))
        }
        #expect(unknownField.code == .badUserInput)
        let unknownEnum = try #require(throws: ModelError.self) {
            try task.predicate(where: .object([Self.field("status", [("eq", .enumValue("NOPE"))])]))
        }
        #expect(unknownEnum.message.contains("expected one of"))
    }

    /// `NOT` wrapped `levels` times around `title: {eq: "a"}`.
    static func nestedNOT(_ levels: Int) -> InputValue {
        var value = InputValue.object([Self.field("title", [("eq", .string("a"))])])
        for _ in 0..<levels { value = .object([InputField("NOT", value)]) }
        return value
    }

    @Test("AND, OR and NOT nest up to maxWhereDepth levels; deeper is a BAD_USER_INPUT error")
    func nestingLimit() throws {
        let task = Fixtures.entity("Task")
        let deepest = try #require(try task.predicate(where: Self.nestedNOT(EntityBinding.maxWhereDepth)))
        var levels = 0
        var predicate = deepest
        while case .not(let inner) = predicate {
            levels += 1
            predicate = inner
        }
        #expect(levels == EntityBinding.maxWhereDepth)
        let error = try #require(throws: ModelError.self) {
            try task.predicate(where: Self.nestedNOT(EntityBinding.maxWhereDepth + 1))
        }
        #expect(error.code == .badUserInput)
        #expect(error.message.contains("more than 32 levels deep"))
        // Lists count as levels too: OR inside AND inside OR …
        var mixed = InputValue.object([Self.field("title", [("eq", .string("a"))])])
        for level in 0...EntityBinding.maxWhereDepth {
            mixed = .object([InputField(level % 2 == 0 ? "OR" : "AND", .list([mixed, mixed]))])
        }
        #expect(throws: ModelError.self) { try task.predicate(where: mixed) }
    }

    @Test("a where filter holds at most maxWhereConditions conditions, counted across AND, OR and NOT")
    func conditionLimit() throws {
        let task = Fixtures.entity("Task")
        func anyOf(_ count: Int) -> InputValue {
            .object([InputField("OR", .list((0..<count).map { .object([Self.field("title", [("eq", .string("t\($0)"))])]) }))])
        }
        guard case .or(let alternatives)? = try task.predicate(where: anyOf(EntityBinding.maxWhereConditions)) else {
            Issue.record("expected an OR")
            return
        }
        #expect(alternatives.count == EntityBinding.maxWhereConditions)
        let error = try #require(throws: ModelError.self) {
            try task.predicate(where: anyOf(EntityBinding.maxWhereConditions + 1))
        }
        #expect(error.code == .badUserInput)
        #expect(error.message.contains("more than 500 conditions"))
        // Two operators on one field are two conditions; an `in` list is one.
        let split: InputValue = .object([
            InputField("NOT", anyOf(EntityBinding.maxWhereConditions - 1)),
            Self.field("title", [("gt", .string("a")), ("lt", .string("z"))]),
        ])
        #expect(throws: ModelError.self) { try task.predicate(where: split) }
        let many: InputValue = .object([Self.field("title", [("in", .list((0..<5_000).map { .string("t\($0)") }))])])
        #expect(try task.predicate(where: many) != nil)
    }
}
