import StrataLanguage
import Testing

@Suite struct ParseOptionsTests {
    @Test("the defaults are 1 MiB, 15,000 tokens and 64 levels")
    func defaults() {
        #expect(ParseOptions.default == ParseOptions(maxBytes: 1_048_576, maxTokens: 15_000, maxDepth: 64))
        #expect(ParseOptions.noLimits.maxBytes == .max && ParseOptions.noLimits.maxTokens == .max)
        #expect(ParseOptions.noLimits.maxDepth == .max)
    }

    @Test("documents with too many tokens are refused at the first token over the limit")
    func tooManyTokens() throws {
        let text = "{ a b c d e }"  // 7 tokens
        #expect(parseError(text, options: ParseOptions(maxTokens: 7)) == nil)
        let error = try #require(parseError(text, options: ParseOptions(maxTokens: 6)))
        #expect(error.kind == .tooManyTokens)
        #expect(error.message == "Syntax Error: Document has more than 6 tokens; parsing stopped.")
        #expect(location(of: error, in: text) == Location(line: 1, column: 13))
    }

    @Test("the token limit stops a huge document early, before its syntax error")
    func tokenLimitIsEarly() throws {
        let text = "{ " + String(repeating: "a ", count: 20_000) + " !!! "
        let error = try #require(parseError(text))
        #expect(error.kind == .tooManyTokens)
        #expect(error.offset == 2 + 2 * 14_999)
    }

    @Test("comments, commas and white space do not count as tokens")
    func ignoredTokensAreFree() {
        let text = "{ a,,,,,,, # comment\n b }"
        #expect(parseError(text, options: ParseOptions(maxTokens: 4)) == nil)
    }

    /// The constructs that nest, each able to write a document `depth` levels deep.
    enum Nesting: String, CaseIterable, Sendable {
        case selectionSets, listValues, objectValues, listTypes

        func document(depth: Int) -> String {
            // An argument value is inside the operation's selection set, which counts one level.
            switch self {
            case .selectionSets: "{ " + Self.nested(depth - 1, "a { ", " }", "b") + " }"
            case .listValues: "{ f(a: " + Self.nested(depth - 1, "[", "]", "1") + ") }"
            case .objectValues: "{ f(a: " + Self.nested(depth - 1, "{a: ", "}", "1") + ") }"
            case .listTypes: "query ($v: " + Self.nested(depth, "[", "]", "Int") + ") { f }"
            }
        }

        private static func nested(_ depth: Int, _ open: String, _ close: String, _ inner: String) -> String {
            String(repeating: open, count: depth) + inner + String(repeating: close, count: depth)
        }
    }

    @Test(
        "nesting deeper than the limit is refused, for selection sets, values and list types",
        arguments: Nesting.allCases)
    func tooDeep(nesting: Nesting) throws {
        let options = ParseOptions(maxDepth: 10)
        #expect(parseError(nesting.document(depth: 10), options: options) == nil)
        let error = try #require(parseError(nesting.document(depth: 11), options: options))
        #expect(error.kind == .tooDeep)
        #expect(error.message == "Syntax Error: Document is nested more than 10 levels deep; parsing stopped.")
    }

    @Test("nesting of different kinds adds up")
    func mixedNesting() {
        let text = "{ a { b { c(x: [[{y: [1]}]]) } } }"  // 3 selection sets + 4 value levels
        #expect(parseError(text, options: ParseOptions(maxDepth: 7)) == nil)
        #expect(parseError(text, options: ParseOptions(maxDepth: 6))?.kind == .tooDeep)
    }

    @Test("a hostile deeply nested document is refused without exhausting the stack")
    func hostileNesting() throws {
        let text = String(repeating: "{ a ", count: 100_000)
        let error = try #require(parseError(text))
        #expect(error.kind == .tooDeep)
        #expect(location(of: error, in: text) == Location(line: 1, column: 1 + 4 * 64))
        let list = "{ f(a: " + String(repeating: "[", count: 100_000) + ") }"
        #expect(parseError(list)?.kind == .tooDeep)
    }

    @Test("documents over the byte limit are refused before they are read")
    func tooLarge() throws {
        let text = "{ a }" + String(repeating: " ", count: 100)
        #expect(parseError(text, options: ParseOptions(maxBytes: 105)) == nil)
        let error = try #require(parseError(text, options: ParseOptions(maxBytes: 104)))
        #expect(error.kind == .tooLarge)
        #expect(error.message == "Syntax Error: Document is 105 bytes long; the limit is 104 bytes.")
        #expect(throws: SyntaxError.self) { try parse(Source(text), options: ParseOptions(maxBytes: 104)) }
        #expect(throws: SyntaxError.self) {
            try parseValue("1" + String(repeating: " ", count: 200), options: ParseOptions(maxBytes: 100))
        }
        #expect(throws: SyntaxError.self) {
            try parseType("Int" + String(repeating: " ", count: 200), options: ParseOptions(maxBytes: 100))
        }
    }

    @Test("the default byte limit is one mebibyte")
    func defaultByteLimit() throws {
        let text = "{ a }" + String(repeating: " ", count: 1_048_576)
        #expect(parseError(text)?.kind == .tooLarge)
        #expect(parseError(text, options: .noLimits) == nil)
    }
}
