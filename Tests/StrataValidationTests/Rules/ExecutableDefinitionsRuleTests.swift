import StrataValidation
import Testing

@Suite("ExecutableDefinitionsRule")
struct ExecutableDefinitionsRuleTests {
    let rules: [any ValidationRule] = [ExecutableDefinitionsRule()]

    @Test("operations and fragments are executable")
    func operationsAndFragments() {
        expectValid("query Foo { dog { name } }\nfragment F on Dog { name }", rules: rules)
    }

    @Test("type definitions, extensions and schema definitions are reported at the definition")
    func typeSystemDefinitions() {
        expectErrors(
            """
            query Foo { dog { name } }
            type Cow { name: String }
            extend type Dog { color: String }
            schema { query: QueryRoot }
            """,
            [
                ("The \"Cow\" definition is not executable.", [(2, 1)]),
                ("The \"Dog\" definition is not executable.", [(3, 1)]),
                ("The schema definition is not executable.", [(4, 1)]),
            ],
            rules: rules)
    }
}
