import StrataDemoData
import StrataJSON
import StrataModel
import StrataStorage
import Synchronization
import Testing

@testable import StrataExecution

/// A memory adapter that streams its lists as a database adapter does: each row handed to the writer through a
/// cursor whose ASCII text is read from bytes of its own (freed when the cursor moves on).
final class StreamingMemory: RowStreamingAdapter {
    let base: MemoryAdapter
    /// An entity whose lookups find nothing (a related row gone).
    let hidden: String?
    private let streams = Mutex((written: 0, refused: 0))

    init(base: MemoryAdapter, hiding hidden: String? = nil) {
        self.base = base
        self.hidden = hidden
    }

    var written: Int { streams.withLock { $0.written } }
    var refused: Int { streams.withLock { $0.refused } }
    var sourceName: String { base.sourceName }
    var model: StorageModel { base.model }

    func lookup(_ request: LookupRequest) async throws(StorageError) -> [Row] {
        request.entity == hidden ? [] : try await base.lookup(request)
    }

    func list(_ request: ListRequest) async throws(StorageError) -> Page { try await base.list(request) }
    func related(_ request: RelatedRequest) async throws(StorageError) -> [Page] { try await base.related(request) }

    func list<Writer: StoredRowWriter>(_ request: ListRequest, streamingInto writer: Writer)
        async throws(StorageError) -> Writer?
    {
        guard !request.includeTotalCount else { return nil }
        var writer = writer
        for row in try await base.list(request).rows {
            let cursor = RowCursor(row)
            defer { cursor.free() }
            guard writer.write(cursor) else {
                streams.withLock { $0.refused += 1 }
                return nil
            }
        }
        streams.withLock { $0.written += 1 }
        return writer
    }

    func transaction<T: Sendable>(_ body: @Sendable (any StorageTransaction) async throws -> T) async throws -> T {
        try await base.transaction(body)
    }

    func migrate() async throws(StorageError) { try await base.migrate() }
    func close() async { await base.close() }

    /// A row as a cursor: ASCII strings copied to bytes that live until `free`.
    struct RowCursor: StoredRowCursor {
        let row: Row
        let texts: [UnsafeMutableBufferPointer<UInt8>?]

        init(_ row: Row) {
            self.row = row
            texts = row.values.map { value in
                guard case .string(let text) = value, text.utf8.allSatisfy({ $0 < 0x80 }) else { return nil }
                let bytes = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: max(1, text.utf8.count))
                _ = bytes.initialize(from: text.utf8)
                return UnsafeMutableBufferPointer(rebasing: bytes[0..<text.utf8.count])
            }
        }

        func free() { for text in texts { text?.deallocate() } }

        var width: Int { row.values.count }
        func isNull(at column: Int) -> Bool { row.values[column].isNull }
        func value(at column: Int) -> StorageValue { row.values[column] }
        func asciiText(at column: Int) -> UnsafeBufferPointer<UInt8>? { texts[column].map { UnsafeBufferPointer($0) } }
    }
}

/// A direct read's list from an adapter that streams rows (`StreamedRows`) answers what the same read answers
/// through `Row`s and through the general execution: flat objects, objects around a relation (each related object
/// written once and copied into every object that refers to it), nulls, and the fallbacks.
@Suite struct StreamedRowsWriterTests {
    static func harnesses(maxBatchSize: Int = 1_000, hiding hidden: String? = nil) async throws
        -> (streamed: ExecutionHarness, rows: ExecutionHarness, general: ExecutionHarness, adapter: StreamingMemory)
    {
        let model = try DefaultSchemaFixture.model()
        let memory = MemoryAdapter(model: model.storage, sourceName: "default")
        try await DemoDataGenerator(model: model.storage, scale: .small).load(into: memory)
        let adapter = StreamingMemory(base: memory, hiding: hidden)
        func harness(_ configure: (inout ExecutorOptions) -> Void) -> ExecutionHarness {
            var options = ExecutorOptions(maxBatchSize: maxBatchSize)
            configure(&options)
            return ExecutionHarness(executor: Executor(model: model, storage: StorageRouter(single: adapter), options: options))
        }
        return (
            harness { _ in }, harness { $0.streamedRows = false }, harness { $0.directReads = false }, adapter
        )
    }

