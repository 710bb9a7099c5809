import StrataValidation
import Testing

@Suite("ProvidedRequiredArgumentsRule")
struct ProvidedRequiredArgumentsRuleTests {
    let rules: [any ValidationRule] = [ProvidedRequiredArgumentsRule()]

    @Test("required arguments given, and non-null arguments with defaults omitted, are fine")
    func valid() {
        expectValid(
            "{ complicatedArgs { multipleReqs(req1: 1, req2: 2) nonNullFieldWithDefault multipleOpts } dog { name @include(if: true) } }",
            rules: rules)
    }

    @Test("a missing required field argument is reported at the field")
    func missingFieldArgument() {
        expectErrors(
            "{ complicatedArgs { multipleReqs(req1: 1) } }",
            [("Field \"multipleReqs\" argument \"req2\" of type \"Int!\" is required, but it was not provided.", [(1, 21)])],
            rules: rules)
    }

    @Test("a missing required directive argument is reported at the directive")
    func missingDirectiveArgument() {
        expectErrors(
            "{ dog { name @include } }",
            [("Directive \"@include\" argument \"if\" of type \"Boolean!\" is required, but it was not provided.", [(1, 14)])],
            rules: rules)
    }
}
