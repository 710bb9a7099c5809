import StrataSchema
import Testing

/// One type-system rule case: SDL that breaks the rule and the errors it must produce (`line:column message`).
struct InvalidSchemaCase: CustomTestStringConvertible, Sendable {
    var rule: String
    var sdl: String
    var errors: [String]
    var testDescription: String { rule }
}

@Suite struct SchemaValidationTests {
    static let invalidCases: [InvalidSchemaCase] = [
        InvalidSchemaCase(
            rule: "unknown field type", sdl: "type Query { a: Foo }", errors: [#"1:17 Unknown type "Foo"."#]),
        InvalidSchemaCase(
            rule: "unknown argument type", sdl: "type Query { a(x: [Bar!]): Int }",
            errors: [#"1:20 Unknown type "Bar"."#]),
        InvalidSchemaCase(
            rule: "unknown interface", sdl: "type Query implements Nope { a: Int }", errors: [#"1:23 Unknown type "Nope"."#]),
        InvalidSchemaCase(
            rule: "unknown union member", sdl: "type Query { a: Int }\nunion U = Query | Gone",
            errors: [#"2:19 Unknown type "Gone"."#]),
        InvalidSchemaCase(
            rule: "duplicate type names", sdl: "type Query { a: Int }\ntype Query { b: Int }",
            errors: [#"2:6 There can be only one type named "Query"."#]),
        InvalidSchemaCase(
            rule: "built-in scalar redefined as another kind", sdl: "type Query { a: Int }\ntype Int { b: Int }",
            errors: [#"2:6 Type "Int" is a built-in scalar and cannot be redefined."#]),
        InvalidSchemaCase(
            rule: "duplicate directive names",
            sdl: "directive @a on FIELD\ndirective @a on QUERY\ntype Query { a: Int }",
            errors: [#"2:12 There can be only one directive named "@a"."#]),
        InvalidSchemaCase(
            rule: "duplicate field names", sdl: "type Query { a: Int a: String }",
            errors: [#"1:21 Field "Query.a" can only be defined once."#]),
        InvalidSchemaCase(
            rule: "field added twice through an extension", sdl: "type Query { a: Int }\nextend type Query { a: Int }",
            errors: [#"2:21 Field "Query.a" can only be defined once."#]),
        InvalidSchemaCase(
            rule: "duplicate argument names", sdl: "type Query { a(x: Int, x: Int): Int }",
            errors: [#"1:24 Argument "Query.a(x:)" can only be defined once."#]),
        InvalidSchemaCase(
            rule: "duplicate enum values", sdl: "type Query { a: Int }\nenum E { A B A }",
            errors: [#"2:14 Enum value "E.A" can only be defined once."#]),
        InvalidSchemaCase(
            rule: "duplicate input fields", sdl: "type Query { a: Int }\ninput I { a: Int a: Int }",
            errors: [#"2:18 Field "I.a" can only be defined once."#]),
        InvalidSchemaCase(
            rule: "two schema definitions",
            sdl: "schema { query: Query }\nschema { query: Query }\ntype Query { a: Int }",
            errors: ["2:1 Must provide only one schema definition."]),
        InvalidSchemaCase(
            rule: "operations in a schema document", sdl: "type Query { a: Int }\n{ a }",
            errors: ["2:1 Operations are not allowed in a schema document."]),
        InvalidSchemaCase(
            rule: "extension of an undefined type", sdl: "type Query { a: Int }\nextend type Nope { b: Int }",
            errors: [#"2:13 Cannot extend type "Nope" because it is not defined."#]),
        InvalidSchemaCase(
            rule: "extension of another kind", sdl: "type Query { a: Int }\nextend enum Query { A }",
            errors: [#"2:13 Cannot extend non-enum type "Query"."#]),
        InvalidSchemaCase(
            rule: "query root missing", sdl: "type Foo { a: Int }", errors: ["Query root type must be provided."]),
        InvalidSchemaCase(
            rule: "schema definition without a query root", sdl: "schema { mutation: M }\ntype M { a: Int }",
            errors: ["1:1 Query root type must be provided."]),
        InvalidSchemaCase(
            rule: "root type that is not an object", sdl: "schema { query: Q }\ninput Q { a: Int }",
            errors: ["1:17 Query root type must be Object type, it cannot be Q."]),
        InvalidSchemaCase(
            rule: "mutation root that is not an object", sdl: "type Query { a: Int }\nenum Mutation { A }",
            errors: ["2:6 Mutation root type must be Object type, it cannot be Mutation."]),
        InvalidSchemaCase(
            rule: "unknown root type", sdl: "schema { query: Nope }", errors: [#"1:17 Unknown type "Nope"."#]),
        InvalidSchemaCase(
            rule: "root operation defined twice",
            sdl: "schema { query: Query }\nextend schema { query: Query }\ntype Query { a: Int }",
            errors: ["2:17 Type for query already defined in the schema. It cannot be redefined."]),
        InvalidSchemaCase(
            rule: "the same type for two roots", sdl: "schema { query: Query mutation: Query }\ntype Query { a: Int }",
            errors: [#"1:33 All root types must be different, "Query" type is used as query and mutation root types."#]),
        InvalidSchemaCase(
            rule: "type name starting with __", sdl: "type Query { a: __Foo }\ntype __Foo { a: Int }",
            errors: [#"2:6 Name "__Foo" must not begin with "__", which is reserved by GraphQL introspection."#]),
        InvalidSchemaCase(
            rule: "field name starting with __", sdl: "type Query { __a: Int }",
            errors: [#"1:14 Name "__a" must not begin with "__", which is reserved by GraphQL introspection."#]),
        InvalidSchemaCase(
            rule: "argument name starting with __", sdl: "type Query { a(__x: Int): Int }",
            errors: [#"1:16 Name "__x" must not begin with "__", which is reserved by GraphQL introspection."#]),
        InvalidSchemaCase(
            rule: "directive name starting with __", sdl: "directive @__d on FIELD\ntype Query { a: Int }",
            errors: [#"1:12 Name "__d" must not begin with "__", which is reserved by GraphQL introspection."#]),
        InvalidSchemaCase(
            rule: "object without fields", sdl: "type Query { a: Int }\ntype Empty",
            errors: ["2:6 Type Empty must define one or more fields."]),
        InvalidSchemaCase(
            rule: "interface without fields", sdl: "type Query { a: Int }\ninterface Empty",
            errors: ["2:11 Interface Empty must define one or more fields."]),
        InvalidSchemaCase(
            rule: "field of an input type", sdl: "type Query { a: In }\ninput In { x: Int }",
            errors: ["1:17 The type of Query.a must be Output Type but got: In."]),
        InvalidSchemaCase(
            rule: "argument of an output type", sdl: "type Query { a(o: [Query]): Int }",
            errors: ["1:19 The type of Query.a(o:) must be Input Type but got: [Query]."]),
        InvalidSchemaCase(
            rule: "input field of an output type", sdl: "type Query { a: Int }\ninput In { q: Query! }",
            errors: ["2:15 The type of In.q must be Input Type but got: Query!."]),
        InvalidSchemaCase(
            rule: "implementing a non-interface", sdl: "type Query implements Other { a: Int }\ntype Other { a: Int }",
            errors: ["1:23 Type Query must only implement Interface types, it cannot implement Other."]),
        InvalidSchemaCase(
            rule: "implementing an interface twice", sdl: "type Query implements I & I { a: Int }\ninterface I { a: Int }",
            errors: ["1:27 Type Query can only implement I once."]),
        InvalidSchemaCase(
            rule: "interface implementing itself", sdl: "type Query { a: Int }\ninterface I implements I { a: Int }",
            errors: ["2:24 Type I cannot implement itself because it would create a circular reference."]),
        InvalidSchemaCase(
            rule: "interfaces implementing each other",
            sdl: "type Query { a: Int }\ninterface I implements J { a: Int }\ninterface J implements I { a: Int }",
            errors: [
                "2:24 Type I cannot implement J because it would create a circular reference.",
                "3:24 Type J cannot implement I because it would create a circular reference.",
            ]),
        InvalidSchemaCase(
            rule: "transitive interface not declared",
            sdl: "type Query implements B { a: Int }\ninterface A { a: Int }\ninterface B implements A { a: Int }",
            errors: ["1:23 Type Query must implement A because it is implemented by B."]),
        InvalidSchemaCase(
            rule: "interface field missing", sdl: "type Query implements I { a: Int }\ninterface I { a: Int b: Int }",
            errors: ["2:22 Interface field I.b expected but Query does not provide it."]),
        InvalidSchemaCase(
            rule: "interface field of an incompatible type",
            sdl: "type Query implements I { a: String }\ninterface I { a: Int }",
            errors: ["2:18 Interface field I.a expects type Int but Query.a is type String."]),
        InvalidSchemaCase(
            rule: "interface field made nullable", sdl: "type Query implements I { a: Int }\ninterface I { a: Int! }",
            errors: ["2:18 Interface field I.a expects type Int! but Query.a is type Int."]),
        InvalidSchemaCase(
            rule: "interface field argument missing",
            sdl: "type Query implements I { a: Int }\ninterface I { a(x: Int): Int }",
            errors: ["2:17 Interface field argument I.a(x:) expected but Query.a does not provide it."]),
        InvalidSchemaCase(
            rule: "interface field argument of another type",
            sdl: "type Query implements I { a(x: Int!): Int }\ninterface I { a(x: Int): Int }",
            errors: ["2:20 Interface field argument I.a(x:) expects type Int but Query.a(x:) is type Int!."]),
        InvalidSchemaCase(
            rule: "extra required argument on an implementation",
            sdl: "type Query implements I { a(y: Int!): Int }\ninterface I { a: Int }",
            errors: ["1:29 Object field Query.a includes required argument y that is missing from the Interface field I.a."]),
        InvalidSchemaCase(
            rule: "union without members", sdl: "type Query { a: Int }\nunion U",
            errors: ["2:7 Union type U must define one or more member types."]),
        InvalidSchemaCase(
            rule: "union member that is not an object", sdl: "type Query { a: Int }\nunion U = Query | I\ninterface I { a: Int }",
            errors: ["2:19 Union type U can only include Object types, it cannot include I."]),
        InvalidSchemaCase(
            rule: "union member listed twice", sdl: "type Query { a: Int }\nunion U = Query | Query",
            errors: ["2:19 Union type U can only include type Query once."]),
        InvalidSchemaCase(
            rule: "enum without values", sdl: "type Query { a: Int }\nenum E",
            errors: ["2:6 Enum type E must define one or more values."]),
        InvalidSchemaCase(
            rule: "input object without fields", sdl: "type Query { a: Int }\ninput I",
            errors: ["2:7 Input Object type I must define one or more fields."]),
        InvalidSchemaCase(
            rule: "non-null input cycle", sdl: "type Query { a: Int }\ninput A { b: B! }\ninput B { a: A! }",
            errors: [#"2:11 Cannot reference Input Object "A" within itself through a series of non-null fields: "b.a"."#]),
        InvalidSchemaCase(
            rule: "non-null input self reference", sdl: "type Query { a: Int }\ninput A { self: A! }",
            errors: [#"2:11 Cannot reference Input Object "A" within itself through a series of non-null fields: "self"."#]),
        InvalidSchemaCase(
            rule: "oneOf field that is non-null", sdl: "type Query { a: Int }\ninput O @oneOf { a: Int! b: Int }",
            errors: ["2:21 OneOf input field O.a must be nullable."]),
        InvalidSchemaCase(
            rule: "oneOf field with a default", sdl: "type Query { a: Int }\ninput O @oneOf { a: Int = 1 b: Int }",
            errors: ["2:18 OneOf input field O.a cannot have a default value."]),
        InvalidSchemaCase(
            rule: "required argument deprecated", sdl: "type Query { a(x: Int! @deprecated): Int }",
            errors: ["1:16 Required argument Query.a(x:) cannot be deprecated."]),
        InvalidSchemaCase(
            rule: "required input field deprecated", sdl: "type Query { a: Int }\ninput I { x: Int! @deprecated }",
            errors: ["2:11 Required input field I.x cannot be deprecated."]),
        InvalidSchemaCase(
            rule: "directive argument of an output type", sdl: "directive @d(q: Query) on FIELD\ntype Query { a: Int }",
            errors: ["1:17 The type of @d(q:) must be Input Type but got: Query."]),
        InvalidSchemaCase(
            rule: "directive referencing itself on an argument",
            sdl: "directive @d(a: Int @d) on ARGUMENT_DEFINITION\ntype Query { a: Int }",
            errors: [#"1:12 Directive "@d" must not reference itself, directly or through the types of its arguments."#]),
        InvalidSchemaCase(
            rule: "directive referencing itself through an input type and another directive",
            sdl: "directive @d(a: In) on INPUT_FIELD_DEFINITION | ARGUMENT_DEFINITION\ninput In { x: Int @e }\ndirective @e(b: Int @d) on INPUT_FIELD_DEFINITION\ntype Query { a: Int }",
            errors: [
                #"1:12 Directive "@d" must not reference itself, directly or through the types of its arguments."#,
                #"3:12 Directive "@e" must not reference itself, directly or through the types of its arguments."#,
            ]),
        InvalidSchemaCase(
            rule: "unknown applied directive", sdl: "type Query { a: Int @nope }",
            errors: [#"1:21 Unknown directive "@nope"."#]),
        InvalidSchemaCase(
            rule: "directive in a wrong location", sdl: "type Query @deprecated { a: Int }",
            errors: [#"1:12 Directive "@deprecated" may not be used on OBJECT."#]),
        InvalidSchemaCase(
            rule: "non-repeatable directive repeated", sdl: "type Query { a: Int @deprecated @deprecated }",
            errors: [#"1:21 The directive "@deprecated" can only be used once at this location."#]),
        InvalidSchemaCase(
            rule: "non-repeatable directive repeated through an extension",
            sdl: "directive @d on OBJECT\ntype Query @d { a: Int }\nextend type Query @d",
            errors: [#"2:12 The directive "@d" can only be used once at this location."#]),
        InvalidSchemaCase(
            rule: "unknown directive argument", sdl: "type Query { a: Int @deprecated(why: \"x\") }",
            errors: [#"1:33 Unknown argument "why" on directive "@deprecated"."#]),
        InvalidSchemaCase(
            rule: "missing required directive argument", sdl: "type Query { a: Int }\nscalar S @specifiedBy",
            errors: [#"2:10 Argument "@specifiedBy(url:)" of type "String!" is required, but it was not provided."#]),
        InvalidSchemaCase(
            rule: "directive argument of the wrong type", sdl: "type Query { a: Int @deprecated(reason: 3) }",
            errors: [#"1:41 Invalid value for argument "@deprecated(reason:)": String cannot represent a non string value: 3"#]),
        InvalidSchemaCase(
            rule: "invalid argument default", sdl: "type Query { a(x: Int = \"no\"): Int }",
            errors: [#"1:25 Argument "Query.a(x:)" has invalid default value: Int cannot represent non-integer value: "no""#]),
        InvalidSchemaCase(
            rule: "invalid input field default inside an object",
            sdl: "type Query { a: Int }\ninput I { x: J = {n: 1.5} }\ninput J { n: Int }",
            errors: [#"2:22 Input field "I.x" has invalid default value at "value.n": Int cannot represent non-integer value: 1.5"#]),
        InvalidSchemaCase(
            rule: "invalid enum default", sdl: "type Query { a(e: E = C): Int }\nenum E { A B }",
            errors: [
                #"1:23 Argument "Query.a(e:)" has invalid default value: Value "C" does not exist in "E" enum. "#
                    + #"Did you mean the enum value "A" or "B"?"#
            ]),
        InvalidSchemaCase(
            rule: "invalid directive argument default", sdl: "directive @d(n: Int! = null) on FIELD\ntype Query { a: Int }",
            errors: [#"1:24 Argument "@d(n:)" has invalid default value: Expected value of type "Int!", found null."#]),
    ]

    @Test("each type system rule rejects what it forbids, at the offending node", arguments: invalidCases)
    func invalidSchemas(_ testCase: InvalidSchemaCase) {
        #expect(schemaErrors(testCase.sdl) == testCase.errors)
    }

    static let validSDL: [String] = [
        "type Query { a: Int }",
        "type Query implements I { a(x: Int, y: Int = 1, z: Int): Int! }\ninterface I { a(x: Int): Int }",
        "type Query implements I & J { a: Dog }\ninterface J { a: Animal }\ninterface I implements J { a: Animal }\ninterface Animal { n: Int }\ntype Dog implements Animal { n: Int }",
        "type Query { u: U! }\nunion U = Query | Other\ntype Other { b: [U] }",
        "type Query implements I { a: [Int!]! }\ninterface I { a: [Int] }",
        "type Query { a: Int }\ninput A { b: B }\ninput B { a: A! }",
        "type Query { a: Int }\ninput A { list: [A!]! }",
        "type Query { a(o: O): Int }\ninput O @oneOf { a: Int b: String }",
        "directive @d(n: Int = 1, s: [String!] = [\"a\"]) repeatable on FIELD_DEFINITION | OBJECT\ntype Query @d @d { a: Int @d(n: 2) @d }",
        "type Query { a(x: Int! = 1 @deprecated): Int }",
        "type Query { a(l: [Int] = 1, i: In = {a: 1}, f: Float = 1, id: ID = 12, e: E = A): Int }\ninput In { a: Int b: Int = 2 }\nenum E { A }",
        "schema { query: Root }\ntype Root { a: Int }\ntype Query { b: Int }",
        "\"desc\" schema { query: Q }\ntype Q { a: Int }",
        "type Query { a: Int }\nextend schema { mutation: M }\ntype M { b: Int }",
        "scalar DateTime @specifiedBy(url: \"https://tools.ietf.org/html/rfc3339\")\ntype Query { at(t: DateTime = \"2024-01-01T00:00:00Z\"): DateTime }",
    ]

    @Test("schemas that follow every rule build", arguments: validSDL)
    func validSchemas(_ sdl: String) throws {
        _ = try buildSchema(sdl)
    }

    @Test("all problems are reported together, in source order")
    func reportsAllProblems() {
        let errors = schemaErrors("type Query { a: X b: Y }\nenum E")
        #expect(errors == [#"1:17 Unknown type "X"."#, #"1:22 Unknown type "Y"."#, "2:6 Enum type E must define one or more values."])
    }
}
