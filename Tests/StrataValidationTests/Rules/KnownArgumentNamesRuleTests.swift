import StrataValidation
import Testing

@Suite("KnownArgumentNamesRule")
struct KnownArgumentNamesRuleTests {
    let rules: [any ValidationRule] = [KnownArgumentNamesRule()]

    @Test("declared arguments of fields and directives are fine")
    func known() {
        expectValid(
            "{ dog { doesKnowCommand(dogCommand: SIT) isHouseTrained(atOtherHomes: true) @include(if: true) } }",
            rules: rules)
    }

    @Test("an unknown field argument is reported at the argument, with a suggestion")
    func unknownFieldArgument() {
        expectErrors(
            "{ dog { doesKnowCommand(command: SIT) } }",
            [("Unknown argument \"command\" on field \"Dog.doesKnowCommand\". Did you mean \"dogCommand\"?", [(1, 25)])],
            rules: rules)
    }

    @Test("an unknown directive argument is reported at the argument")
    func unknownDirectiveArgument() {
        expectErrors(
            "{ dog { name @include(unless: false, if: true) } }",
            [("Unknown argument \"unless\" on directive \"@include\".", [(1, 23)])], rules: rules)
    }
}
