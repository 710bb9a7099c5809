import StrataValidation
import Testing

@Suite("VariablesAreInputTypesRule")
struct VariablesAreInputTypesRuleTests {
    let rules: [any ValidationRule] = [VariablesAreInputTypesRule()]

    @Test("scalars, lists and input objects are input types")
    func inputTypes() {
        expectValid("query Q($a: String, $b: [Boolean!]!, $c: ComplexInput) { dog { name } }", rules: rules)
    }

    @Test("output types are reported at the variable's type")
    func outputTypes() {
        expectErrors(
            "query Q($a: Dog, $b: [[CatOrDog!]]!) { dog { name } }",
            [
                ("Variable \"$a\" cannot be non-input type \"Dog\".", [(1, 13)]),
                ("Variable \"$b\" cannot be non-input type \"[[CatOrDog!]]!\".", [(1, 22)]),
            ], rules: rules)
    }
}
