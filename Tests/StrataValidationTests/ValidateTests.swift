import Foundation
import StrataLanguage
import StrataSchema
import StrataValidation
import Testing

@Suite("validate")
struct ValidateTests {
    /// The shared benchmark corpus: `$STRATA_BENCH_CORPUS`, else `shared/bench/` beside the repository (found from
    /// this file: Tests/StrataValidationTests/ → ../../../shared/bench/), else `/work/shared/bench` (where this
    /// team's machines keep it, for a clone made elsewhere, e.g. in /tmp). Same lookup as StrataLanguageTests'.
    static let benchDirectory: URL = {
        if let path = ProcessInfo.processInfo.environment["STRATA_BENCH_CORPUS"], !path.isEmpty {
            return URL(fileURLWithPath: path)
        }
        let beside = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().appendingPathComponent("../../../shared/bench/").standardized
        if FileManager.default.fileExists(atPath: beside.path) { return beside }
        return URL(fileURLWithPath: "/work/shared/bench/")
    }()

    static func benchFile(_ name: String) throws -> String {
        try String(contentsOf: benchDirectory.appendingPathComponent(name), encoding: .utf8)
    }

    @Test("the bench corpus (125 operations, 65 fragments) is valid against the bench schema")
    func benchCorpusIsValid() throws {
        let schema = try Schema.build(sdl: try Self.benchFile("bench.graphql"))
        let source = Source(try Self.benchFile("large.graphql"))
        let document = try parse(source)
        let errors = validate(document, schema: schema, source: source)
        #expect(errors.isEmpty, "\(errors.prefix(5).map(\.description))")
    }

    @Test("the bench corpus also passes Strata's default limits")
    func benchCorpusPassesLimits() throws {
        let schema = try Schema.build(sdl: try Self.benchFile("bench.graphql"))
        let document = try parse(try Self.benchFile("large.graphql"))
        let errors = validate(document, schema: schema, rules: strataLimitRules)
        #expect(errors.isEmpty, "\(errors.prefix(3).map(\.message))")
    }

    @Test("a valid document yields no errors")
    func validDocument() {
        expectValid(
            """
            query Q($id: ID) { human(id: $id) { name ...F } }
            fragment F on Human { pets { name } }
            """)
    }

    @Test("errors carry spans, and locations only when a source is given")
    func spansAndLocations() throws {
        let text = "{ dog { unknownField } }"
        let document = try parse(text)
        let unlocated = validate(document, schema: testSchema)
        #expect(unlocated.count == 1)
        #expect(unlocated.first?.locations == [])
        #expect(unlocated.first?.spans.first?.start == 8)
        let located = validate(document, schema: testSchema, source: Source(text))
        #expect(located.first?.locations == [StrataLanguage.SourceLocation(line: 1, column: 9)])
        #expect(located.first?.code == .validationFailed)
    }

    @Test("validation stops after maxErrors with a final error saying so")
    func maxErrors() throws {
        let document = try parse("{ a b c d e f }")
        let errors = validate(document, schema: testSchema, maxErrors: 3)
        #expect(errors.count == 4)
        #expect(errors.last?.message.contains("Too many validation errors") == true)
        #expect(errors.dropLast().allSatisfy { $0.message.contains("Cannot query field") })
    }

    @Test("an empty rule list accepts anything")
    func noRules() {
        expectValid("{ nothing }", rules: [])
    }

    @Test("all specified rules run in one pass and report in document order per rule")
    func severalRulesAtOnce() {
        expectErrors(
            """
            query Q($unused: Int) {
              dog { unknown }
              ...Missing
            }
            """,
            [
                ("Cannot query field \"unknown\" on type \"Dog\".", [(2, 9)]),
                ("Unknown fragment \"Missing\".", [(3, 6)]),
                ("Variable \"$unused\" is never used in operation \"Q\".", [(1, 9)]),
            ])
    }
}
