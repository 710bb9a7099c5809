import StrataLanguage
import Testing

@Suite struct ParserValueTests {
    static let literals: [(String, Value)] = [
        ("0", .int("0", .synthesized)),
        ("-42", .int("-42", .synthesized)),
        ("9007199254740993", .int("9007199254740993", .synthesized)),
        ("1.5e-3", .float("1.5e-3", .synthesized)),
        ("-0.0", .float("-0.0", .synthesized)),
        ("\"text\"", .string(StringValue("text"))),
        ("\"\"\"  block\n  text\"\"\"", .string(StringValue("  block\ntext", isBlock: true))),
        ("true", .boolean(true, .synthesized)),
        ("false", .boolean(false, .synthesized)),
        ("null", .null(.synthesized)),
        ("RED", .enumValue(Name("RED"))),
        ("on", .enumValue(Name("on"))),
        ("True", .enumValue(Name("True"))),
        ("$v", .variable(Name("v"))),
        ("[]", .list([], .synthesized)),
        ("{}", .object([], .synthesized)),
        (
            "[1, \"a\", [B], {c: null}]",
            .list(
                [
                    .int("1", .synthesized), .string(StringValue("a")), .list([.enumValue(Name("B"))], .synthesized),
                    .object([ObjectField(name: Name("c"), value: .null(.synthesized))], .synthesized),
                ], .synthesized)
        ),
        (
            "{a: {b: [$x]}, c: 1}",
            .object(
                [
                    ObjectField(
                        name: Name("a"),
                        value: .object(
                            [ObjectField(name: Name("b"), value: .list([.variable(Name("x"))], .synthesized))],
                            .synthesized)),
                    ObjectField(name: Name("c"), value: .int("1", .synthesized)),
                ], .synthesized)
        ),
    ]

    @Test("every kind of value literal", arguments: literals)
    func literal(text: String, expected: Value) throws {
        #expect(try parseValue(text) == expected)
        let field = try firstField("{ f(a: \(text)) }")
        #expect(field.arguments.first?.value == expected)
    }

    @Test("numbers keep their source text")
    func numbersKeepText() throws {
        #expect(try parseValue("1.50E+02") == .float("1.50E+02", .synthesized))
        #expect(
            try parseValue("123456789012345678901234567890") == .int("123456789012345678901234567890", .synthesized))
    }

    @Test("constant values refuse variables, at any depth")
    func constantValues() throws {
        #expect(try parseValue("[1, {a: 2}]", constant: true).isConstant)
        for text in ["$v", "[1, $v]", "{a: {b: $v}}"] {
            #expect(throws: SyntaxError.self) { try parseValue(text, constant: true) }
            #expect(try !parseValue(text).isConstant)
        }
        let error = try #require(parseError("query ($a: Int = $b) { f }"))
        #expect(error.message == "Syntax Error: Expected a constant value, found variable \"$b\".")
        #expect(location(of: error, in: "query ($a: Int = $b) { f }") == Location(line: 1, column: 18))
    }

    @Test("directive arguments in constant positions are constant too")
    func constantDirectiveArguments() throws {
        #expect(parseError("query ($a: Int @d(x: $b)) { f }") != nil)
        #expect(parseError("type T @d(x: $b) { f: Int }") != nil)
        #expect(parseError("query @d(x: $b) { f(a: $b) @e(y: $b) }") == nil)
    }

    @Test("parseValue and parseType refuse trailing tokens")
    func trailingTokens() {
        #expect(throws: SyntaxError.self) { try parseValue("1 2") }
        #expect(throws: SyntaxError.self) { try parseType("Int Int") }
    }

    @Test(
        "type references nest lists and non-null",
        arguments: ["Int", "Int!", "[Int]", "[Int!]", "[Int]!", "[[Int!]!]!", "[[[Named]]]"])
    func typeReferences(text: String) throws {
        let type = try parseType(text)
        #expect(type.description == text)
        #expect(print(type) == text)
    }

    @Test("type reference errors", arguments: ["Int!!", "[Int", "[]", "!", "[Int]]"])
    func invalidTypeReferences(text: String) {
        #expect(throws: SyntaxError.self) { try parseType(text) }
    }

    @Test("object fields keep their order and duplicates (validation rejects those later)")
    func objectFieldOrder() throws {
        guard case .object(let fields, _) = try parseValue("{b: 1, a: 2, b: 3}") else {
            Issue.record("not an object")
            return
        }
        #expect(fields.map(\.name.value) == ["b", "a", "b"])
    }
}
