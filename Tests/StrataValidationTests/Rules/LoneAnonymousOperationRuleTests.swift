import StrataValidation
import Testing

@Suite("LoneAnonymousOperationRule")
struct LoneAnonymousOperationRuleTests {
    let rules: [any ValidationRule] = [LoneAnonymousOperationRule()]

    @Test("one anonymous operation, or several named ones, are fine")
    func valid() {
        expectValid("{ dog { name } }\nfragment F on Dog { name }", rules: rules)
        expectValid("query A { dog { name } }\nquery B { dog { name } }", rules: rules)
    }

    @Test("an anonymous operation beside another operation is reported")
    func anonymousWithOthers() {
        expectErrors(
            "{ dog { name } }\nquery B { dog { name } }",
            [("This anonymous operation must be the only defined operation.", [(1, 1)])], rules: rules)
    }

    @Test("two anonymous operations are both reported")
    func twoAnonymous() {
        expectErrors(
            "{ dog { name } }\n{ cat { name } }",
            [
                ("This anonymous operation must be the only defined operation.", [(1, 1)]),
                ("This anonymous operation must be the only defined operation.", [(2, 1)]),
            ], rules: rules)
    }
}
