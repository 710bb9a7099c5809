import StrataValidation
import Testing

@Suite("UniqueArgumentNamesRule")
struct UniqueArgumentNamesRuleTests {
    let rules: [any ValidationRule] = [UniqueArgumentNamesRule()]

    @Test("distinct arguments are fine")
    func distinct() {
        expectValid("{ dog { isAtLocation(x: 1, y: 2) @include(if: true) } }", rules: rules)
    }

    @Test("a repeated field argument is reported at every occurrence")
    func repeatedFieldArgument() {
        expectErrors(
            "{ dog { isAtLocation(x: 1, x: 2) } }",
            [("There can be only one argument named \"x\".", [(1, 22), (1, 28)])], rules: rules)
    }

    @Test("a repeated directive argument is reported at every occurrence")
    func repeatedDirectiveArgument() {
        expectErrors(
            "{ dog @include(if: true, if: false) { name } }",
            [("There can be only one argument named \"if\".", [(1, 16), (1, 26)])], rules: rules)
    }
}