    @Test("streamed lists give the bytes of rows and of the general execution")
    func sameBytes() async throws {
        let (streamed, rows, general, adapter) = try await Self.harnesses()
        let queries = [
            "{ users(first: 5) { id name email role createdAt __typename } }",
            "{ tasks(first: 30, orderBy: [{ field: TITLE, direction: DESC }]) { title status tags dueDate estimateHours } }",
            "{ users(where: { name: { eq: \"nobody at all\" } }) { id } }",
            "{ tasks(first: 40) { id title status project { name } } }",
            "{ tasks(first: 40) { project { __typename name } title } }",
            "{ tasks(first: 40) { title assignee { name email } dueDate } }",
            "{ tasks(first: 40) { assignee { name } } }",
            "{ projects(first: 7) { owner { name } } }",
            "{ users(first: 8) { name profile { bio } } }",
            "{ tasks(where: { title: { eq: \"none\" } }) { title project { name } } }",
        ]
        for query in queries {
            let before = adapter.written
            let a = await streamed.run(query).response
            #expect(adapter.written == before + 1, "\(query) was not streamed")
            let b = await rows.run(query).response
            let c = await general.run(query).response
            #expect(a.bodyText == b.bodyText, "\(query)")
            #expect(a.bodyText == c.bodyText, "\(query)")
            #expect(a.errors.isEmpty, "\(query): \(a.bodyText)")
        }
        // Some tasks have no assignee, and several share a project: both kinds of object were put together.
        let (assigned, _) = await streamed.run("{ tasks(first: 40) { assignee { name } } }")
        guard case .array(let tasks)? = assigned["data"]?["tasks"] else {
            Issue.record("\(assigned)")
            return
        }
        #expect(tasks.contains { $0["assignee"] == .null })
        #expect(tasks.contains { $0["assignee"] != .null })
    }

    @Test("related rows split at maxBatchSize keys are put together as rows are")
    func splitBatches() async throws {
        let (streamed, rows, general, adapter) = try await Self.harnesses(maxBatchSize: 3)
        let query = "{ tasks(first: 40) { title assignee { name } project { name } } }"
        let single = "{ tasks(first: 40) { title assignee { name } status } }"
        #expect((await streamed.run(single)).response.bodyText == (await rows.run(single)).response.bodyText)
        #expect((await streamed.run(single)).response.bodyText == (await general.run(single)).response.bodyText)
        #expect(adapter.written == 2)
        // Two relations are not a direct read: nothing streamed, the general execution answers.
        #expect((await streamed.run(query)).response.bodyText == (await general.run(query)).response.bodyText)
        #expect(adapter.written == 2)
    }

    @Test("a list the writer cannot finish (a non-null relation without its row) is answered as rows answer it")
    func missingRelationFallsBack() async throws {
        let (streamed, rows, general, adapter) = try await Self.harnesses(hiding: "Project")
        let query = "{ tasks(first: 40) { title project { name } } }"
        let a = await streamed.run(query).response
        #expect(adapter.written == 1)
        #expect(!a.errors.isEmpty, "\(a.bodyText)")
        #expect(a.bodyText == (await rows.run(query)).response.bodyText)
        #expect(a.bodyText == (await general.run(query)).response.bodyText)
        // A nullable relation without its row is null.
        let users = try await Self.harnesses(hiding: "User")
        let nullable = "{ tasks(first: 40) { title assignee { name } } }"
        let b = await users.streamed.run(nullable).response
        #expect(b.errors.isEmpty)
        #expect(b.bodyText == (await users.rows.run(nullable)).response.bodyText)
        #expect(b.bodyText == (await users.general.run(nullable)).response.bodyText)
        #expect(users.adapter.written == 1)
    }

    @Test("a row the flat writer refuses stops the stream, and the list is answered as rows answer it")
    func refusedRowFallsBack() async throws {
        let (streamed, rows, general, adapter) = try await Self.harnesses()
        let (found, _) = await general.run("{ csvImports(first: 1) { id } }")
        guard case .string(let importID)? = found["data"]?["csvImports"]?.firstItem?["id"] else {
            Issue.record("\(found)")
            return
        }
        // A count past 32 bits: an `Int` error.
        _ = try await adapter.base.transaction { transaction in
            try await transaction.update(
                "CsvImport", key: .string(importID), values: ["total_rows": .int(5_000_000_000)],
                expectedVersion: nil, filter: nil)
        }
        let query = "{ csvImports(first: 10) { id totalRows } }"
        let a = await streamed.run(query).response
        #expect(adapter.refused == 1)
        #expect(!a.errors.isEmpty, "\(a.bodyText)")
        #expect(a.bodyText == (await rows.run(query)).response.bodyText)
        #expect(a.bodyText == (await general.run(query)).response.bodyText)
    }
}
