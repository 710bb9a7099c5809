import StrataValidation
import Testing

@Suite("UniqueDirectivesPerLocationRule")
struct UniqueDirectivesPerLocationRuleTests {
    let rules: [any ValidationRule] = [UniqueDirectivesPerLocationRule()]

    @Test("distinct directives, and repeatable ones, are fine")
    func valid() {
        expectValid("{ dog @onField @include(if: true) { name @repeatableOnField @repeatableOnField } }", rules: rules)
    }

    @Test("a repeated non-repeatable directive is reported at both uses")
    func repeated() {
        expectErrors(
            "{ dog @onField @onField { name } }",
            [("The directive \"@onField\" can only be used once at this location.", [(1, 7), (1, 16)])],
            rules: rules)
    }
}
