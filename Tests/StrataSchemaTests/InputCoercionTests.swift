import StrataJSON
import StrataLanguage
import StrataSchema
import Testing

/// The schema every coercion test uses.
private let coercionSchema: Schema = {
    do {
        return try Schema.build(
            sdl: """
                scalar DateTime
                scalar Date
                scalar UUID
                scalar JSON
                scalar Custom
                type Query { a: Int }
                enum Color { RED GREEN }
                input Point { x: Int! y: Int = 7 label: String }
                input Owner { name: String! point: Point tags: [String!] }
                input Pick @oneOf { id: ID name: String }
                """)
    } catch {
        fatalError("coercion schema: \(error)")
    }
}()

private func literal(_ text: String) -> Value {
    do { return try parseValue(text) } catch { fatalError("bad literal \(text): \(error)") }
}

private func type(_ text: String) -> TypeRef {
    func convert(_ reference: TypeReference) -> TypeRef {
        switch reference {
        case .named(let name): .named(name.value)
        case .list(let inner, _): .list(convert(inner))
        case .nonNull(let inner, _): .nonNull(convert(inner))
        }
    }
    do { return convert(try parseType(text)) } catch { fatalError("bad type \(text): \(error)") }
}

private func json(_ text: String) -> JSONValue {
    do { return try JSONParser.parse(text) } catch { fatalError("bad JSON \(text): \(error)") }
}

struct CoercionCase: Sendable, CustomTestStringConvertible {
    var input: String
    var type: String
    var expected: InputValue?
    var error: String?
    var testDescription: String { "\(input) as \(type)" }

    static func ok(_ input: String, _ type: String, _ expected: InputValue) -> CoercionCase {
        CoercionCase(input: input, type: type, expected: expected, error: nil)
    }

    static func fails(_ input: String, _ type: String, _ error: String) -> CoercionCase {
        CoercionCase(input: input, type: type, expected: nil, error: error)
    }
}

