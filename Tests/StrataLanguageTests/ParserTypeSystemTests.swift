import StrataLanguage
import Testing

@Suite struct ParserTypeSystemTests {
    func definitions(_ text: String) throws -> [Definition] {
        try parse(text).definitions
    }

    @Test("the schema kitchen sink parses")
    func schemaKitchenSink() throws {
        let document = try parse(TestFiles.fixture("schema-kitchen-sink.graphql"))
        #expect(document.definitions.count == 40)
        #expect(!document.definitions.contains { $0.isExecutable })
    }

    @Test("schema definitions and extensions")
    func schema() throws {
        let parsed = try definitions(
            """
            "The schema" schema @d { query: Q mutation: M subscription: S }
            extend schema @e
            extend schema { mutation: M2 }
            """)
        guard case .schema(let schema) = parsed[0], case .schemaExtension(let first) = parsed[1],
            case .schemaExtension(let second) = parsed[2]
        else {
            Issue.record("unexpected \(parsed)")
            return
        }
        #expect(schema.description == StringValue("The schema"))
        #expect(schema.directives.map(\.name.value) == ["d"])
        #expect(schema.operationTypes.map(\.operation) == [.query, .mutation, .subscription])
        #expect(schema.operationTypes.map(\.type.value) == ["Q", "M", "S"])
        #expect(first.directives.map(\.name.value) == ["e"] && first.operationTypes.isEmpty)
        #expect(second.operationTypes.map(\.type.value) == ["M2"])
    }

