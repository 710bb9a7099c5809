import StrataLanguage
import StrataValidation
import Testing

@Suite("Strata limit rules")
struct LimitRulesTests {
    @Test("depth counts nested fields through fragments")
    func depth() {
        expectValid("{ dog { mother { name } } }", rules: [MaxDepthRule(maxDepth: 3)])
        expectErrors(
            "{ dog { mother { name } } }", [("has a depth of 3, which exceeds the maximum depth of 2.", [(1, 1)])],
            rules: [MaxDepthRule(maxDepth: 2)], code: .tooComplex)
        expectErrors(
            "query Deep { dog { ...F } }\nfragment F on Dog { mother { father { name } } }",
            [("Operation \"Deep\" has a depth of 4", [(1, 1)])], rules: [MaxDepthRule(maxDepth: 3)], code: .tooComplex)
    }

    @Test("introspection fields do not count towards depth unless asked")
    func depthIgnoresIntrospection() {
        let query = "{ __schema { types { fields { type { ofType { name } } } } } }"
        expectValid(query, rules: [MaxDepthRule(maxDepth: 1)])
        #expect(validationErrors(query, rules: [MaxDepthRule(maxDepth: 1, countsIntrospection: true)]).count == 1)
    }

    @Test("aliases are counted once per spread of their fragment")
    func aliases() {
        let query = "{ a: dog { name } ...F ...F }\nfragment F on QueryRoot { c: dog { name } }"
        expectValid(query, rules: [MaxAliasesRule(maxAliases: 3)])
        expectErrors(
            query, [("uses 3 aliases, which exceeds the maximum of 2.", [(1, 1)])], rules: [MaxAliasesRule(maxAliases: 2)],
            code: .tooComplex)
    }

    @Test("cost multiplies list selections by their first argument")
    func costWithFirst() {
        let query = "{ dogs(first: 10) { name barks } }"  // 1 + 10 × 2
        expectValid(query, rules: [MaxComplexityRule(maxCost: 21)])
        expectErrors(
            query, [("has a cost of 21, which exceeds the maximum cost of 20.", [(1, 1)])],
            rules: [MaxComplexityRule(maxCost: 20)], code: .tooComplex)
    }

    @Test("a list without first counts the default size, and a variable counts its default")
    func costDefaults() {
        expectErrors(
            "{ dogs { name } }", [("has a cost of 101,", [(1, 1)])], rules: [MaxComplexityRule(maxCost: 100)],
            code: .tooComplex)
        expectErrors(
            "query Q($n: Int = 5) { dogs(first: $n) { name } }", [("has a cost of 6,", [(1, 1)])],
            rules: [MaxComplexityRule(maxCost: 5)], code: .tooComplex)
        expectValid("{ dog { mother { name } } }", rules: [MaxComplexityRule(maxCost: 3)])
    }

    @Test("an invalid document gets only the specification's errors, even where it is also over a limit")
    func limitsOnlyForValidDocuments() {
        let rules = specifiedRules + [MaxComplexityRule(maxCost: 1_000), MaxDepthRule(maxDepth: 1)]
        // 3000000000 is no Int: the one error is the literal's, not the cost it would give.
        let errors = validationErrors("{ dogs(first: 3000000000) { name } }", rules: rules)
        #expect(errors.map(\.code) == [.validationFailed])
        #expect(errors.first?.message.contains("Int cannot represent non 32-bit signed integer value") == true)
        // The same query with a valid first is over both limits, and gets both limit errors.
        let limited = validationErrors("{ dogs(first: 2000) { name } }", rules: rules)
        #expect(limited.map(\.code) == [.tooComplex, .tooComplex])
    }

    @Test("limit rules are not among the specified rules")
    func notSpecified() {
        #expect(!specifiedRules.contains { $0 is MaxDepthRule || $0 is MaxAliasesRule || $0 is MaxComplexityRule })
        #expect(strataLimitRules.count == 3)
    }
}
