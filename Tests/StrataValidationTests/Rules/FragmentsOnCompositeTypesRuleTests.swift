import StrataValidation
import Testing

@Suite("FragmentsOnCompositeTypesRule")
struct FragmentsOnCompositeTypesRuleTests {
    let rules: [any ValidationRule] = [FragmentsOnCompositeTypesRule()]

    @Test("objects, interfaces and unions may be type conditions")
    func compositeConditions() {
        expectValid("fragment F on Dog { name }\nfragment G on CatOrDog { ... on Pet { name } }", rules: rules)
    }

    @Test("a fragment on a scalar is reported at the type condition")
    func scalarFragment() {
        expectErrors(
            "fragment F on Boolean { x }",
            [("Fragment \"F\" cannot condition on non composite type \"Boolean\".", [(1, 15)])], rules: rules)
    }

    @Test("an inline fragment on an enum is reported at the type condition")
    func enumInlineFragment() {
        expectErrors(
            "fragment G on Dog { ... on FurColor { x } }",
            [("Fragment cannot condition on non composite type \"FurColor\".", [(1, 28)])], rules: rules)
    }
}
