import StrataLanguage
import StrataSchema
import StrataValidation
import Testing

/// One expected error: a substring of its message and its locations as (line, column).
typealias ExpectedError = (message: String, locations: [(Int, Int)])

/// Parses `query` and validates it; a syntax error is recorded as a test issue.
func validationErrors(
    _ query: String, rules: [any ValidationRule] = specifiedRules, schema: Schema = testSchema,
    sourceLocation: Testing.SourceLocation = #_sourceLocation
) -> [GraphQLError] {
    let source = Source(query)
    do {
        let document = try parse(source)
        return validate(document, schema: schema, source: source, rules: rules)
    } catch {
        Issue.record("the test query does not parse: \(error)", sourceLocation: sourceLocation)
        return []
    }
}

/// Expects the document to pass `rules` without errors.
func expectValid(
    _ query: String, rules: [any ValidationRule] = specifiedRules, schema: Schema = testSchema,
    sourceLocation: Testing.SourceLocation = #_sourceLocation
) {
    let errors = validationErrors(query, rules: rules, schema: schema, sourceLocation: sourceLocation)
    #expect(errors.isEmpty, "unexpected errors: \(errors.map(\.description))", sourceLocation: sourceLocation)
}

/// Expects exactly the given errors, in order: each message contains the substring and has exactly those locations.
func expectErrors(
    _ query: String, _ expected: [ExpectedError], rules: [any ValidationRule] = specifiedRules,
    schema: Schema = testSchema, code: ErrorCode = .validationFailed,
    sourceLocation: Testing.SourceLocation = #_sourceLocation
) {
    let errors = validationErrors(query, rules: rules, schema: schema, sourceLocation: sourceLocation)
    let describe = errors.map { "\($0.message) @ \($0.locations.map(\.description).joined(separator: ", "))" }
    guard errors.count == expected.count else {
        Issue.record(
            "expected \(expected.count) errors, got \(errors.count):\n\(describe.joined(separator: "\n"))",
            sourceLocation: sourceLocation)
        return
    }
    for (error, want) in zip(errors, expected) {
        #expect(
            error.message.contains(want.message), "message \"\(error.message)\" lacks \"\(want.message)\"",
            sourceLocation: sourceLocation)
        let locations = error.locations.map { [$0.line, $0.column] }
        #expect(
            locations == want.locations.map { [$0.0, $0.1] }, "locations of \"\(error.message)\"",
            sourceLocation: sourceLocation)
        #expect(error.code == code, sourceLocation: sourceLocation)
    }
}
