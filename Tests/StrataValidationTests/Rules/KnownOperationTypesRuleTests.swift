import StrataSchema
import StrataValidation
import Testing

@Suite("KnownOperationTypesRule")
struct KnownOperationTypesRuleTests {
    let rules: [any ValidationRule] = [KnownOperationTypesRule()]

    @Test("operations whose root types exist are fine")
    func supported() {
        expectValid(
            "query Q { dog { name } }\nmutation M { renameDog(name: \"x\") { name } }\nsubscription S { newMessage { body } }",
            rules: rules)
    }

    @Test("a mutation or subscription against a schema without that root type is reported at the operation")
    func unsupported() throws {
        let queryOnly = try Schema.build(sdl: "type Query { a: Int }")
        expectValid("{ a }", rules: rules, schema: queryOnly)
        expectErrors(
            "mutation M { a }\nsubscription S { a }",
            [
                ("The mutation operation is not supported by the schema.", [(1, 1)]),
                ("The subscription operation is not supported by the schema.", [(2, 1)]),
            ], rules: rules, schema: queryOnly)
    }
}
