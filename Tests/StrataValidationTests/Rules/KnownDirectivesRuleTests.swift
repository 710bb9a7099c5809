import StrataValidation
import Testing

@Suite("KnownDirectivesRule")
struct KnownDirectivesRuleTests {
    let rules: [any ValidationRule] = [KnownDirectivesRule()]

    @Test("known directives in their declared locations are fine")
    func known() {
        expectValid(
            """
            query Q($v: Int @onVariableDefinition) @onQuery {
              dog @include(if: true) { name @onField ...F @onFragmentSpread ... on Dog @onInlineFragment { barks } }
            }
            fragment F on Dog @onFragmentDefinition { name }
            """,
            rules: rules)
        expectValid("mutation M @onMutation { renameDog(name: \"x\") { name } }", rules: rules)
    }

    @Test("an unknown directive is reported at the directive")
    func unknown() {
        expectErrors("{ dog @unknown { name } }", [("Unknown directive \"@unknown\".", [(1, 7)])], rules: rules)
    }

    @Test("a directive in a location it does not declare is reported with the location's name")
    func misplaced() {
        expectErrors(
            "{ dog { name @onQuery } }", [("Directive \"@onQuery\" may not be used on FIELD.", [(1, 14)])],
            rules: rules)
        expectErrors(
            "mutation M @onQuery { renameDog(name: \"x\") { name } }",
            [("Directive \"@onQuery\" may not be used on MUTATION.", [(1, 12)])], rules: rules)
    }
}
