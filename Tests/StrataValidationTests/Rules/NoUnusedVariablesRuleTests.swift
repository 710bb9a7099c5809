import StrataValidation
import Testing

@Suite("NoUnusedVariablesRule")
struct NoUnusedVariablesRuleTests {
    let rules: [any ValidationRule] = [NoUnusedVariablesRule()]

    @Test("variables used directly, in directives or in spread fragments count as used")
    func used() {
        expectValid(
            "query Q($a: Int, $b: Boolean!) { dog @include(if: $b) { ...F } }\nfragment F on Dog { isAtLocation(x: $a) }",
            rules: rules)
    }

    @Test("an unused variable is reported at its definition")
    func unused() {
        expectErrors(
            "query Q($a: Int, $b: Int) { dog { isAtLocation(x: $a) } }",
            [("Variable \"$b\" is never used in operation \"Q\".", [(1, 18)])], rules: rules)
    }

    @Test("a use in a fragment the operation does not spread does not count")
    func usedOnlyElsewhere() {
        expectErrors(
            "query Q($a: Int) { dog { name } }\nquery R($a: Int) { dog { ...F } }\nfragment F on Dog { isAtLocation(x: $a) }",
            [("Variable \"$a\" is never used in operation \"Q\".", [(1, 9)])], rules: rules)
    }
}
