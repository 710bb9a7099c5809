import StrataValidation
import Testing

@Suite("UniqueVariableNamesRule")
struct UniqueVariableNamesRuleTests {
    let rules: [any ValidationRule] = [UniqueVariableNamesRule()]

    @Test("distinct variable names are fine, also across operations")
    func distinct() {
        expectValid("query Q($a: Int, $b: Int) { dog { name } }\nquery R($a: Int) { dog { name } }", rules: rules)
    }

    @Test("a repeated variable is reported once, at the name of every definition of it")
    func repeated() {
        expectErrors(
            "query Q($a: Int, $b: Int, $a: String) { dog { name } }",
            [("There can be only one variable named \"$a\".", [(1, 10), (1, 28)])], rules: rules)
    }
}
