import Foundation
import StrataExecution
import StrataJSON
import StrataStorage
import Testing

/// Objects whose selection is only stored leaf columns are written straight from their rows (`FlatObjectLayout`).
/// Each query runs three ways — planned once per document, planned per request (a document whose `@include`
/// reads a variable), and on an executor with `flatObjects` off (every object through its slots) — and the three
/// bodies must be the same bytes.
@Suite struct FlatObjectTests {
    /// The bodies of `selection` run the three ways, on executors over the same `items`. The queries without the
    /// directive are padded with spaces where it stands, so errors have the same locations.
    private static func threeWays(_ items: [[StorageValue]], _ selections: [String]) async throws
        -> [(cached: String, perRequest: String, general: String)]
    {
        let flat = try await DirectCompletionTests.executor(items: items)
        var off = ExecutorOptions()
        off.flatObjects = false
        let general = try await DirectCompletionTests.executor(items: items, options: off)
        let header = "query ($yes: Boolean!) "
        let directive = " @include(if: $yes)"
        var bodies: [(cached: String, perRequest: String, general: String)] = []
        for selection in selections {
            let plain =
                String(repeating: " ", count: header.count) + "{ "
                + selection.replacingFirst(" {", with: String(repeating: " ", count: directive.count) + " {") + " }"
            let variable = header + "{ " + selection.replacingFirst(" {", with: directive + " {") + " }"
            bodies.append(
                (
                    await flat.run(plain).response.bodyText,
                    await flat.run(variable, variables: ["yes": .bool(true)]).response.bodyText,
                    await general.run(plain).response.bodyText
                ))
        }
        return bodies
    }

    private static func expectSame(
        _ bodies: [(cached: String, perRequest: String, general: String)], _ selections: [String],
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        for (body, selection) in zip(bodies, selections) {
            #expect(body.cached == body.general, "\(selection)", sourceLocation: sourceLocation)
            #expect(body.perRequest == body.general, "\(selection)", sourceLocation: sourceLocation)
        }
    }

    private static let owners = [
        StorageValue.string("00000000-0000-4000-8000-0000000000a1"), .string("00000000-0000-4000-8000-0000000000a2"),
    ]

    @Test("flat objects are written exactly as field-by-field completion writes them")
    func sameBytes() async throws {
        let items: [[StorageValue]] = [
            [.string("00000000-0000-4000-8000-000000000001"), .string("quote \" and \\ and \n\u{1}"), .string("SMALL"),
             .null, .int(-42), Self.owners[1], .stringList(["a", "b \"q\"", "é"])],
            [.string("00000000-0000-4000-8000-000000000002"), .string("é 𝄞"), .string("LARGE"), .string("SMALL"), .null,
             .null, .stringList([])],
            [.string("00000000-0000-4000-8000-000000000003"), .string(""), .string("SMALL"), .string("LARGE"),
             .int(2_147_483_647), Self.owners[1]],
            [.string("00000000-0000-4000-8000-000000000004"), .string("four"), .string("LARGE"), .null,
             .int(-2_147_483_648), Self.owners[0]],
        ]
        let selections = [
            "items(first: 10) { name kind size count }",
            "items(first: 10) { __typename id n: name k: kind count __typename }",
            "items(first: 10) { id tags count t: tags }",
            "items(first: 10) { count owner { label __typename id } }",
            "items(first: 10) { name owner { label } o2: owner { l: label } }",
            #"item(id: "00000000-0000-4000-8000-000000000003") { name count owner { label } }"#,
            #"item(id: "00000000-0000-4000-8000-000000000001") { __typename name kind size count }"#,
        ]
        let bodies = try await Self.threeWays(items, selections)
        Self.expectSame(bodies, selections)
        for (body, selection) in zip(bodies, selections) {
            #expect(!body.cached.contains("\"errors\""), "\(selection): \(body.cached)")
        }
        #expect(
            bodies[2].cached
                == #"{"data":{"items":[{"id":"00000000-0000-4000-8000-000000000001","tags":["a","b \"q\"","é"],"count":-42,"t":["a","b \"q\"","é"]},{"id":"00000000-0000-4000-8000-000000000002","tags":[],"count":null,"t":[]},{"id":"00000000-0000-4000-8000-000000000003","tags":null,"count":2147483647,"t":null},{"id":"00000000-0000-4000-8000-000000000004","tags":null,"count":-2147483648,"t":null}]}}"#
        )
        #expect(
            bodies[3].cached
                == #"{"data":{"items":[{"count":-42,"owner":{"label":"second","__typename":"Owner","id":"00000000-0000-4000-8000-0000000000a2"}},{"count":null,"owner":null},{"count":2147483647,"owner":{"label":"second","__typename":"Owner","id":"00000000-0000-4000-8000-0000000000a2"}},{"count":-2147483648,"owner":{"label":"first","__typename":"Owner","id":"00000000-0000-4000-8000-0000000000a1"}}]}}"#
        )
    }

    @Test("rows the flat writer cannot take are completed field by field, with the same errors and nulls")
    func fallback() async throws {
        // An integer past 32 bits in a nullable field, and enum values the type does not declare in a nullable
        // (`size`) and a non-null (`kind`) field, between rows that are written flat.
        let items: [[StorageValue]] = [
            DirectCompletionTests.item(1, kind: "SMALL", size: .string("LARGE")),
            [.string("00000000-0000-4000-8000-000000000002"), .string("two"), .string("SMALL"), .null,
             .int(5_000_000_000), .null],
            DirectCompletionTests.item(3, kind: "SMALL", size: .string("HUGE")),
            DirectCompletionTests.item(4, kind: "SMALL", size: .null),
        ]
        let selections = [
            "items(first: 10) { name size count }", "items(first: 10) { count size name kind }",
            "items(first: 10) { name kind owner { label } }",
        ]
        let bodies = try await Self.threeWays(items, selections)
        Self.expectSame(bodies, selections)
        let body = try JSONParser.parse(bodies[0].cached)
        #expect(
            body["data"] == json(
                #"{"items":[{"name":"item 1","size":"LARGE","count":1},{"name":"two","size":null,"count":null},{"name":"item 3","size":null,"count":3},{"name":"item 4","size":null,"count":4}]}"#
            ))
        guard case .array(let errors)? = body["errors"] else {
            Issue.record("no errors: \(bodies[0].cached)")
            return
        }
        #expect(errors.map { $0["path"] } == [json(#"["items",2,"size"]"#), json(#"["items",1,"count"]"#)])

        // A non-null field the row cannot fill nulls its item, which is non-null, so the list, which is too.
        let bogus = [
            DirectCompletionTests.item(1, kind: "SMALL", size: .null),
            DirectCompletionTests.item(2, kind: "BOGUS", size: .null),
        ]
        let nulled = try await Self.threeWays(bogus, ["items(first: 10) { name kind }"])
        Self.expectSame(nulled, ["items(first: 10) { name kind }"])
        #expect(try JSONParser.parse(nulled[0].cached)["data"] == .null)
    }
}

extension String {
    /// The string with the first occurrence of `target` replaced (the whole string when there is none).
    fileprivate func replacingFirst(_ target: String, with replacement: String) -> String {
        guard let range = range(of: target) else { return self }
        return replacingCharacters(in: range, with: replacement)
    }
}
