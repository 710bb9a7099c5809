import StrataLanguage
import StrataSchema
import Testing

@Suite struct SchemaBuilderTests {
    @Test("every type kind is built with its descriptions, fields, arguments and defaults")
    func buildsAllKinds() throws {
        let schema = try buildSchema(
            #"""
            "The schema"
            schema { query: Root }
            "A root"
            type Root implements Named {
              "the name"
              name: String!
              search(text: String = "x", limit: Int! = 10): [Result!]!
              shape: Shape
            }
            interface Named { name: String! }
            union Result = Root | Other
            type Other { id: ID }
            enum Shape {
              "round"
              CIRCLE
              SQUARE
            }
            input Filter { text: String, nested: [Filter!] }
            scalar Money
            """#)
        #expect(schema.description == "The schema")
        #expect(schema.queryTypeName == "Root")
        #expect(schema.mutationTypeName == nil)
        let root = schema.queryType
        #expect(root.description == "A root")
        #expect(root.interfaces == ["Named"])
        #expect(root.fields.map(\.name) == ["name", "search", "shape"])
        #expect(root.field("name")?.description == "the name")
        let search = try #require(root.field("search"))
        #expect(search.type == .nonNull(.list(.nonNull(.named("Result")))))
        #expect(search.arguments.map(\.name) == ["text", "limit"])
        #expect(search.argument("limit")?.type == .nonNull(.named("Int")))
        #expect(search.argument("limit")?.defaultValue == .int("10", .synthesized))
        guard case .union(let result) = schema[typeNamed: "Result"] else { Issue.record("no union"); return }
        #expect(result.members == ["Root", "Other"])
        guard case .enumType(let shape) = schema[typeNamed: "Shape"] else { Issue.record("no enum"); return }
        #expect(shape.values.map(\.name) == ["CIRCLE", "SQUARE"])
        #expect(shape.values[0].description == "round")
        guard case .inputObject(let filter) = schema[typeNamed: "Filter"] else { Issue.record("no input"); return }
        #expect(filter.field("nested")?.type == .list(.nonNull(.named("Filter"))))
        #expect(schema[typeNamed: "Money"]?.kind == .scalar)
        #expect(schema.possibleTypes(of: "Named") == ["Root"])
        #expect(schema.possibleTypes(of: "Result") == ["Root", "Other"])
    }

    @Test("without a schema definition the roots are the types named Query, Mutation and Subscription")
    func defaultRootNames() throws {
        let schema = try buildSchema(
            """
            type Query { a: Int }
            type Mutation { b: Int }
            type Subscription { c: Int }
            """)
        #expect(schema.queryTypeName == "Query")
        #expect(schema.mutationTypeName == "Mutation")
        #expect(schema.subscriptionTypeName == "Subscription")
        let queryOnly = try buildSchema("type Query { a: Int }")
        #expect(queryOnly.mutationTypeName == nil)
        #expect(queryOnly.rootType(for: .mutation) == nil)
    }

    @Test("built-in scalars, directives and introspection types are always present, after the user's types")
    func builtInsArePresent() throws {
        let schema = try buildSchema("type Query { a: Int }")
        for name in ["Int", "Float", "String", "Boolean", "ID", "__Schema", "__Type", "__TypeKind", "__Field",
            "__InputValue", "__EnumValue", "__Directive", "__DirectiveLocation"]
        {
            #expect(schema[typeNamed: name] != nil, "missing \(name)")
        }
        #expect(schema.typeNames.first == "Query")
        #expect(schema.directiveNames == ["skip", "include", "deprecated", "specifiedBy", "oneOf"])
        #expect(schema.directives["deprecated"]?.argument("reason")?.defaultValue == .string(StringValue("No longer supported")))
        #expect(schema.directives["skip"]?.locations == [.field, .fragmentSpread, .inlineFragment])
        guard case .object(let type) = schema[typeNamed: "__Type"] else { Issue.record("no __Type"); return }
        #expect(type.fields.map(\.name) == [
            "kind", "name", "description", "specifiedByURL", "fields", "interfaces", "possibleTypes", "enumValues",
            "inputFields", "ofType", "isOneOf",
        ])
        #expect(type.field("fields")?.argument("includeDeprecated")?.type == .named("Boolean"))
        #expect(type.field("fields")?.argument("includeDeprecated")?.defaultValue == .boolean(false, .synthesized))
        guard case .object(let directive) = schema[typeNamed: "__Directive"] else { Issue.record("no __Directive"); return }
        #expect(directive.field("isRepeatable")?.type == .nonNull(.named("Boolean")))
        #expect(directive.field("args")?.argument("includeDeprecated") != nil)
        guard case .enumType(let locations) = schema[typeNamed: "__DirectiveLocation"] else { Issue.record("no enum"); return }
        #expect(locations.values.count == 19)
        #expect(schema.fieldDefinition(parentType: "Query", fieldName: "__schema") != nil)
    }

    @Test("redeclaring a built-in scalar is accepted and keeps the built-in")
    func redeclaredBuiltInScalar() throws {
        let schema = try buildSchema("scalar String\ntype Query { a: String }")
        #expect(schema.typeNames.filter { $0 == "String" }.count == 1)
    }

    @Test("extensions of every kind merge into their types")
    func extensionsMerge() throws {
        let schema = try buildSchema(
            """
            directive @tag(name: String!) repeatable on OBJECT | SCALAR | UNION | ENUM | INPUT_OBJECT | INTERFACE | SCHEMA
            type Query { a: Int }
            extend type Query implements Node @tag(name: "q") { id: ID! }
            interface Node { id: ID! }
            extend interface Node @tag(name: "n")
            interface Extra { x: Int }
            extend interface Extra { y: Int }
            union U = Query
            extend union U = Other
            type Other { b: Int }
            enum E { A }
            extend enum E { B }
            input I { a: Int }
            extend input I { b: Int }
            scalar S
            extend scalar S @specifiedBy(url: "https://example.com/s")
            type Mutation { m: Int }
            extend schema @tag(name: "s") { mutation: Mutation }
            """)
        #expect(schema.queryType.fields.map(\.name) == ["a", "id"])
        #expect(schema.queryType.interfaces == ["Node"])
        #expect(schema.queryType.appliedDirectives.map(\.name.value) == ["tag"])
        #expect(schema[typeNamed: "Node"]?.appliedDirectives.count == 1)
        #expect(schema[typeNamed: "Extra"]?.fields?.map(\.name) == ["x", "y"])
        guard case .union(let u) = schema[typeNamed: "U"], case .enumType(let e) = schema[typeNamed: "E"],
            case .inputObject(let i) = schema[typeNamed: "I"], case .scalar(let s) = schema[typeNamed: "S"]
        else { Issue.record("missing types"); return }
        #expect(u.members == ["Query", "Other"])
        #expect(e.values.map(\.name) == ["A", "B"])
        #expect(i.fields.map(\.name) == ["a", "b"])
        #expect(s.specifiedByURL == "https://example.com/s")
        #expect(schema.mutationTypeName == "Mutation")
        #expect(schema.appliedDirectives.map(\.name.value) == ["tag"])
    }

    @Test("@deprecated sets the reason on fields, arguments, input fields and enum values, with the default reason")
    func deprecation() throws {
        let schema = try buildSchema(
            """
            type Query {
              old: Int @deprecated
              older(a: Int @deprecated(reason: "use b"), b: Int): Int @deprecated(reason: "gone")
            }
            input In { f: Int @deprecated(reason: "no") }
            enum E { A @deprecated, B }
            """)
        #expect(schema.queryType.field("old")?.deprecationReason == "No longer supported")
        #expect(schema.queryType.field("older")?.deprecationReason == "gone")
        #expect(schema.queryType.field("older")?.argument("a")?.deprecationReason == "use b")
        #expect(schema.queryType.field("older")?.argument("b")?.deprecationReason == nil)
        guard case .inputObject(let input) = schema[typeNamed: "In"], case .enumType(let e) = schema[typeNamed: "E"] else {
            Issue.record("missing types")
            return
        }
        #expect(input.field("f")?.deprecationReason == "no")
        #expect(e.value("A")?.deprecationReason == "No longer supported")
        #expect(e.value("B")?.deprecationReason == nil)
    }

    @Test("@oneOf marks input objects and custom directives are kept as applied")
    func oneOfAndCustomDirectives() throws {
        let schema = try buildSchema(
            """
            directive @table(name: String) on OBJECT
            directive @key on FIELD_DEFINITION
            type Query { a(by: By): Int }
            input By @oneOf { id: ID, email: String }
            type User @table(name: "users") { id: ID! @key }
            """)
        guard case .inputObject(let by) = schema[typeNamed: "By"] else { Issue.record("no input"); return }
        #expect(by.isOneOf)
        #expect(schema[typeNamed: "User"]?.appliedDirectives.first?.arguments.first?.name.value == "name")
        #expect(schema[typeNamed: "User"]?.field("id")?.appliedDirectives.map(\.name.value) == ["key"])
        #expect(schema.directiveNames.suffix(2) == ["table", "key"])
    }

    @Test("interfaces may implement interfaces and the schema knows the implementing interfaces")
    func interfacesImplementingInterfaces() throws {
        let schema = try buildSchema(
            """
            type Query { n: Node }
            interface Node { id: ID! }
            interface Resource implements Node { id: ID! url: String }
            type Image implements Resource & Node { id: ID! url: String }
            """)
        #expect(schema.implementingInterfaces(of: "Node") == ["Resource"])
        #expect(schema.possibleTypes(of: "Node") == ["Image"])
        #expect(schema.isSubType("Node", "Resource"))
    }

    @Test("several documents build one schema, and errors name the source they are in")
    func severalDocuments() throws {
        var builder = SchemaBuilder()
        let first = Source("type Query { a: Int }", name: "a.graphql")
        let second = Source("extend type Query { b: Int }\ntype Bad { x: Nope }", name: "b.graphql")
        builder.add(try parse(first), source: first)
        builder.add(try parse(second), source: second)
        #expect(builder.knownDirectiveNames.contains("deprecated"))
        #expect(!builder.knownDirectiveNames.contains("table"))
        var withDirective = SchemaBuilder()
        withDirective.add(try parse("directive @table on OBJECT"), source: nil)
        #expect(withDirective.knownDirectiveNames.contains("table"))
        do {
            _ = try builder.build()
            Issue.record("expected an error")
        } catch {
            #expect(error.diagnostics.count == 1)
            #expect(error.diagnostics.first?.sourceName == "b.graphql")
            #expect(error.description == "b.graphql:2:15: Unknown type \"Nope\".")
            #expect(error.errors.first?.code == .validationFailed)
        }
    }

    @Test("SDL that does not parse is reported as a parse error with its location")
    func syntaxErrors() {
        do {
            _ = try Schema.build(sdl: "type Query {", name: "x.graphql")
            Issue.record("expected an error")
        } catch {
            #expect(error.errors.first?.code == .parseFailed)
            #expect(error.diagnostics.first?.sourceName == "x.graphql")
        }
    }
}
