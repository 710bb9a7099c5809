import StrataValidation
import Testing

@Suite("KnownFragmentNamesRule")
struct KnownFragmentNamesRuleTests {
    let rules: [any ValidationRule] = [KnownFragmentNamesRule()]

    @Test("spreads of defined fragments are fine, wherever the fragment is defined")
    func known() {
        expectValid("{ dog { ...A } }\nfragment A on Dog { ...B }\nfragment B on Dog { name }", rules: rules)
    }

    @Test("a spread of an undefined fragment is reported at its name")
    func unknown() {
        expectErrors("{ dog { ...Missing } }", [("Unknown fragment \"Missing\".", [(1, 12)])], rules: rules)
    }
}
