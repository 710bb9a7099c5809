import StrataLanguage
import Testing

@Suite struct ParserTests {
    @Test("a named query with variables, directives and a selection set")
    func namedOperation() throws {
        let document = try parse("query Q($id: ID!, $n: Int = 3) @live { user(id: $id) { name } }")
        guard case .operation(let operation) = try #require(document.definitions.first) else {
            Issue.record("not an operation")
            return
        }
        #expect(operation.operation == .query)
        #expect(operation.name?.value == "Q")
        #expect(operation.variableDefinitions.map(\.variable.value) == ["id", "n"])
        #expect(operation.variableDefinitions[0].type == .nonNull(.named(Name("ID")), .synthesized))
        #expect(operation.variableDefinitions[1].defaultValue == .int("3", .synthesized))
        #expect(operation.directives.map(\.name.value) == ["live"])
        #expect(operation.selectionSet.selections.count == 1)
    }

    @Test(
        "every operation type, named and anonymous",
        arguments: [
            ("query { a }", OperationType.query, nil as String?),
            ("mutation M { a }", .mutation, "M"),
            ("subscription S { a }", .subscription, "S"),
            ("mutation { a }", .mutation, nil),
            ("{ a }", .query, nil),
        ])
    func operationTypes(text: String, type: OperationType, name: String?) throws {
        let document = try parse(text)
        guard case .operation(let operation) = try #require(document.definitions.first) else {
            Issue.record("not an operation")
            return
        }
        #expect(operation.operation == type)
        #expect(operation.name?.value == name)
    }

    @Test("the query shorthand equals an anonymous query without variables or directives")
    func shorthand() throws {
        #expect(try parse("{ a }") == parse("query { a }"))
    }

    @Test("variable definitions take list and non-null types, constant defaults and directives")
    func variableDefinitions() throws {
        let document = try parse(
            "query ($a: [[Int!]]! = [[1]], $b: String = null @deprecated(reason: \"x\"), $c: In @d @e) { f }")
        guard case .operation(let operation) = document.definitions[0] else { return }
        let variables = operation.variableDefinitions
        #expect(variables[0].type.description == "[[Int!]]!")
        #expect(variables[0].type.namedType.value == "Int")
        #expect(variables[0].defaultValue == .list([.list([.int("1", .synthesized)], .synthesized)], .synthesized))
        #expect(variables[1].defaultValue == .null(.synthesized))
        #expect(variables[1].directives.first?.arguments.first?.value == .string(StringValue("x")))
        #expect(variables[2].defaultValue == nil)
        #expect(variables[2].directives.map(\.name.value) == ["d", "e"])
    }

    @Test("fields take aliases, arguments, directives and selection sets")
    func fields() throws {
        let field = try firstField("{ alias: name(a: 1, b: $v) @include(if: $x) @skip(if: false) { sub } }")
        #expect(field.alias?.value == "alias")
        #expect(field.name.value == "name")
        #expect(field.responseKey == "alias")
        #expect(field.arguments.map(\.name.value) == ["a", "b"])
        #expect(field.arguments[1].value == .variable(Name("v")))
        #expect(field.directives.map(\.name.value) == ["include", "skip"])
        #expect(field.selectionSet?.selections.count == 1)
    }

    @Test("a selection's field response key is the alias, else the name; fragments have none")
    func selectionResponseKeys() throws {
        let document = try parse("{ alias: name plain ...Named ... on User { a } }")
        #expect(firstSelections(document).map(\.fieldResponseKey) == ["alias", "plain", nil, nil])
    }

    @Test("fragment spreads, inline fragments with and without a type condition")
    func fragments() throws {
        let document = try parse(
            """
            { ...Named @d ... on User { a } ... @include(if: true) { b } ... { c } }
            fragment Named on User @f { id }
            """)
        let selections = firstSelections(document)
        guard case .fragmentSpread(let spread) = selections[0],
            case .inlineFragment(let typed) = selections[1],
            case .inlineFragment(let directed) = selections[2],
            case .inlineFragment(let bare) = selections[3],
            case .fragment(let definition) = document.definitions[1]
        else {
            Issue.record("unexpected selections \(selections)")
            return
        }
        #expect(spread.name.value == "Named")
        #expect(spread.directives.map(\.name.value) == ["d"])
        #expect(typed.typeCondition?.value == "User")
        #expect(directed.typeCondition == nil)
        #expect(directed.directives.map(\.name.value) == ["include"])
        #expect(bare.typeCondition == nil && bare.directives.isEmpty)
        #expect(definition.name.value == "Named")
        #expect(definition.typeCondition.value == "User")
        #expect(definition.directives.map(\.name.value) == ["f"])
    }

    @Test("keywords are ordinary names for fields, arguments, aliases and enum values")
    func keywordsAsNames() throws {
        let keywords = [
            "query", "mutation", "subscription", "fragment", "on", "type", "input", "schema", "extend", "scalar",
            "interface", "union", "enum", "directive", "implements", "repeatable", "true", "false", "null",
        ]
        let text =
            "{ " + keywords.map { "\($0): \($0)(\($0): \($0 == "true" ? "ON" : "ENUM"))" }.joined(separator: " ")
            + " }"
        let names = firstSelections(try parse(text)).compactMap { selection -> String? in
            guard case .field(let field) = selection else { return nil }
            return field.name.value
        }
        #expect(names == keywords)
    }

    @Test("every node's span covers its source text")
    func spans() throws {
        let text = "query Q($v: [Int!] = [1]) { alias: f(a: {b: $v}) @d { ...F ... on T { x } } }"
        let document = try parse(text)
        func slice(_ span: SourceSpan) -> String {
            String(decoding: Array(text.utf8)[Int(span.start)..<Int(span.end)], as: UTF8.self)
        }
        guard case .operation(let operation) = document.definitions[0],
            case .field(let field) = operation.selectionSet.selections[0],
            case .fragmentSpread(let spread) = field.selectionSet!.selections[0],
            case .inlineFragment(let inline) = field.selectionSet!.selections[1]
        else { return }
        #expect(slice(document.span) == text)
        #expect(slice(operation.span) == text)
        #expect(slice(operation.variableDefinitions[0].span) == "$v: [Int!] = [1]")
        #expect(slice(operation.variableDefinitions[0].variable.span) == "$v")
        #expect(slice(operation.variableDefinitions[0].type.span) == "[Int!]")
        #expect(slice(operation.variableDefinitions[0].defaultValue!.span) == "[1]")
        #expect(slice(field.span) == "alias: f(a: {b: $v}) @d { ...F ... on T { x } }")
        #expect(slice(field.alias!.span) == "alias")
        #expect(slice(field.arguments[0].span) == "a: {b: $v}")
        #expect(slice(field.arguments[0].value.span) == "{b: $v}")
        #expect(slice(field.directives[0].span) == "@d")
        #expect(slice(field.selectionSet!.span) == "{ ...F ... on T { x } }")
        #expect(slice(spread.span) == "...F")
        #expect(slice(inline.span) == "... on T { x }")
        guard case .object(let fields, _) = field.arguments[0].value else { return }
        #expect(slice(fields[0].span) == "b: $v")
        #expect(slice(fields[0].value.span) == "$v")
    }

    @Test("a document may mix operations, fragments and type-system definitions")
    func mixedDocument() throws {
        let document = try parse("type T { a: Int } { a } fragment F on T { a } extend type T { b: Int }")
        #expect(document.definitions.map(\.isExecutable) == [false, true, true, false])
    }

    @Test("commas are optional and may repeat anywhere")
    func commas() throws {
        #expect(try parse(",,{,a,,b(x:1,,y:2,),c,},,") == parse("{ a b(x: 1 y: 2) c }"))
        #expect(try parse("{ a(x: [1,,2,], y: {a: 1,, b: 2,}) }") == parse("{ a(x: [1 2] y: {a: 1 b: 2}) }"))
    }

    @Test("comments and unicode in comments and strings do not disturb parsing")
    func commentsEverywhere() throws {
        let document = try parse(
            """
            # leading comment ✓
            query # after keyword
            Q( # after paren
              $a: Int # after type
            ) {
              f(s: "naïve — 日本語 🚀") # trailing
            } # end
            """)
        #expect(document.definitions.count == 1)
    }
}
