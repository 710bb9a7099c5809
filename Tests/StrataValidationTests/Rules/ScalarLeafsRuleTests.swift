import StrataValidation
import Testing

@Suite("ScalarLeafsRule")
struct ScalarLeafsRuleTests {
    let rules: [any ValidationRule] = [ScalarLeafsRule()]

    @Test("leaves without selections and objects with them are fine")
    func valid() {
        expectValid("{ dog { barks mother { name } } catOrDog { __typename } }", rules: rules)
    }

    @Test("an object field without a selection is reported at the field")
    func missingSelection() {
        expectErrors(
            "{ dog }",
            [("Field \"dog\" of type \"Dog\" must have a selection of subfields. Did you mean \"dog { ... }\"?", [(1, 3)])],
            rules: rules)
        expectErrors(
            "{ human { pets } }",
            [("Field \"pets\" of type \"[Pet]\" must have a selection of subfields.", [(1, 11)])], rules: rules)
    }

    @Test("a selection on a scalar is reported at the selection set")
    func selectionOnScalar() {
        expectErrors(
            "{ dog { barks { sinceWhen } } }",
            [("Field \"barks\" must not have a selection since type \"Boolean\" has no subfields.", [(1, 15)])],
            rules: rules)
    }
}
