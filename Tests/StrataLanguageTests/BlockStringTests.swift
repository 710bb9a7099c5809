import StrataLanguage
import Testing

@Suite struct BlockStringTests {
    /// The value of the block string `"""raw"""`.
    func value(_ raw: String) throws -> String {
        let (token, lexer) = try singleToken("\"\"\"" + raw + "\"\"\"")
        #expect(token.kind == .blockString)
        return lexer.blockStringValue(of: token)
    }

    @Test(
        "common indentation and blank first and last lines are removed",
        arguments: [
            ("", ""),
            ("   ", ""),
            ("single line", "single line"),
            ("  keeps leading and trailing space  ", "  keeps leading and trailing space  "),
            ("\n    Hello,\n      World!\n\n    Yours,\n      GraphQL.\n  ", "Hello,\n  World!\n\nYours,\n  GraphQL."),
            ("first\n  second\n    third", "first\nsecond\n  third"),
            ("  first\n    second\n    third", "  first\nsecond\nthird"),
            ("\n\n  \n  a\n \n  b\n\n \t \n", "a\n\nb"),
            ("\n  a\n      \n  b", "a\n    \nb"),
            ("\n\ta\n\t\tb", "a\n\tb"),
            ("\n \ta\n\t b", "a\nb"),
            ("\n    a\n  b", "  a\nb"),
            ("\n  a\n\n", "a"),
            ("a\r\n  b\r  c", "a\nb\nc"),
            ("\r\n  a\r\n", "a"),
            ("no \\n escapes \\u0041", "no \\n escapes \\u0041"),
            ("quotes \" and \"\" inside", "quotes \" and \"\" inside"),
            ("escaped \\\"\"\" triple", "escaped \"\"\" triple"),
            ("\n  indented \\\"\"\"\n  lines", "indented \"\"\"\nlines"),
            ("\n  \u{2028}  is not a line terminator", "\u{2028}  is not a line terminator"),
        ])
    func blockStringValue(raw: String, expected: String) throws {
        #expect(try value(raw) == expected)
    }

    static let printedValues: [String] = [
        "", "a", "  leading space", "trailing space  ", "ends with quote\"", "ends with backslash\\",
        "has \"\"\" inside", "\"\"\"", "\"\"\"\"", "\\\"\"\"", "a\nb", "a\n  b", "  a\nb", "  a\n  b\nc", "a\n\nb",
        "a\n   \nb", "a\n\tb", "\"quoted\"\n\"lines\"", "x\n\"\"\"", "unicode é 日本語 🚀\nline two",
        String(repeating: "long ", count: 30), "tab\tinside", "\u{7} control",
    ]

    @Test("values print as block strings that read back the same", arguments: printedValues)
    func printedBlockStringRoundTrips(value: String) throws {
        let literal = Value.string(StringValue(value, isBlock: true))
        #expect(try parseValue(print(literal)) == literal)
        let field = Field(
            name: Name("f"), arguments: [Argument(name: Name("a"), value: literal)],
            selectionSet: SelectionSet(selections: [.field(Field(name: Name("x")))]))
        let nested = Document(definitions: [
            .operation(
                OperationDefinition(
                    operation: .query,
                    selectionSet: SelectionSet(selections: [
                        .field(Field(name: Name("g"), selectionSet: SelectionSet(selections: [.field(field)])))
                    ])))
        ])
        #expect(try parse(print(nested)) == nested)
    }

    @Test("a block string keeps its form when printed")
    func printedForm() {
        #expect(print(Value.string(StringValue("short", isBlock: true))) == "\"\"\"short\"\"\"")
        #expect(print(Value.string(StringValue("two\nlines", isBlock: true))) == "\"\"\"\ntwo\nlines\n\"\"\"")
        #expect(print(Value.string(StringValue("  first\nsecond", isBlock: true))) == "\"\"\"  first\nsecond\n\"\"\"")
        #expect(print(Value.string(StringValue("q\"", isBlock: true))) == "\"\"\"\nq\"\n\"\"\"")
        #expect(print(Value.string(StringValue("a\"\"\"b", isBlock: true))) == "\"\"\"a\\\"\"\"b\"\"\"")
    }

    @Test(
        "values no block string can hold are printed quoted",
        arguments: ["\n leading blank line", "trailing blank line\n", "carriage\rreturn", "   ", "  a\n  b"])
    func unrepresentable(value: String) throws {
        let printed = print(Value.string(StringValue(value, isBlock: true)))
        #expect(!printed.hasPrefix("\"\"\""))
        #expect(try parseValue(printed) == .string(StringValue(value)))
    }
}