    @Test("descriptions, string or block, on every definition that takes one")
    func descriptions() throws {
        let parsed = try definitions(
            #"""
            "s" scalar S
            """o""" type O { "f" f("a" a: Int): Int }
            "i" interface I { """f""" f: Int }
            "u" union U = O
            "e" enum E { "v" V }
            "in" input In { "x" x: Int }
            "d" directive @d("a" a: Int) on FIELD
            """#)
        var found: [String?] = []
        for definition in parsed {
            switch definition {
            case .type(.scalar(let t)): found += [t.description?.value]
            case .type(.object(let t)):
                found += [
                    t.description?.value, t.fields[0].description?.value, t.fields[0].arguments[0].description?.value,
                ]
                #expect(t.description?.isBlock == true)
            case .type(.interface(let t)): found += [t.description?.value, t.fields[0].description?.value]
            case .type(.union(let t)): found += [t.description?.value]
            case .type(.enumType(let t)): found += [t.description?.value, t.values[0].description?.value]
            case .type(.inputObject(let t)): found += [t.description?.value, t.fields[0].description?.value]
            case .directive(let d): found += [d.description?.value, d.arguments[0].description?.value]
            default: Issue.record("unexpected \(definition)")
            }
        }
        #expect(found == ["s", "o", "f", "a", "i", "f", "u", "e", "v", "in", "x", "d", "a"])
    }

    @Test("a definition's span starts at its description")
    func spanIncludesDescription() throws {
        let text = "\n\"desc\" type T { a: Int }"
        let definition = try #require(try definitions(text).first)
        #expect(definition.span == SourceSpan(1, text.utf8.count))
        #expect(definition.span.start == 1 && Int(definition.span.end) == text.utf8.count)
    }

    @Test("type-system nodes carry spans of their source text")
    func typeSystemSpans() throws {
        let text = """
            schema { query: Q } "d" type T @k { "f" f("a" a: [In!] = [] @x): Int! } enum E { "v" V @d }
            directive @r(a: Int) repeatable on FIELD
            """
        let parsed = try definitions(text)
        func slice(_ span: SourceSpan) -> String {
            String(decoding: Array(text.utf8)[Int(span.start)..<Int(span.end)], as: UTF8.self)
        }
        guard case .schema(let schema) = parsed[0], case .type(.object(let type)) = parsed[1],
            case .type(.enumType(let enumType)) = parsed[2], case .directive(let directive) = parsed[3]
        else {
            Issue.record("unexpected \(parsed)")
            return
        }
        #expect(slice(schema.span) == "schema { query: Q }")
        #expect(slice(schema.operationTypes[0].span) == "query: Q")
        #expect(slice(type.span) == "\"d\" type T @k { \"f\" f(\"a\" a: [In!] = [] @x): Int! }")
        #expect(slice(type.description!.span) == "\"d\"")
        #expect(slice(type.directives[0].span) == "@k")
        #expect(slice(type.fields[0].span) == "\"f\" f(\"a\" a: [In!] = [] @x): Int!")
        #expect(slice(type.fields[0].type.span) == "Int!")
        #expect(slice(type.fields[0].arguments[0].span) == "\"a\" a: [In!] = [] @x")
        #expect(slice(type.fields[0].arguments[0].type.span) == "[In!]")
        #expect(slice(enumType.values[0].span) == "\"v\" V @d")
        #expect(slice(directive.span) == "directive @r(a: Int) repeatable on FIELD")
        #expect(slice(directive.locations[0].span) == "FIELD")
    }

    @Test("objects and interfaces implement interfaces, with an optional leading ampersand")
    func implements() throws {
        let parsed = try definitions(
            "type A implements B & C { a: Int } interface B implements & C & D { a: Int } type E implements F")
        guard case .type(.object(let a)) = parsed[0], case .type(.interface(let b)) = parsed[1],
            case .type(.object(let e)) = parsed[2]
        else { return }
        #expect(a.interfaces.map(\.value) == ["B", "C"])
        #expect(b.interfaces.map(\.value) == ["C", "D"])
        #expect(e.interfaces.map(\.value) == ["F"] && e.fields.isEmpty)
    }

    @Test("fields take arguments with defaults and directives, and directives of their own")
    func fieldDefinitions() throws {
        let parsed = try definitions(
            "type T { f(a: Int = 1 @d, b: [String!]! = [\"x\"]): [T] @deprecated(reason: \"no\") g: Int }")
        guard case .type(.object(let t)) = parsed[0] else { return }
        let f = t.fields[0]
        #expect(f.name.value == "f")
        #expect(f.arguments.map(\.name.value) == ["a", "b"])
        #expect(f.arguments[0].defaultValue == .int("1", .synthesized))
        #expect(f.arguments[0].directives.map(\.name.value) == ["d"])
        #expect(f.arguments[1].type.description == "[String!]!")
        #expect(f.type.description == "[T]")
        #expect(f.directives.first?.arguments.first?.value == .string(StringValue("no")))
        #expect(t.fields[1].arguments.isEmpty)
    }

    @Test("unions take an optional leading pipe, and may have no members")
    func unions() throws {
        let parsed = try definitions("union A = B | C union D = | E union F @d")
        guard case .type(.union(let a)) = parsed[0], case .type(.union(let d)) = parsed[1],
            case .type(.union(let f)) = parsed[2]
        else { return }
        #expect(a.types.map(\.value) == ["B", "C"])
        #expect(d.types.map(\.value) == ["E"])
        #expect(f.types.isEmpty && f.directives.count == 1)
    }

    @Test("enums, input objects and scalars")
    func enumsInputsScalars() throws {
        let parsed = try definitions(
            "enum E @d { A B @deprecated } input I @oneOf { a: Int = 1 @d b: E = A } scalar S @specifiedBy(url: \"u\")")
        guard case .type(.enumType(let e)) = parsed[0], case .type(.inputObject(let i)) = parsed[1],
            case .type(.scalar(let s)) = parsed[2]
        else { return }
        #expect(e.values.map(\.name.value) == ["A", "B"])
        #expect(e.values[1].directives.map(\.name.value) == ["deprecated"])
        #expect(i.directives.map(\.name.value) == ["oneOf"])
        #expect(i.fields.map(\.name.value) == ["a", "b"])
        #expect(i.fields[1].defaultValue == .enumValue(Name("A")))
        #expect(s.directives.first?.name.value == "specifiedBy")
    }

    @Test("enum values may not be true, false or null", arguments: ["true", "false", "null"])
    func reservedEnumValues(name: String) throws {
        let error = try #require(parseError("enum E { A \(name) }"))
        #expect(
            error.message
                == "Syntax Error: Expected an enum value (true, false and null are reserved), found Name \"\(name)\".")
        #expect(error.offset == 11)
    }

    @Test("directive definitions, repeatable or not, with locations")
    func directiveDefinitions() throws {
        let parsed = try definitions(
            "directive @a(x: Int = 1) repeatable on FIELD | QUERY directive @b on | OBJECT directive @c on SCHEMA")
        guard case .directive(let a) = parsed[0], case .directive(let b) = parsed[1],
            case .directive(let c) = parsed[2]
        else { return }
        #expect(a.name.value == "a" && a.isRepeatable)
        #expect(a.arguments.map(\.name.value) == ["x"])
        #expect(a.locations.map(\.value) == ["FIELD", "QUERY"])
        #expect(!b.isRepeatable && b.locations.map(\.value) == ["OBJECT"])
        #expect(c.locations.map(\.value) == ["SCHEMA"])
    }

    @Test("every directive location is accepted", arguments: DirectiveLocation.allCases)
    func directiveLocations(location: DirectiveLocation) throws {
        guard case .directive(let directive) = try definitions("directive @d on \(location.rawValue)")[0] else {
            return
        }
        #expect(directive.locations.map(\.value) == [location.rawValue])
    }

    @Test("unknown directive locations are refused", arguments: ["field", "UNKNOWN", "FRAGMENT_VARIABLE", "Query"])
    func unknownDirectiveLocation(name: String) throws {
        let text = "directive @d on FIELD | \(name)"
        let error = try #require(parseError(text))
        #expect(error.message == "Syntax Error: Expected a directive location, found Name \"\(name)\".")
        #expect(location(of: error, in: text) == Location(line: 1, column: 25))
    }

    @Test("every type can be extended")
    func typeExtensions() throws {
        let parsed = try definitions(
            """
            extend scalar S @d
            extend type T implements I
            extend type T @d
            extend type T { a: Int }
            extend interface I implements J
            extend interface I { a: Int }
            extend union U @d
            extend union U = A | B
            extend enum E @d
            extend enum E { X }
            extend input In @d
            extend input In { a: Int }
            """)
        #expect(parsed.count == 12)
        for definition in parsed {
            guard case .typeExtension = definition else {
                Issue.record("not an extension: \(definition)")
                continue
            }
        }
        guard case .typeExtension(.object(let t)) = parsed[1] else { return }
        #expect(t.name.value == "T" && t.interfaces.map(\.value) == ["I"] && t.description == nil)
    }

    @Test(
        "extensions must add something",
        arguments: [
            ("extend schema", "\"@\" or \"{\""),
            ("extend scalar S", "\"@\""),
            ("extend type T", "\"implements\", \"@\" or \"{\""),
            ("extend interface I", "\"implements\", \"@\" or \"{\""),
            ("extend union U", "\"@\" or \"=\""),
            ("extend enum E", "\"@\" or \"{\""),
            ("extend input I", "\"@\" or \"{\""),
        ])
    func emptyExtensions(text: String, expected: String) throws {
        let error = try #require(parseError(text))
        #expect(error.message == "Syntax Error: Expected \(expected), found <EOF>.")
    }

    @Test("blocks may not be empty")
    func emptyBlocks() {
        for text in ["type T {}", "interface I {}", "enum E {}", "input I {}", "schema {}", "type T { f(): Int }"] {
            #expect(parseError(text) != nil, "\(text)")
        }
    }

    @Test("descriptions are refused before executable definitions and extensions, at the description")
    func misplacedDescriptions() throws {
        for text in ["\"d\" query { a }", "\"d\" fragment F on T { a }", "\"d\" extend type T @d"] {
            let error = try #require(parseError(text))
            #expect(
                error.message
                    == "Syntax Error: Unexpected description, descriptions are supported only on type definitions.")
            #expect(error.offset == 0)
        }
        let shorthand = try #require(parseError("\"d\" { a }"))
        #expect(shorthand.message.hasPrefix("Syntax Error: Expected a type-system definition after a description"))
        #expect(shorthand.offset == 4)
    }
}
