@testable import StrataLanguage
import Testing

/// Selections live flat in their document's `SelectionTree`: each selection set is one range of the tree's
/// selections, and fields, spreads and inline fragments are handles into it. A set closed in the wrong place, a
/// range off by one or a handle outliving its tree would hand one node's children to another.
@Suite struct SelectionTreeTests {
    /// `name(children)` for every selection, depth first, as the handles read them back.
    private func outline(_ set: SelectionSet) -> String {
        set.selections.map { selection -> String in
            switch selection {
            case .field(let field):
                var text = field.alias.map { $0.value + ":" } ?? ""
                text += field.name.value
                if field.hasArguments { text += "(" + field.arguments.map(\.name.value).joined(separator: ",") + ")" }
                if field.hasDirectives { text += field.directives.map { "@" + $0.name.value }.joined() }
                if let children = field.selectionSet { text += "{" + outline(children) + "}" }
                return text
            case .fragmentSpread(let spread):
                return "..." + spread.name.value + spread.directives.map { "@" + $0.name.value }.joined()
            case .inlineFragment(let fragment):
                return "...on " + (fragment.typeCondition?.value ?? "-") + "{" + outline(fragment.selectionSet) + "}"
            }
        }.joined(separator: " ")
    }

    private func operationSet(_ document: Document, at index: Int = 0) -> SelectionSet? {
        guard case .operation(let operation) = document.definitions[index] else { return nil }
        return operation.selectionSet
    }

    @Test func nestedSetsKeepTheirOwnSelectionsWithSiblingsBeforeAndAfterThem() throws {
        let document = try parse(
            """
            { a b { c d { e } f } g: h(x: 1, y: 2) @skip(if: false) { i } ...F @include(if: true) ... on T { j { k } } l }
            fragment F on Q { m { n } o }
            { p }
            """)
        let first = try #require(operationSet(document))
        #expect(
            outline(first)
                == "a b{c d{e} f} g:h(x,y)@skip{i} ...F@include ...on T{j{k}} l")
        #expect(first.selections.count == 6)
        guard case .fragment(let fragment) = document.definitions[1] else {
            Issue.record("expected a fragment")
            return
        }
        #expect(outline(fragment.selectionSet) == "m{n} o")
        #expect(outline(try #require(operationSet(document, at: 2))) == "p")
    }

    @Test func aFieldBuiltInCodeEqualsTheSameFieldParsed() throws {
        let parsed = try firstField("{ alias: tasks(first: 2) @include(if: true) { id ... on Task { title } } }")
        let inner = SelectionSet(selections: [
            .field(Field(name: Name("id"))),
            .inlineFragment(
                InlineFragment(
                    typeCondition: Name("Task"), selectionSet: SelectionSet(selections: [.field(Field(name: Name("title")))]))),
        ])
        let built = Field(
            alias: Name("alias"), name: Name("tasks"), arguments: [Argument(name: Name("first"), value: .int("2", .synthesized))],
            directives: [Directive(name: Name("include"), arguments: [Argument(name: Name("if"), value: .boolean(true, .synthesized))])],
            selectionSet: inner)
        #expect(built == parsed)
        #expect(built.hashValue == parsed.hashValue)
        let other = try firstField("{ alias: tasks(first: 3) @include(if: true) { id ... on Task { title } } }")
        #expect(built != other)
    }

    @Test func aBuiltFieldWithAnEmptySelectionSetKeepsIt() {
        let withEmpty = Field(name: Name("a"), selectionSet: SelectionSet(selections: []))
        #expect(withEmpty.selectionSet?.selections.isEmpty == true)
        #expect(Field(name: Name("a")).selectionSet == nil)
        #expect(withEmpty != Field(name: Name("a")))
    }

    @Test func aHandleKeepsItsTreeAfterTheDocumentIsGone() throws {
        var field: Field?
        do {
            let document = try parse("{ outer { inner(first: 1) { leaf } } }")
            guard case .field(let outer) = try #require(operationSet(document)).selections[0] else {
                Issue.record("expected a field")
                return
            }
            field = outer.selectionSet?.selections.first.flatMap {
                if case .field(let inner) = $0 { inner } else { nil }
            }
        }
        let inner = try #require(field)
        #expect(inner.name.value == "inner")
        #expect(inner.arguments.map(\.name.value) == ["first"])
        #expect(inner.selectionSet.map(outline) == "leaf")
    }

    @Test func spansOfNamesAliasesAndSetsPointAtTheirText() throws {
        let text = "{ a: bee(x: 1) { c } }"
        let field = try firstField(text)
        let bytes = Array(text.utf8)
        func slice(_ span: SourceSpan) -> String { String(decoding: bytes[Int(span.start)..<Int(span.end)], as: UTF8.self) }
        #expect(slice(field.span) == "a: bee(x: 1) { c }")
        #expect(slice(field.alias!.span) == "a")
        #expect(slice(field.name.span) == "bee")
        #expect(slice(field.selectionSet!.span) == "{ c }")
    }

    @Test func aSyntaxErrorInsideNestedSetsIsReportedAndLeavesNothingBehind() {
        // The tree is dropped with the failed parse; a second parse of a good document is unaffected.
        for _ in 0..<3 {
            #expect(parseError("{ a { b { c(x: ) } } }") != nil)
        }
        #expect((try? parse("{ a { b { c(x: 1) } } }")) != nil)
    }
}
