import StrataValidation
import Testing

@Suite("UniqueFragmentNamesRule")
struct UniqueFragmentNamesRuleTests {
    let rules: [any ValidationRule] = [UniqueFragmentNamesRule()]

    @Test("distinct fragment names are fine")
    func distinct() {
        expectValid("{ dog { ...A ...B } }\nfragment A on Dog { name }\nfragment B on Dog { barks }", rules: rules)
    }

    @Test("a repeated fragment name is reported at both names")
    func repeated() {
        expectErrors(
            "{ dog { ...A } }\nfragment A on Dog { name }\nfragment A on Dog { barks }",
            [("There can be only one fragment named \"A\".", [(2, 10), (3, 10)])], rules: rules)
    }
}
