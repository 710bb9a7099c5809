import StrataSchema
import StrataValidation
import Testing

@Suite("FieldsOnCorrectTypeRule")
struct FieldsOnCorrectTypeRuleTests {
    let rules: [any ValidationRule] = [FieldsOnCorrectTypeRule()]

    @Test("declared fields, meta-fields and fields inside type conditions are fine")
    func valid() {
        expectValid(
            "{ __typename dog { name __typename ... on Dog { barks } } catOrDog { __typename ... on Cat { meows } } }",
            rules: rules)
        expectValid("{ __schema { queryType { name } } __type(name: \"Dog\") { name } }", rules: rules)
    }

    @Test("an undeclared field is reported at the field")
    func unknownField() {
        expectErrors("{ dog { meows } }", [("Cannot query field \"meows\" on type \"Dog\".", [(1, 9)])], rules: rules)
    }

    @Test("a close field name is suggested")
    func suggestsFieldName() {
        expectErrors("{ dog { nam } }", [("Cannot query field \"nam\" on type \"Dog\". Did you mean \"name\"?", [(1, 9)])], rules: rules)
    }

    @Test("a field on a union suggests the types that declare it")
    func suggestsInlineFragment() {
        expectErrors(
            "{ catOrDog { name } }",
            [("Cannot query field \"name\" on type \"CatOrDog\". Did you mean to use an inline fragment on \"Pet\"", [(1, 14)])],
            rules: rules)
    }

    @Test("type suggestions put wider types first, an interface before its implementations, then names in order")
    func suggestionOrder() throws {
        let schema = try Schema.build(
            sdl: """
                type Query { box: Box }
                interface Box { id: ID }
                interface Labelled { label: String }
                interface Tagged { label: String }
                interface Named { label: String }
                type Crate implements Box & Labelled & Tagged { id: ID label: String }
                type Bag implements Box & Labelled { id: ID label: String }
                type Anvil implements Box { id: ID label: String }
                type Zebra implements Box & Tagged & Named { id: ID label: String }
                """)
        // Labelled and Tagged each cover two of the types, so they come first. Named covers one, like each object
        // type, so it takes its place by name: after Anvil, Bag and Crate (graphql-js 16's order).
        expectErrors(
            "{ box { label } }",
            [("Cannot query field \"label\" on type \"Box\". Did you mean to use an inline fragment on "
                + "\"Labelled\", \"Tagged\", \"Anvil\", \"Bag\", or \"Crate\"?", [(1, 9)])],
            rules: rules, schema: schema)
    }

    @Test("introspection root fields exist only on the query root")
    func metaFieldsOffRoot() {
        expectErrors("{ dog { __schema { queryType { name } } } }", [("Cannot query field \"__schema\" on type \"Dog\".", [(1, 9)])], rules: rules)
    }
}
