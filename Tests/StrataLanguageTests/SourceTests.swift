import StrataLanguage
import Testing

@Suite struct SourceTests {
    @Test("bytes are the UTF-8 encoding of the text")
    func bytes() {
        let source = Source("é{}", name: "file.graphql")
        #expect(source.bytes == [0xC3, 0xA9, 0x7B, 0x7D])
        #expect(source.name == "file.graphql")
        #expect(Source("").name == "GraphQL request")
    }

    @Test(
        "lines end at line feed, carriage return and the pair of both",
        arguments: [
            ("a\nb", 2, Location(line: 2, column: 1)),
            ("a\r\nb", 3, Location(line: 2, column: 1)),
            ("a\rb", 2, Location(line: 2, column: 1)),
            ("a\n\nb", 3, Location(line: 3, column: 1)),
            ("a\r\n\r\nb", 5, Location(line: 3, column: 1)),
            ("a\r\rb", 3, Location(line: 3, column: 1)),
            ("a\n\rb", 3, Location(line: 3, column: 1)),
            ("abc", 0, Location(line: 1, column: 1)),
            ("abc", 2, Location(line: 1, column: 3)),
            ("a\u{2028}b", 4, Location(line: 1, column: 3)),
        ])
    func lineTerminators(text: String, offset: UInt32, expected: Location) {
        #expect(Source(text).location(of: offset) == expected)
    }

    @Test("columns count Unicode scalars, not bytes")
    func columnsCountScalars() {
        let text = "é日🚀x"  // 2 + 3 + 4 bytes before x
        #expect(Source(text).location(of: 9) == Location(line: 1, column: 4))
        #expect(Source("\n  éx").location(of: 5) == Location(line: 2, column: 4))
    }

    @Test("an offset past the end is clamped to the end")
    func offsetPastEnd() {
        #expect(Source("ab\ncd").location(of: 100) == Location(line: 2, column: 3))
        #expect(Source("").location(of: 0) == Location(line: 1, column: 1))
    }

    @Test("copies share one line table, built on first use")
    func repeatedLookups() {
        let source = Source((0..<1000).map { "line \($0)" }.joined(separator: "\n"))
        let copy = source
        #expect(source.location(of: 0) == Location(line: 1, column: 1))
        #expect(copy.location(of: 7) == Location(line: 2, column: 1))
        #expect(copy.location(of: UInt32(source.bytes.count)) == Location(line: 1000, column: 9))
    }

    @Test("a GraphQLError gets its locations from the source")
    func locatedGraphQLError() {
        let source = Source("{\n  a\n}")
        let error = GraphQLError("boom", code: .validationFailed, spans: [SourceSpan(4, 5)]).located(in: source)
        #expect(error.locations == [Location(line: 2, column: 3)])
    }
}
