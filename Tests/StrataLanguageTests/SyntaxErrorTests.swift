import StrataLanguage
import Testing

@Suite struct SyntaxErrorTests {
    static let cases: [(String, Int, Int, String)] = [
        ("", 1, 1, "Expected a definition, found <EOF>."),
        ("   # only a comment\n", 2, 1, "Expected a definition, found <EOF>."),
        ("{ a(b: ) }", 1, 8, "Expected a value, found \")\"."),
        ("{ }", 1, 3, "Expected Name, found \"}\"."),
        ("{", 1, 2, "Expected Name, found <EOF>."),
        ("{ a", 1, 4, "Expected Name, found <EOF>."),
        ("{ a(", 1, 5, "Expected Name, found <EOF>."),
        ("{ a() }", 1, 5, "Expected Name, found \")\"."),
        ("{ a(b) }", 1, 6, "Expected \":\", found \")\"."),
        ("{ a(b: 1 }", 1, 10, "Expected Name, found \"}\"."),
        ("{ a: }", 1, 6, "Expected Name, found \"}\"."),
        ("{ a @ }", 1, 7, "Expected Name, found \"}\"."),
        ("{ ... }", 1, 7, "Expected \"{\", found \"}\"."),
        ("{ ...on }", 1, 9, "Expected Name, found \"}\"."),
        ("{ a { } }", 1, 7, "Expected Name, found \"}\"."),
        ("{ a(b: [1, 2) }", 1, 13, "Expected a value, found \")\"."),
        ("{ a(b: {c 1}) }", 1, 11, "Expected \":\", found Int \"1\"."),
        ("{ a(b: {1: 1}) }", 1, 9, "Expected Name, found Int \"1\"."),
        ("query", 1, 6, "Expected \"{\", found <EOF>."),
        ("query Q(", 1, 9, "Expected \"$\", found <EOF>."),
        ("query Q() { a }", 1, 9, "Expected \"$\", found \")\"."),
        ("query Q($a) { a }", 1, 11, "Expected \":\", found \")\"."),
        ("query Q($a: ) { a }", 1, 13, "Expected Name, found \")\"."),
        ("query Q($a: Int = ) { a }", 1, 19, "Expected a value, found \")\"."),
        ("query Q { a } }", 1, 15, "Expected a definition, found \"}\"."),
        ("fragment on on T { a }", 1, 10, "Expected a fragment name, found Name \"on\"."),
        ("fragment F T { a }", 1, 12, "Expected \"on\", found Name \"T\"."),
        ("fragment F on { a }", 1, 15, "Expected Name, found \"{\"."),
        ("fragment F on T", 1, 16, "Expected \"{\", found <EOF>."),
        ("notAKeyword { a }", 1, 1, "Expected a definition, found Name \"notAKeyword\"."),
        (
            "extend fragment F", 1, 8,
            "Expected \"schema\", \"scalar\", \"type\", \"interface\", \"union\", \"enum\" or \"input\", found Name \"fragment\"."
        ),
        ("schema { query Q }", 1, 16, "Expected \":\", found Name \"Q\"."),
        ("schema { other: Q }", 1, 10, "Expected \"query\", \"mutation\" or \"subscription\", found Name \"other\"."),
        ("type T { a }", 1, 12, "Expected \":\", found \"}\"."),
        ("type T { a: }", 1, 13, "Expected Name, found \"}\"."),
        ("type T implements { a: Int }", 1, 19, "Expected Name, found \"{\"."),
        ("type T implements A & { a: Int }", 1, 23, "Expected Name, found \"{\"."),
        ("union U = ", 1, 11, "Expected Name, found <EOF>."),
        ("union U = A |", 1, 14, "Expected Name, found <EOF>."),
        ("directive d on FIELD", 1, 11, "Expected \"@\", found Name \"d\"."),
        ("directive @d", 1, 13, "Expected \"on\", found <EOF>."),
        ("directive @d on", 1, 16, "Expected a directive location, found <EOF>."),
        ("directive @d repeatable", 1, 24, "Expected \"on\", found <EOF>."),
        ("input I { a: Int = $v }", 1, 20, "Expected a constant value, found variable \"$v\"."),
        ("{ a(b: \"\"\"x\"\"\" \"y\") }", 1, 16, "Expected Name, found String \"y\"."),
        ("{\n  a\n  b(c: 1\n}", 4, 1, "Expected Name, found \"}\"."),
        ("{\r\n  a(b:\r\n  )\r\n}", 3, 3, "Expected a value, found \")\"."),
        ("{ \"naïve 日本\" }", 1, 3, "Expected Name, found String \"naïve 日本\"."),
        ("{ a(s: \"naïve\") ] }", 1, 17, "Expected Name, found \"]\"."),
    ]

    @Test("syntax errors name what was expected and what was found, at its line and column", arguments: cases)
    func syntaxError(text: String, line: Int, column: Int, message: String) throws {
        let error = try #require(parseError(text))
        #expect(error.message == "Syntax Error: " + message)
        #expect(error.kind == .invalidSyntax)
        #expect(location(of: error, in: text) == Location(line: line, column: column))
    }

    @Test("a syntax error becomes a located GraphQLError with code GRAPHQL_PARSE_FAILED")
    func graphQLError() throws {
        let source = Source("{\n  a(b: )\n}", name: "request.graphql")
        let error: SyntaxError
        do {
            _ = try parse(source)
            Issue.record("no error")
            return
        } catch let caught {
            error = caught
        }
        let graphQLError = error.graphQLError(source: source)
        #expect(graphQLError.code == .parseFailed)
        #expect(graphQLError.code.rawValue == "GRAPHQL_PARSE_FAILED")
        #expect(graphQLError.message == "Syntax Error: Expected a value, found \")\".")
        #expect(graphQLError.locations == [Location(line: 2, column: 8)])
        #expect(graphQLError.spans == [SourceSpan(start: 10, end: 11)])
        #expect(graphQLError.description == "Syntax Error: Expected a value, found \")\". (2:8)")
        #expect(graphQLError.located(in: source) == graphQLError)
    }

    @Test("long string literals are shortened in messages")
    func longStringInMessage() throws {
        let error = try #require(parseError("{ \"" + String(repeating: "x", count: 100) + "\" }"))
        #expect(
            error.message == "Syntax Error: Expected Name, found String \"" + String(repeating: "x", count: 40) + "…\"."
        )
    }
}
