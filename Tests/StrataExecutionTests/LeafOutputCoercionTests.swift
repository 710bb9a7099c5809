import StrataExecution
import StrataJSON
import StrataSchema
import Testing

/// Result coercion of built-in scalars and enums from what an application resolver returns: lenient where the
/// specification suggests it ("123" for an Int), graphql-js's messages where a value cannot be represented.
@Suite struct LeafOutputCoercionTests {
    private static let values: [(field: String, type: String, value: OutputValue)] = [
        ("intFromText", "Int", .string("123")),
        ("intFromFraction", "Int", .string("12.5")),
        ("intFromHugeText", "Int", .string("3000000000")),
        ("intFromWords", "Int", .string("twelve")),
        ("floatFromText", "Float", .string(" 2.5 ")),
        ("floatFromBool", "Float", .bool(true)),
        ("booleanFromZero", "Boolean", .int(0)),
        ("booleanFromDouble", "Boolean", .double(0.5)),
        ("booleanFromText", "Boolean", .string("true")),
        ("idFromWholeDouble", "ID", .double(7)),
        ("idFromList", "ID", .list([.int(1), .string("a")])),
        ("stringFromWholeDouble", "String", .double(2)),
        ("stringFromDouble", "String", .double(0.1)),
        ("color", "Color", .string("PURPLE")),
        ("colorFromNumber", "Color", .int(3)),
    ]

    private func executor() throws -> Executor {
        let fields = Self.values.map { "\($0.field): \($0.type)" }.joined(separator: " ")
        let schema = try Schema.build(sdl: "enum Color { RED GREEN } type Query { \(fields) }")
        var resolvers = ResolverTable()
        for (field, _, value) in Self.values { resolvers.setEach("Query", field) { _, _ in .value(value) } }
        return Executor(schema: schema, resolvers: resolvers)
    }

    @Test("numeric text, booleans and whole numbers are coerced; the rest are field errors with graphql-js's messages")
    func coercion() async throws {
        let h = ExecutionHarness(executor: try executor())
        let (response, _) = await h.run("{ " + Self.values.map(\.field).joined(separator: " ") + " }")
        let data = try #require(response["data"])
        #expect(data["intFromText"] == .int(123))
        #expect(data["floatFromText"] == .double(2.5))
        #expect(data["floatFromBool"] == .int(1) || data["floatFromBool"] == .double(1))
        #expect(data["booleanFromZero"] == .bool(false))
        #expect(data["booleanFromDouble"] == .bool(true))
        #expect(data["idFromWholeDouble"] == .string("7"))
        #expect(data["stringFromWholeDouble"] == .string("2"))
        #expect(data["stringFromDouble"] == .string("0.1"))
        var messages: [String: String] = [:]
        if case .array(let errors)? = response["errors"] {
            for error in errors {
                if case .array(let path)? = error["path"], case .string(let field)? = path.first,
                    case .string(let message)? = error["message"]
                {
                    messages[field] = message
                }
            }
        }
        #expect(
            messages == [
                "intFromFraction": #"Int cannot represent non-integer value: "12.5""#,
                "intFromHugeText": #"Int cannot represent non 32-bit signed integer value: "3000000000""#,
                "intFromWords": #"Int cannot represent non-integer value: "twelve""#,
                "booleanFromText": #"Boolean cannot represent a non boolean value: "true""#,
                "idFromList": #"ID cannot represent value: [1, "a"]"#,
                "color": #"Enum "Color" cannot represent value: "PURPLE""#,
                "colorFromNumber": #"Enum "Color" cannot represent value: 3"#,
            ])
    }
}
