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

    @Test("introspection root fields exist only on the query root")
    func metaFieldsOffRoot() {
        expectErrors("{ dog { __schema { queryType { name } } } }", [("Cannot query field \"__schema\" on type \"Dog\".", [(1, 9)])], rules: rules)
    }
}
