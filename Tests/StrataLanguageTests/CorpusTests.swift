import StrataLanguage
import Testing

/// The kitchen sinks and the shared benchmark corpus, parsed and printed whole.
@Suite struct CorpusTests {
    @Test("the kitchen sink parses, and round-trips through the printer")
    func kitchenSink() throws {
        let document = try parse(TestFiles.fixture("kitchen-sink.graphql"))
        #expect(document.definitions.count == 8)
        let printed = print(document)
        #expect(try parse(printed) == document)
        #expect(print(try parse(printed)) == printed)
    }

    @Test("the kitchen sink's literals decode as written")
    func kitchenSinkLiterals() throws {
        let document = try parse(TestFiles.fixture("kitchen-sink.graphql"))
        guard case .operation(let operation) = document.definitions[0] else { return }
        let literals = operation.selectionSet.selections.compactMap { selection -> Field? in
            guard case .field(let field) = selection, field.alias?.value == "literals" else { return nil }
            return field
        }
        let arguments = Dictionary(
            uniqueKeysWithValues: try #require(literals.first).arguments.map {
                ($0.name.value, $0.value)
            })
        #expect(
            arguments["escapes"]
                == .string(StringValue("quote \" backslash \\ slash / bs \u{8} ff \u{C} nl \n cr \r tab \t")))
        #expect(arguments["unicode"] == .string(StringValue("café üß 中文 ☃ A")))
        #expect(
            arguments["block"]
                == .string(
                    StringValue(
                        "Block strings keep \"quotes\", \\n and \\u00e9 literally,\n  strip the common indentation,\n\nand may hold an escaped \"\"\" triple quote.",
                        isBlock: true)))
        #expect(arguments["inlineBlock"] == .string(StringValue("one line with \"quotes\" ", isBlock: true)))
        #expect(arguments["emptyBlock"] == .string(StringValue("", isBlock: true)))
        #expect(arguments["negZero"] == .int("-0", .synthesized))
        #expect(arguments["enumLike"] == .enumValue(Name("on")))
    }

    @Test("the schema kitchen sink round-trips through the printer")
    func schemaKitchenSink() throws {
        let document = try parse(TestFiles.fixture("schema-kitchen-sink.graphql"))
        let printed = print(document)
        #expect(try parse(printed) == document)
        #expect(print(try parse(printed)) == printed)
    }

    @Test("the large persisted-query bundle parses with the default limits")
    func large() throws {
        let document = try parse(TestFiles.corpus("large.graphql"))
        let operations = document.definitions.filter { if case .operation = $0 { true } else { false } }
        let fragments = document.definitions.filter { if case .fragment = $0 { true } else { false } }
        #expect(operations.count == 125)
        #expect(fragments.count == 65)
        #expect(try parse(print(document)) == document)
    }

    @Test("the deep document needs more than the default 64 levels")
    func deep() throws {
        let text = try TestFiles.corpus("deep.graphql")
        #expect(parseError(text)?.kind == .tooDeep)
        let document = try parse(text, options: ParseOptions(maxDepth: 128))
        var depth = 0
        var selections = firstSelections(document)
        while !selections.isEmpty {
            depth += 1
            selections = selections.compactMap { selection -> SelectionSet? in
                guard case .field(let field) = selection else { return nil }
                return field.selectionSet
            }.flatMap(\.selections)
        }
        #expect(depth == 82)
        #expect(try parse(print(document), options: .noLimits) == document)
    }

    @Test("the wide document parses with 500 aliased root fields")
    func wide() throws {
        let document = try parse(TestFiles.corpus("wide.graphql"))
        let selections = firstSelections(document)
        #expect(selections.count == 500)
        guard case .field(let last) = try #require(selections.last) else { return }
        #expect(last.alias?.value == "u500" && last.name.value == "user")
        #expect(try parse(print(document)) == document)
    }

    @Test(
        "every prefix of the kitchen sinks parses or fails with a syntax error inside the text",
        arguments: ["kitchen-sink.graphql", "schema-kitchen-sink.graphql"])
    func prefixes(name: String) throws {
        let scalars = Array(try TestFiles.fixture(name).unicodeScalars)
        var failures = 0
        for length in 0...scalars.count {
            var text = ""
            text.unicodeScalars.append(contentsOf: scalars[..<length])
            guard let error = parseError(text, options: .noLimits) else { continue }
            failures += 1
            #expect(error.kind == .invalidSyntax)
            #expect(Int(error.offset) <= text.utf8.count)
        }
        #expect(failures > scalars.count / 2)
    }

    @Test(
        "the benchmark schema and queries parse and round-trip",
        arguments: [
            "bench.graphql", "queries/q1.graphql", "queries/q2.graphql", "queries/q3.graphql",
            "queries/q4.graphql", "queries/q5.graphql",
        ])
    func benchDocuments(name: String) throws {
        let document = try parse(TestFiles.corpus(name))
        #expect(try parse(print(document)) == document)
    }
}
