import StrataValidation
import Testing

@Suite("NoUnusedFragmentsRule")
struct NoUnusedFragmentsRuleTests {
    let rules: [any ValidationRule] = [NoUnusedFragmentsRule()]

    @Test("fragments reached directly or through other fragments are used")
    func used() {
        expectValid("{ dog { ...A } }\nfragment A on Dog { ...B }\nfragment B on Dog { name }", rules: rules)
    }

    @Test("fragments no operation reaches are reported, even when another unused fragment spreads them")
    func unused() {
        expectErrors(
            """
            { dog { ...A } }
            fragment A on Dog { name }
            fragment C on Dog { name }
            fragment D on Dog { ...C }
            """,
            [
                ("Fragment \"C\" is never used.", [(3, 1)]),
                ("Fragment \"D\" is never used.", [(4, 1)]),
            ], rules: rules)
    }
}
