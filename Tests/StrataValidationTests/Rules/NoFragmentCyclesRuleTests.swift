import StrataValidation
import Testing

@Suite("NoFragmentCyclesRule")
struct NoFragmentCyclesRuleTests {
    let rules: [any ValidationRule] = [NoFragmentCyclesRule()]

    @Test("a chain of spreads without a cycle is fine, as is spreading one fragment twice")
    func acyclic() {
        expectValid("{ dog { ...A } }\nfragment A on Dog { ...B ...B }\nfragment B on Dog { name }", rules: rules)
    }

    @Test("a fragment spreading itself is reported at the spread")
    func selfSpread() {
        expectErrors(
            "fragment A on Dog { ...A }", [("Cannot spread fragment \"A\" within itself.", [(1, 21)])], rules: rules)
    }

    @Test("a longer cycle is reported once, at every spread along it")
    func longerCycle() {
        expectErrors(
            "fragment A on Dog { ...B }\nfragment B on Dog { ...C }\nfragment C on Dog { ...A }",
            [("Cannot spread fragment \"A\" within itself via \"B\", \"C\".", [(1, 21), (2, 21), (3, 21)])],
            rules: rules)
    }
}
