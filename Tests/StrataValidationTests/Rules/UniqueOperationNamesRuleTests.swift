import StrataValidation
import Testing

@Suite("UniqueOperationNamesRule")
struct UniqueOperationNamesRuleTests {
    let rules: [any ValidationRule] = [UniqueOperationNamesRule()]

    @Test("differently named operations and an anonymous one are fine")
    func distinctNames() {
        expectValid("query A { dog { name } }\nquery B { dog { name } }", rules: rules)
        expectValid("{ dog { name } }", rules: rules)
    }

    @Test("a repeated name is reported at both names, whatever the operation kinds")
    func repeatedName() {
        expectErrors(
            "query A { dog { name } }\nmutation A { renameDog(name: \"x\") { name } }",
            [("There can be only one operation named \"A\".", [(1, 7), (2, 10)])], rules: rules)
    }
}
