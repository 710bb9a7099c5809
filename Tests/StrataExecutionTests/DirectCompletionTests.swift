import Foundation
import StrataExecution
import StrataJSON
import StrataModel
import StrataStorage
import Testing

/// Completion of storage-bound fields read straight from rows (stored columns, to-one relations), and the reuse of
/// result trees across requests: same answers, same errors in the same order as field-by-field completion.
@Suite struct DirectCompletionTests {
    static let sdl = """
        enum Kind { SMALL LARGE }

        type Item @table(name: "items") {
          id: ID! @key
          name: String!
          kind: Kind!
          size: Kind
          count: Int
          ownerId: ID
          tags: [String!]
          owner: Owner @belongsTo(field: "ownerId")
        }

        type Owner @table(name: "owners") {
          id: ID! @key
          label: String!
        }
        """

    /// The same tables with `kind` and `size` as plain text, for storing values the enum does not declare (the
    /// memory adapter checks enum values on write).
    static var storedSDL: String {
        sdl.replacingOccurrences(of: "kind: Kind!", with: "kind: String!").replacingOccurrences(of: "size: Kind", with: "size: String")
    }

    static let itemColumns = ["id", "name", "kind", "size", "count", "owner_id", "tags"]

    /// An executor over `items` (each `[id, name, kind, size, count, ownerId]`, and `tags` when given) and two
    /// owners.
    static func executor(items: [[StorageValue]], options: ExecutorOptions = ExecutorOptions()) async throws
        -> ExecutionHarness
    {
        let model = try DataModelBuilder.build(sdl: sdl, defaultSource: "default")
        let stored = try DataModelBuilder.build(sdl: storedSDL, defaultSource: "default")
        let adapter = MemoryAdapter(model: stored.storage, sourceName: "default")
        let owners = model.entities["Owner"]!.entity
        let ownerRows = [("00000000-0000-4000-8000-0000000000a1", "first"), ("00000000-0000-4000-8000-0000000000a2", "second")]
            .map { id, label in
                Row(owners.columns.map { column -> StorageValue in
                    column.name == "id" ? .string(id) : column.name == "label" ? .string(label) : .null
                })
            }
        try await adapter.load(owners.name, rows: ownerRows)
        let entity = model.entities["Item"]!.entity
        let rows = items.map { values in
            Row(entity.columns.map { column -> StorageValue in
                guard let position = itemColumns.firstIndex(of: column.name), position < values.count else {
                    return .null
                }
                return values[position]
            })
        }
        try await adapter.load(entity.name, rows: rows)
        return ExecutionHarness(executor: Executor(model: model, storage: StorageRouter(single: adapter), options: options))
    }

    static func item(_ n: Int, kind: String, size: StorageValue, owner: StorageValue = .null) -> [StorageValue] {
        [.string("00000000-0000-4000-8000-00000000000\(n)"), .string("item \(n)"), .string(kind), size, .int(Int64(n)), owner]
    }

    @Test("stored columns that fail coercion report their errors field by field, each in parent order")
    func errorOrder() async throws {
        let h = try await Self.executor(items: [
            Self.item(1, kind: "BOGUS", size: .string("NOPE")),
            Self.item(2, kind: "SMALL", size: .string("LARGE")),
            Self.item(3, kind: "WRONG", size: .string("ALSO")),
        ])
        let (result, _) = await h.run("{ items(first: 10) { name size kind } }")
        guard case .array(let errors)? = result["errors"] else {
            Issue.record("no errors: \(result)")
            return
        }
        let paths = errors.map { error -> String in
            guard case .array(let path)? = error["path"] else { return "?" }
            return path.map { component -> String in
                switch component {
                case .string(let key): key
                case .int(let index): String(index)
                default: "?"
                }
            }.joined(separator: ".")
        }
        // `size` (nullable) comes before `kind` (non-null) in the selection: its errors come first. The first
        // `kind` error nulls its item, which bubbles through the non-null list items up to `data`; the third item
        // is then detached, so its `kind` is never completed and reports nothing.
        #expect(paths == ["items.0.size", "items.2.size", "items.0.kind"])
        #expect(result["data"] == .null)
    }

    @Test("stored scalars of every shape complete as before: nulls, integers, strings with escapes")
    func leaves() async throws {
        let h = try await Self.executor(items: [
            [.string("00000000-0000-4000-8000-000000000001"), .string("quote \" and \\ and \n"), .string("SMALL"), .null, .int(-42), .null],
            [.string("00000000-0000-4000-8000-000000000002"), .string("é"), .string("LARGE"), .string("SMALL"), .null, .null],
        ])
        try await h.expect(
            "{ items(first: 10) { name kind size count __typename } }",
            equals: #"""
                {"data":{"items":[
                  {"name":"quote \" and \\ and \n","kind":"SMALL","size":null,"count":-42,"__typename":"Item"},
                  {"name":"é","kind":"LARGE","size":"SMALL","count":null,"__typename":"Item"}]}}
                """#)
    }

    @Test("to-one relations resolve to the row, to null without a key, and share one lookup")
    func toOne() async throws {
        let h = try await Self.executor(items: [
            Self.item(1, kind: "SMALL", size: .null, owner: .string("00000000-0000-4000-8000-0000000000a2")),
            Self.item(2, kind: "SMALL", size: .null),
            Self.item(3, kind: "SMALL", size: .null, owner: .string("00000000-0000-4000-8000-0000000000a2")),
            Self.item(4, kind: "SMALL", size: .null, owner: .string("00000000-0000-4000-8000-0000000000a1")),
        ])
        let (result, statements) = await h.counting("{ items(first: 10) { count owner { label } } }")
        #expect(
            result == json(
                #"{"data":{"items":[{"count":1,"owner":{"label":"second"}},{"count":2,"owner":null},{"count":3,"owner":{"label":"second"}},{"count":4,"owner":{"label":"first"}}]}}"#
            ))
        #expect(statements == 2)
    }

    @Test("list reads whose filters differ only in Unicode normalization are fetched separately")
    func byteDistinctLists() async throws {
        var precomposed = Self.item(1, kind: "SMALL", size: .null)
        precomposed[1] = .string("\u{C9}")
        var decomposed = Self.item(2, kind: "SMALL", size: .null)
        decomposed[1] = .string("E\u{301}")
        let h = try await Self.executor(items: [precomposed, decomposed])
        let (result, _) = await h.run(
            #"{ a: items(where: { name: { eq: "\#u{C9}" } }) { count } b: items(where: { name: { eq: "E\#u{301}" } }) { count } }"#)
        #expect(result["data"] == json(#"{"a":[{"count":1}],"b":[{"count":2}]}"#))
    }

    @Test("a reused result tree carries nothing from one request into the next")
    func treeReuse() async throws {
        let h = try await Self.executor(items: [
            Self.item(1, kind: "BOGUS", size: .null),
            Self.item(2, kind: "SMALL", size: .string("LARGE")),
        ])
        let failing = "{ items(first: 10) { name kind } }"
        let small = #"{ item(id: "00000000-0000-4000-8000-000000000002") { name size } }"#
        let first = await h.run(small).response.bodyText
        for _ in 0..<3 {
            let (failed, _) = await h.run(failing)
            #expect(failed["data"] == .null)
            if case .array(let errors)? = failed["errors"] {
                #expect(errors.count == 1)
            } else {
                Issue.record("no errors: \(failed)")
            }
            #expect(await h.run(small).response.bodyText == first)
        }
        #expect(first == #"{"data":{"item":{"name":"item 2","size":"LARGE"}}}"#)
    }
}
