import StrataValidation
import Testing

@Suite("UniqueInputFieldNamesRule")
struct UniqueInputFieldNamesRuleTests {
    let rules: [any ValidationRule] = [UniqueInputFieldNamesRule()]

    @Test("distinct input fields, also in nested objects, are fine")
    func distinct() {
        expectValid(
            "{ complicatedArgs { complexArgField(complexArg: {requiredField: true, nested: {requiredField: true}}) } }",
            rules: rules)
    }

    @Test("a repeated input field is reported at both names")
    func repeated() {
        expectErrors(
            "{ complicatedArgs { complexArgField(complexArg: {requiredField: true, requiredField: false}) } }",
            [("There can be only one input field named \"requiredField\".", [(1, 50), (1, 71)])], rules: rules)
    }
}