@Suite struct InputCoercionTests {
    static let literalCases: [CoercionCase] = [
        .ok("42", "Int", .int(42)), .ok("-2147483648", "Int", .int(-2_147_483_648)),
        .fails("2147483648", "Int", "Int cannot represent non 32-bit signed integer value: 2147483648"),
        .fails("1.5", "Int", "Int cannot represent non-integer value: 1.5"),
        .fails("\"1\"", "Int", #"Int cannot represent non-integer value: "1""#),
        .ok("1", "Float", .float(1)), .ok("1.5e3", "Float", .float(1500)),
        .fails("true", "Float", "Float cannot represent non numeric value: true"),
        .ok("\"hi\"", "String", .string("hi")), .ok(#""""block""""#, "String", .string("block")),
        .fails("1", "String", "String cannot represent a non string value: 1"),
        .ok("true", "Boolean", .boolean(true)),
        .fails("0", "Boolean", "Boolean cannot represent a non boolean value: 0"),
        .ok("\"x1\"", "ID", .string("x1")), .ok("123", "ID", .string("123")),
        .fails("1.5", "ID", "ID cannot represent a non-string and non-integer value: 1.5"),
        .ok("null", "Int", .null), .fails("null", "Int!", #"Expected value of type "Int!", found null."#),
        .ok("RED", "Color", .enumValue("RED")),
        .fails("BLUE", "Color", #"Value "BLUE" does not exist in "Color" enum."#),
        .fails("\"RED\"", "Color", #"Enum "Color" cannot represent non-enum value: "RED"."#),
        .ok("[1, 2]", "[Int]", .list([.int(1), .int(2)])), .ok("1", "[Int]", .list([.int(1)])),
        .ok("[[1], 2]", "[[Int]]", .list([.list([.int(1)]), .list([.int(2)])])),
        .ok("[1, null]", "[Int]", .list([.int(1), .null])),
        .fails("[1, null]", "[Int!]", #"Expected value of type "Int!", found null."#),
        .ok("null", "[Int]", .null),
        .ok("{x: 1}", "Point", .object([InputField("x", .int(1)), InputField("y", .int(7))])),
        .ok("{label: null, x: 2, y: null}", "Point",
            .object([InputField("x", .int(2)), InputField("y", .null), InputField("label", .null)])),
        .fails("{y: 1}", "Point", #"Field "Point.x" of required type "Int!" was not provided."#),
        .fails("{x: 1, z: 2}", "Point", #"Field "z" is not defined by type "Point". Did you mean "x" or "y"?"#),
        .fails("[1]", "Point", #"Expected value of type "Point", found [1]."#),
        .ok("{name: \"a\", tags: \"t\"}", "Owner",
            .object([InputField("name", .string("a")), InputField("tags", .list([.string("t")]))])),
        .ok("{id: 1}", "Pick", .object([InputField("id", .string("1"))])),
        .fails("{id: 1, name: \"x\"}", "Pick", #"OneOf Input Object "Pick" must specify exactly one key."#),
        .fails("{}", "Pick", #"OneOf Input Object "Pick" must specify exactly one key."#),
        .fails("{id: null}", "Pick", #"Field "Pick.id" must be non-null."#),
        .ok("\"2024-05-01T12:30:00+02:00\"", "DateTime", .dateTime(1_714_559_400_000_000)),
        .fails("\"2024-05-01\"", "DateTime", #"DateTime cannot represent an invalid date-time string: "2024-05-01""#),
        .ok("\"2024-02-29\"", "Date", .date(19_782)),
        .fails("\"2023-02-29\"", "Date", #"Date cannot represent an invalid date string: "2023-02-29""#),
        .ok("\"123E4567-E89B-12D3-A456-426614174000\"", "UUID", .string("123e4567-e89b-12d3-a456-426614174000")),
        .fails("\"nope\"", "UUID", #"UUID cannot represent an invalid UUID string: "nope""#),
        .ok("{a: [1, 2.5, \"s\", true, null, RED]}", "JSON",
            .json(.object([JSONMember("a", .array([.int(1), .double(2.5), .string("s"), .bool(true), .null, .string("RED")]))]))),
        .ok("12", "Custom", .json(.int(12))),
        .fails("$v", "Int", #"Variable "$v" is not allowed in a constant value."#),
    ]

    @Test("literals coerce to their types or fail with the spec's message", arguments: literalCases)
    func coercesLiterals(_ testCase: CoercionCase) {
        let result = coerceLiteral(literal(testCase.input), to: type(testCase.type), in: coercionSchema, variables: nil)
        switch result {
        case .success(let value): #expect(value == testCase.expected, "unexpected success")
        case .failure(let failure): #expect(failure.message == testCase.error)
        }
    }

    @Test("failures inside literals carry the path and the span of the offending part")
    func literalFailurePath() throws {
        let value = literal("{name: \"a\", point: {x: \"no\"}}")
        guard case .failure(let failure) = coerceLiteral(value, to: .named("Owner"), in: coercionSchema, variables: nil)
        else {
            Issue.record("expected a failure")
            return
        }
        #expect(failure.path == [.field("point"), .field("x")])
        #expect(failure.pathText(root: "input") == "input.point.x")
        #expect(failure.span?.start == 23)
        guard case .failure(let listFailure) = coerceLiteral(literal("[1, \"x\"]"), to: type("[Int]"), in: coercionSchema, variables: nil)
        else {
            Issue.record("expected a failure")
            return
        }
        #expect(listFailure.pathText(root: "ids") == "ids[1]")
    }

    @Test("variables take their coerced values; missing ones are absent or null, and required ones fail")
    func variablesInLiterals() {
        let variables: [String: InputValue] = ["n": .int(5), "nothing": .null]
        #expect(coerceLiteral(literal("$n"), to: type("Int!"), in: coercionSchema, variables: variables) == .success(.int(5)))
        #expect(coerceLiteral(literal("$missing"), to: type("Int"), in: coercionSchema, variables: variables) == .success(.null))
        guard case .failure(let required) = coerceLiteral(literal("$missing"), to: type("Int!"), in: coercionSchema, variables: variables)
        else {
            Issue.record("expected a failure")
            return
        }
        #expect(required.message == #"Variable "$missing" of required type "Int!" was not provided."#)
        #expect(
            coerceLiteral(literal("$nothing"), to: type("Int!"), in: coercionSchema, variables: variables).isFailure)
        // Inside an input object a missing variable leaves the field absent, so its default applies.
        #expect(
            coerceLiteral(literal("{x: $n, y: $missing}"), to: .named("Point"), in: coercionSchema, variables: variables)
                == .success(.object([InputField("x", .int(5)), InputField("y", .int(7))])))
        #expect(
            coerceLiteral(literal("{x: $missing}"), to: .named("Point"), in: coercionSchema, variables: variables).isFailure)
        #expect(
            coerceLiteral(literal("[$n, $missing]"), to: type("[Int]"), in: coercionSchema, variables: variables)
                == .success(.list([.int(5), .null])))
        #expect(
            coerceLiteral(literal("{a: $n}"), to: .named("JSON"), in: coercionSchema, variables: variables)
                == .success(.json(.object([JSONMember("a", .int(5))]))))
    }

    static let variableCases: [CoercionCase] = [
        .ok("1", "Int", .int(1)), .ok("1.0", "Int", .int(1)), .ok("-3e0", "Int", .int(-3)),
        .fails("1.5", "Int", "Int cannot represent non-integer value: 1.5"),
        .fails("\"abc\"", "Int", #"Int cannot represent non-integer value: "abc""#),
        .fails("3000000000", "Int", "Int cannot represent non 32-bit signed integer value: 3000000000"),
        .fails("1e10", "Int", "Int cannot represent non 32-bit signed integer value: 10000000000"),
        .ok("2", "Float", .float(2)), .ok("2.5", "Float", .float(2.5)),
        .fails("\"2.5\"", "Float", #"Float cannot represent non numeric value: "2.5""#),
        .ok("\"s\"", "String", .string("s")), .fails("1", "String", "String cannot represent a non string value: 1"),
        .ok("false", "Boolean", .boolean(false)),
        .fails("\"true\"", "Boolean", #"Boolean cannot represent a non boolean value: "true""#),
        .ok("\"a\"", "ID", .string("a")), .ok("17", "ID", .string("17")), .ok("17.0", "ID", .string("17")),
        .fails("true", "ID", "ID cannot represent value: true"),
        .ok("\"GREEN\"", "Color", .enumValue("GREEN")),
        .fails("\"BLUE\"", "Color", #"Value "BLUE" does not exist in "Color" enum."#),
        .fails("1", "Color", #"Enum "Color" cannot represent non-string value: 1."#),
        .ok("null", "Color", .null), .fails("null", "Color!", #"Expected non-nullable type "Color!" not to be null."#),
        .ok("[1, 2]", "[Int!]!", .list([.int(1), .int(2)])), .ok("3", "[Int]", .list([.int(3)])),
        .fails("[1, null]", "[Int!]", #"Expected non-nullable type "Int!" not to be null."#),
        .ok("{\"x\": 1}", "Point", .object([InputField("x", .int(1)), InputField("y", .int(7))])),
        .ok("{\"x\": 1, \"y\": null}", "Point", .object([InputField("x", .int(1)), InputField("y", .null)])),
        .fails("{\"y\": 1}", "Point", #"Field "x" of required type "Int!" was not provided."#),
        .fails("{\"x\": 1, \"q\": 1}", "Point", #"Field "q" is not defined by type "Point". Did you mean "x" or "y"?"#),
        .fails("[]", "Point", #"Expected type "Point" to be an object."#),
        .ok("{\"name\": \"n\"}", "Pick", .object([InputField("name", .string("n"))])),
        .fails("{\"name\": \"n\", \"id\": \"1\"}", "Pick", #"Exactly one key must be specified for OneOf type "Pick"."#),
        .fails("{\"name\": null}", "Pick", #"Field "name" must be non-null."#),
        .ok("\"2024-05-01T10:30:00.5Z\"", "DateTime", .dateTime(1_714_559_400_500_000)),
        .fails("1", "DateTime", "DateTime cannot represent a non string value: 1"),
        .ok("\"1970-01-10\"", "Date", .date(9)),
        .ok("\"AAAAAAAA-0000-0000-0000-000000000000\"", "UUID", .string("aaaaaaaa-0000-0000-0000-000000000000")),
        .ok("{\"any\": [1, {}]}", "JSON", .json(.object([JSONMember("any", .array([.int(1), .object([])]))]))),
        .ok("null", "JSON", .null),
    ]

    @Test("JSON variable values coerce to their types or fail with the spec's message", arguments: variableCases)
    func coercesVariables(_ testCase: CoercionCase) {
        switch coerceVariableValue(json(testCase.input), to: type(testCase.type), in: coercionSchema) {
        case .success(let value): #expect(value == testCase.expected, "unexpected success")
        case .failure(let failure): #expect(failure.message == testCase.error)
        }
    }

    @Test("variable failures name the variable, the offending value and its path")
    func variableMessages() {
        let value = json(#"{"name": "a", "point": {"x": "abc"}}"#)
        guard case .failure(let failure) = coerceVariableValue(value, to: .named("Owner"), in: coercionSchema) else {
            Issue.record("expected a failure")
            return
        }
        #expect(
            failure.variableMessage(variableName: "input")
                == #"Variable "$input" got invalid value "abc" at "input.point.x"; Int cannot represent non-integer value: "abc""#)
        guard case .failure(let top) = coerceVariableValue(json("true"), to: .named("Int"), in: coercionSchema) else {
            Issue.record("expected a failure")
            return
        }
        #expect(top.variableMessage(variableName: "x") == #"Variable "$x" got invalid value true; Int cannot represent non-integer value: true"#)
    }

    @Test("coerced values convert to JSON with Strata's scalar text forms")
    func inputValueJSON() {
        let value = InputValue.object([
            InputField("at", .dateTime(1_714_559_400_123_000)), InputField("on", .date(0)), InputField("e", .enumValue("RED")),
            InputField("l", .list([.int(1), .float(0.5), .boolean(true), .null])),
        ])
        #expect(value.jsonValue.serialized() == #"{"at":"2024-05-01T10:30:00.123Z","on":"1970-01-01","e":"RED","l":[1,0.5,true,null]}"#)
        #expect(ScalarCoercion.serializeDateTime(1_714_559_400_000_000) == "2024-05-01T10:30:00Z")
        #expect(ScalarCoercion.serializeDate(19_844) == "2024-05-01")
        #expect(ScalarCoercion.serializeUUID("ABCDEF01-2345-6789-ABCD-EF0123456789") == "abcdef01-2345-6789-abcd-ef0123456789")
    }

    @Test("default values print as GraphQL literals for introspection")
    func printedDefaults() {
        #expect(printedDefaultValue(literal("{a: [1, \"x\"], b: RED}")) == #"{a: [1, "x"], b: RED}"#)
        #expect(printedDefaultValue(.string(StringValue("q\"\n"))) == #""q\"\n""#)
    }
}

extension Result {
    var isFailure: Bool {
        if case .failure = self { return true }
        return false
    }
}
