import Foundation
import StrataExecution
import StrataJSON
import StrataStorage
import Testing

/// Objects whose selection is only stored leaf columns are written straight from their rows (`FlatObjectLayout`).
/// A document whose `@include` reads a variable is planned for each request and never takes that path, so running
/// a query both ways compares the two completions byte for byte.
@Suite struct FlatObjectTests {
    /// `selection` as written (planned once, flat objects), and with `@include(if: $yes)` on its root field
    /// (planned per request, every object through its slots): both bodies. The first is padded with spaces where
    /// the second has more text, so errors have the same locations.
    private static func bothWays(_ h: ExecutionHarness, _ selection: String) async -> (flat: String, general: String) {
        let header = "query ($yes: Boolean!) "
        let directive = " @include(if: $yes)"
        let flat = await h.run(
            String(repeating: " ", count: header.count) + "{ "
                + selection.replacingFirst(" {", with: String(repeating: " ", count: directive.count) + " {") + " }"
        ).response.bodyText
        let general = await h.run(
            header + "{ " + selection.replacingFirst(" {", with: directive + " {") + " }", variables: ["yes": .bool(true)]
        ).response.bodyText
        return (flat, general)
    }

    private static let owners = [
        StorageValue.string("00000000-0000-4000-8000-0000000000a1"), .string("00000000-0000-4000-8000-0000000000a2"),
    ]

    @Test("flat objects are written exactly as field-by-field completion writes them")
    func sameBytes() async throws {
        let h = try await DirectCompletionTests.executor(items: [
            [.string("00000000-0000-4000-8000-000000000001"), .string("quote \" and \\ and \n\u{1}"), .string("SMALL"),
             .null, .int(-42), Self.owners[1]],
            [.string("00000000-0000-4000-8000-000000000002"), .string("é 𝄞"), .string("LARGE"), .string("SMALL"), .null,
             .null],
            [.string("00000000-0000-4000-8000-000000000003"), .string(""), .string("SMALL"), .string("LARGE"),
             .int(2_147_483_647), Self.owners[1]],
            [.string("00000000-0000-4000-8000-000000000004"), .string("four"), .string("LARGE"), .null,
             .int(-2_147_483_648), Self.owners[0]],
        ])
        let selections = [
            "items(first: 10) { name kind size count }",
            "items(first: 10) { __typename id n: name k: kind count __typename }",
            "items(first: 10) { count owner { label __typename id } }",
            "items(first: 10) { name owner { label } o2: owner { l: label } }",
            #"item(id: "00000000-0000-4000-8000-000000000003") { name count owner { label } }"#,
            #"item(id: "00000000-0000-4000-8000-000000000001") { __typename name kind size count }"#,
        ]
        for selection in selections {
            let (flat, general) = await Self.bothWays(h, selection)
            #expect(flat == general, "\(selection)")
            #expect(!flat.contains("\"errors\""), "\(selection): \(flat)")
        }
        let (flat, _) = await Self.bothWays(h, "items(first: 2) { count owner { label } }")
        #expect(flat == #"{"data":{"items":[{"count":-42,"owner":{"label":"second"}},{"count":null,"owner":null}]}}"#)
    }

    @Test("rows the flat writer cannot take are completed field by field, with the same errors and nulls")
    func fallback() async throws {
        // An integer past 32 bits in a nullable field, and enum values the type does not declare in a nullable
        // (`size`) and a non-null (`kind`) field, between rows that are written flat.
        let h = try await DirectCompletionTests.executor(items: [
            DirectCompletionTests.item(1, kind: "SMALL", size: .string("LARGE")),
            [.string("00000000-0000-4000-8000-000000000002"), .string("two"), .string("SMALL"), .null,
             .int(5_000_000_000), .null],
            DirectCompletionTests.item(3, kind: "SMALL", size: .string("HUGE")),
            DirectCompletionTests.item(4, kind: "SMALL", size: .null),
        ])
        for selection in ["items(first: 10) { name size count }", "items(first: 10) { count size name kind }"] {
            let (flat, general) = await Self.bothWays(h, selection)
            #expect(flat == general, "\(selection)")
        }
        let (flat, _) = await Self.bothWays(h, "items(first: 10) { name size count }")
        let body = try JSONParser.parse(flat)
        #expect(
            body["data"] == json(
                #"{"items":[{"name":"item 1","size":"LARGE","count":1},{"name":"two","size":null,"count":null},{"name":"item 3","size":null,"count":3},{"name":"item 4","size":null,"count":4}]}"#
            ))
        guard case .array(let errors)? = body["errors"] else {
            Issue.record("no errors: \(flat)")
            return
        }
        #expect(errors.map { $0["path"] } == [json(#"["items",2,"size"]"#), json(#"["items",1,"count"]"#)])

        // A non-null field the row cannot fill nulls its item, which is non-null, so the list, which is too.
        let (failing, generalFailing) = await Self.bothWays(
            h, "items(first: 10) { name kind owner { label } }")
        #expect(failing == generalFailing)
        let bogus = try await DirectCompletionTests.executor(items: [
            DirectCompletionTests.item(1, kind: "SMALL", size: .null),
            DirectCompletionTests.item(2, kind: "BOGUS", size: .null),
        ])
        let (nulled, generalNulled) = await Self.bothWays(bogus, "items(first: 10) { name kind }")
        #expect(nulled == generalNulled)
        #expect(try JSONParser.parse(nulled)["data"] == .null)
    }
}

extension String {
    /// The string with the first occurrence of `target` replaced (the whole string when there is none).
    fileprivate func replacingFirst(_ target: String, with replacement: String) -> String {
        guard let range = range(of: target) else { return self }
        return replacingCharacters(in: range, with: replacement)
    }
}
