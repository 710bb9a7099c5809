import StrataExecution
import StrataSQLite
import StrataStorage
import Synchronization
import Testing

/// A direct read's list from SQLite or PostgreSQL is written while its statement's rows are read
/// (`RowStreamingAdapter`), from the database's own bytes. It must answer byte for byte what the same read gives through rows
/// (`streamedRows = false`) and through the general execution (`directReads = false`), and fall back to them for
/// whatever it does not write itself.
@Suite struct StreamedRowsTests {
    /// Three executors over one database (behind a counter of streamed reads).
    struct Readers {
        let database: ConformanceDatabase
        let adapter: CountingStreams
        let streamed: Executor
        let unstreamed: Executor
        let general: Executor

        static func open(_ backend: ConformanceBackend = .sqlite) async throws -> Readers? {
            guard let database = try await ConformanceDatabase.open(backend) else { return nil }
            guard let streaming = database.adapter as? any RowStreamingAdapter else {
                Issue.record("\(backend) does not stream rows")
                return nil
            }
            let adapter = CountingStreams(base: streaming)
            func executor(_ configure: (inout ExecutorOptions) -> Void) -> Executor {
                var options = ExecutorOptions()
                configure(&options)
                return Executor(model: database.model, storage: StorageRouter(single: adapter), options: options)
            }
            return Readers(
                database: database, adapter: adapter, streamed: executor { _ in },
                unstreamed: executor { $0.streamedRows = false }, general: executor { $0.directReads = false })
        }

        func body(_ executor: Executor, _ query: String) async -> String {
            let response = await executor.execute(
                GraphQLRequest(query: query),
                context: RequestContext(actorID: ConformanceDatabase.actor, now: ConformanceDatabase.now))
            return response.bodyText
        }

        /// The three answers to `query`, which must be equal, and how many lists were streamed and written.
        func compare(_ query: String, sourceLocation: SourceLocation = #_sourceLocation) async
            -> (body: String, streamed: Int)
        {
            let before = adapter.written
            let streamed = await body(self.streamed, query)
            let written = adapter.written - before
            let unstreamed = await body(self.unstreamed, query)
            let general = await body(self.general, query)
            #expect(streamed == unstreamed, "streamed against rows: \(query)", sourceLocation: sourceLocation)
            #expect(streamed == general, "streamed against the general execution: \(query)", sourceLocation: sourceLocation)
            return (streamed, written)
        }
    }

    static let writtenQueries = [
        "{ users { id name email role status emailVerified createdAt version __typename } }",
        "{ users(first: 3, orderBy: [{ field: NAME, direction: DESC }]) { name } }",
        "{ users(where: { email: { contains: \"example\" } }) { __typename email } }",
        // Text that is not ASCII (names with accents, emoji) is read as a string; the rest from its bytes.
        "{ users(where: { name: { contains: \"e\" } }) { name email } }",
        "{ tasks { id title description status priority tags dueDate estimateHours completedAt } }",
        "{ emissionFactors { name category unit value validFrom validTo tags } }",
        // Around a relation: before, between and after columns, nullable with nulls.
        "{ tasks { id title project { name status } } }",
        "{ tasks { project { id name } } }",
        "{ tasks { title assignee { name email } status } }",
        "{ tasks { assignee { name } } }",
        "{ projects { name owner { name email role } } }",
        // Empty: a filter that matches nothing, and a page of none.
        "{ users(where: { email: { eq: \"nobody@example.com\" } }) { id } }",
        "{ tasks(where: { title: { eq: \"none\" } }) { title project { name } } }",
    ]

    @Test(
        "a streamed list answers what rows and the general execution answer",
        arguments: [ConformanceBackend.sqlite, .postgres], writtenQueries)
    func streamedListsMatch(backend: ConformanceBackend, query: String) async throws {
        guard let readers = try await Readers.open(backend) else { return }
        let (body, written) = await readers.compare(query)
        #expect(!body.contains("\"errors\""), "\(query): \(body)")
        #expect(written == 1, "\(query) was not streamed")
        await readers.database.close()
    }

    @Test("what a streamed list does not write is answered by rows and the general execution")
    func refusedRowsFallBack() async throws {
        guard let readers = try await Readers.open(), let sqlite = readers.adapter.base as? SQLiteAdapter else { return }
        // A version past 32 bits (an `Int` error) and text that is not valid UTF-8 (read with replacement
        // characters).
        _ = try await sqlite.execute(
            rawSQL: "UPDATE tasks SET version = 5000000000 WHERE id = (SELECT min(id) FROM tasks)")
        _ = try await sqlite.execute(
            rawSQL: "UPDATE users SET name = CAST(X'41C328FF42' AS TEXT) WHERE id = (SELECT min(id) FROM users)")
        let version = await readers.compare("{ tasks { id version } }")
        #expect(version.body.contains("\"errors\""))
        #expect(version.streamed == 0)
        let names = await readers.compare("{ users { id name } }")
        #expect(names.body.contains("A\u{FFFD}(\u{FFFD}B"))
        #expect(names.streamed == 1)
        await readers.database.close()
    }

    @Test("a stored value that does not decode fails a streamed list as it fails rows")
    func undecodableValueFails() async throws {
        guard let readers = try await Readers.open(), let sqlite = readers.adapter.base as? SQLiteAdapter else { return }
        _ = try await sqlite.execute(
            rawSQL: "UPDATE emission_factors SET valid_from = 'not a date' WHERE id = (SELECT max(id) FROM emission_factors)")
        // Ordered by the date but not selecting it: the column is not fetched, so no read decodes it.
        let unselected = await readers.compare("{ emissionFactors(orderBy: [{ field: VALID_FROM }]) { name } }")
        #expect(!unselected.body.contains("\"errors\""), "\(unselected.body)")
        #expect(unselected.streamed == 1)
        let selected = await readers.compare("{ emissionFactors { name validFrom } }")
        #expect(selected.body.contains("\"errors\""), "\(selected.body)")
        await readers.database.close()
    }
}

/// An adapter that counts the lists it streamed and wrote (not refused).
final class CountingStreams: RowStreamingAdapter {
    let base: any RowStreamingAdapter
    private let count = Mutex(0)

    init(base: any RowStreamingAdapter) { self.base = base }

    var written: Int { count.withLock { $0 } }
    var sourceName: String { base.sourceName }
    var model: StorageModel { base.model }

    func lookup(_ request: LookupRequest) async throws(StorageError) -> [Row] { try await base.lookup(request) }
    func list(_ request: ListRequest) async throws(StorageError) -> Page { try await base.list(request) }
    func related(_ request: RelatedRequest) async throws(StorageError) -> [Page] { try await base.related(request) }

    func list<Writer: StoredRowWriter>(_ request: ListRequest, streamingInto writer: Writer)
        async throws(StorageError) -> Writer?
    {
        let written = try await base.list(request, streamingInto: writer)
        if written != nil { count.withLock { $0 += 1 } }
        return written
    }

    func transaction<T: Sendable>(_ body: @Sendable (any StorageTransaction) async throws -> T) async throws -> T {
        try await base.transaction(body)
    }

    func migrate() async throws(StorageError) { try await base.migrate() }
    func close() async { await base.close() }
}
