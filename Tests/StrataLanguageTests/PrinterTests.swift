import StrataLanguage
import Testing

@Suite struct PrinterTests {
    @Test("executable documents print with two-space indentation and a blank line between definitions")
    func executableDocument() throws {
        let document = try parse(
            """
            query Q($a: Int = 1 @d, $b: [String!]!) @live { alias: f(x: $a, y: {z: [1, "s", ENUM, null, true]}) @skip(if: false) { ...F ... on T { g } ... @include(if: $c) { h } } }
            {a}
            query ($x: Int) { b }
            mutation @m { c }
            fragment F on T @f { id }
            """)
        #expect(
            print(document) == """
                query Q($a: Int = 1 @d, $b: [String!]!) @live {
                  alias: f(x: $a, y: {z: [1, "s", ENUM, null, true]}) @skip(if: false) {
                    ...F
                    ... on T {
                      g
                    }
                    ... @include(if: $c) {
                      h
                    }
                  }
                }

                {
                  a
                }

                query ($x: Int) {
                  b
                }

                mutation @m {
                  c
                }

                fragment F on T @f {
                  id
                }
                """)
    }

    @Test("type-system documents print with descriptions and repeatable directives")
    func typeSystemDocument() throws {
        let document = try parse(
            #"""
            """
            The root.
            """
            schema @d { query: Query }
            "A date." scalar Date @specifiedBy(url: "u")
            """Things with ids."""
            interface Node implements Base { id: ID! }
            type Query implements Node & Base @key(fields: "id") { "The id." id: ID! items(first: Int = 10, "Filter." where: In): [Item!]! @deprecated }
            union Item = A | B
            enum E { "First." A B @deprecated(reason: "no") }
            input In @oneOf { a: Int = 1 b: [E!] = [A] }
            "Repeats." directive @tag(name: String!) repeatable on OBJECT | FIELD_DEFINITION
            extend schema @e
            extend type Query { more: Int }
            extend union Item @u
            """#)
        #expect(
            print(document) == #"""
                """The root."""
                schema @d {
                  query: Query
                }

                "A date."
                scalar Date @specifiedBy(url: "u")

                """Things with ids."""
                interface Node implements Base {
                  id: ID!
                }

                type Query implements Node & Base @key(fields: "id") {
                  "The id."
                  id: ID!
                  items(
                    first: Int = 10
                    "Filter."
                    where: In
                  ): [Item!]! @deprecated
                }

                union Item = A | B

                enum E {
                  "First."
                  A
                  B @deprecated(reason: "no")
                }

                input In @oneOf {
                  a: Int = 1
                  b: [E!] = [A]
                }

                "Repeats."
                directive @tag(name: String!) repeatable on OBJECT | FIELD_DEFINITION

                extend schema @e

                extend type Query {
                  more: Int
                }

                extend union Item @u
                """#)
    }

    @Test("multi-line descriptions are indented with what they describe")
    func nestedBlockDescriptions() throws {
        let document = try parse(
            #"""
            type T {
              """
              First line.
                Indented line.

              Last line.
              """
              f: Int
            }
            """#)
        #expect(
            print(document) == #"""
                type T {
                  """
                  First line.
                    Indented line.

                  Last line.
                  """
                  f: Int
                }
                """#)
    }

    @Test("quoted strings escape quotes, backslashes and control characters only")
    func quotedStrings() {
        let value = Value.string(StringValue("q\" b\\ n\n r\r t\t \u{8}\u{C}\u{0}\u{1F}\u{7F}\u{9F} é 🚀 /"))
        #expect(print(value) == #""q\" b\\ n\n r\r t\t \b\f\u0000\u001F\u007F\u009F é 🚀 /""#)
    }

    @Test("field arguments that make the line too long go one per line")
    func longArguments() throws {
        let long = String(repeating: "x", count: 30)
        let document = try parse("{ a { field(first: \"\(long)\", second: \"\(long)\") short(a: 1) } }")
        #expect(
            print(document) == """
                {
                  a {
                    field(
                      first: "\(long)"
                      second: "\(long)"
                    )
                    short(a: 1)
                  }
                }
                """)
    }

    @Test("values, types, selection sets and single definitions print on their own")
    func fragmentsOfDocuments() throws {
        #expect(print(try parseValue("{a: [1, 2.5, $v], b: {}}")) == "{a: [1, 2.5, $v], b: {}}")
        #expect(print(try parseType("[[A!]]!")) == "[[A!]]!")
        #expect(print(SelectionSet(selections: [.field(Field(name: Name("a")))])) == "{\n  a\n}")
        #expect(print(SelectionSet(selections: [])) == "{}")
        #expect(print(try parse("type T").definitions[0]) == "type T")
    }

    static let roundTrips = [
        "query Q($a: Int = 1 @d) @o { a: f(x: [1, {y: $a}]) @d { ...F ... on T @i { g } ... { h } } }",
        "subscription S { s }",
        "{ f(s: \"\"\"\n    block\n      indented\n    \"\"\") }",
        "{ f(s: \"\"\"  leading\n  next\"\"\") }",
        "{ f(s: \"\"\"ends with quote\"\n\"\"\") }",
        "{ f(s: \"multi\\nline\\\\ \\\"quoted\\\" \\u{1F600} \\uD83D\\uDE00\") }",
        "type T implements & A & B @d { f(a: Int = 1 @d, \"desc\" b: [In!]! = [{x: 1}]): T! @d }",
        "extend type T implements C",
        "extend interface I @d",
        "\"\"\"  indented first line\nsecond\"\"\" scalar S",
        "directive @d(\"\"\"block\narg\"\"\" a: Int) repeatable on | FIELD | QUERY",
        "schema { query: Q } extend schema @a { mutation: M }",
        "enum E { A \"d\" B @d } extend enum E { C }",
        "input I { a: Int = null b: String = \"\" } extend input I @d",
        "union U = | A | B extend union U = C",
    ]

    @Test("printing and parsing again gives an equal document", arguments: roundTrips)
    func roundTrip(text: String) throws {
        let document = try parse(text)
        let printed = print(document)
        #expect(try parse(printed) == document, "\(printed)")
        #expect(print(try parse(printed)) == printed)
    }
}
