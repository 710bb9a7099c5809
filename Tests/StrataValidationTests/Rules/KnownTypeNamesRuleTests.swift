import StrataValidation
import Testing

@Suite("KnownTypeNamesRule")
struct KnownTypeNamesRuleTests {
    let rules: [any ValidationRule] = [KnownTypeNamesRule()]

    @Test("known types in variables and type conditions are fine")
    func knownTypes() {
        expectValid(
            "query Q($a: String, $b: [ComplexInput!]) { dog { ... on Dog { name } } }\nfragment F on Pet { name }",
            rules: rules)
    }

    @Test("unknown types are reported at the name, with a suggestion")
    func unknownTypes() {
        expectErrors(
            "query Q($a: Strin) { dog { ... on Doge { name } } }\nfragment F on Peat { name }",
            [
                ("Unknown type \"Strin\". Did you mean \"String\"?", [(1, 13)]),
                ("Unknown type \"Doge\". Did you mean \"Dog\"", [(1, 35)]),
                ("Unknown type \"Peat\". Did you mean \"Pet\"", [(2, 15)]),
            ], rules: rules)
    }
}
