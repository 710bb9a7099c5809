import Logging
import StrataExecution
import StrataLanguage
import StrataSQLite
import StrataTesting
import Synchronization
import Testing

@testable import StrataServer

@Suite("Server errors in the log")
struct ServerErrorLogTests {
    /// Keeps every record it is given.
    struct CapturingLogHandler: LogHandler {
        struct Record: Sendable {
            var level: Logger.Level
            var message: String
            var metadata: Logger.Metadata
        }

        let box: Box
        var metadata: Logger.Metadata = [:]
        var logLevel: Logger.Level = .trace

        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }

        func log(event: LogEvent) {
            box.records.withLock {
                $0.append(Record(level: event.level, message: "\(event.message)", metadata: event.metadata ?? [:]))
            }
        }
    }

    final class Box: Sendable {
        let records = Mutex<[CapturingLogHandler.Record]>([])
    }

    @Test("a storage failure reaches the log with the database's own message, which the response never carries")
    func internalErrorIsLogged() async throws {
        try await TestSchema.withApp { app in
            let adapter = try #require(app.runtime.adapters["default"] as? SQLiteAdapter)
            _ = try await adapter.execute(rawSQL: "DROP TABLE books")
            let response = await app.runtime.execute(GraphQLRequest(query: "{ books { title } }"))
            #expect(response.errors.map(\.code) == [.internalServerError])
            let cause = try #require(response.errors.first?.underlyingDescription)
            #expect(cause.contains("no such table"), "\(cause)")
            #expect(!response.bodyText.contains("no such table"))

            let box = Box()
            let logger = Logger(label: "test") { _ in CapturingLogHandler(box: box) }
            StrataHTTPResponder.logServerErrors(response, logger: logger)
            let records = box.records.withLock { $0 }
            #expect(records.count == 1)
            #expect(records.first?.level == .error)
            #expect(records.first?.message == "Internal error while reading data.")
            #expect(records.first?.metadata["path"] == "books")
            #expect(records.first?.metadata["cause"].map { "\($0)".contains("no such table") } == true)
        }
    }

    @Test("fields failing the same way are one record with their count; different causes stay apart")
    func sameFailuresAreOneRecord() async throws {
        try await TestSchema.withApp { app in
            let adapter = try #require(app.runtime.adapters["default"] as? SQLiteAdapter)
            _ = try await adapter.execute(rawSQL: "DROP TABLE books")
            _ = try await adapter.execute(rawSQL: "DROP TABLE authors")
            let (a, b, c) = (
                "00000000-0000-4000-8000-00000000000a", "00000000-0000-4000-8000-00000000000b",
                "00000000-0000-4000-8000-00000000000c"
            )
            let response = await app.runtime.execute(
                GraphQLRequest(
                    query: """
                        { a: book(id: "\(a)") { title } b: book(id: "\(b)") { title } c: book(id: "\(c)") { title }
                          author(id: "\(TestSchema.ada)") { name } }
                        """))
            #expect(response.errors.count == 4, "\(response.bodyText)")
            let box = Box()
            let logger = Logger(label: "test") { _ in CapturingLogHandler(box: box) }
            StrataHTTPResponder.logServerErrors(response, logger: logger)
            let records = box.records.withLock { $0 }
            #expect(records.count == 2)
            let books = try #require(records.first { "\($0.metadata["cause"] ?? "")".contains("books") })
            #expect(books.metadata["count"] == "3")
            #expect(["a", "b", "c"].contains("\(books.metadata["path"] ?? "")"))
            let authors = try #require(records.first { "\($0.metadata["cause"] ?? "")".contains("authors") })
            #expect(authors.metadata["count"] == nil)
            #expect(authors.metadata["path"] == "author")
        }
    }

    @Test("request and user errors are not logged as server errors")
    func clientErrorsAreNotLogged() async throws {
        try await TestSchema.withApp { app in
            let response = await app.runtime.execute(GraphQLRequest(query: "{ books(first: -1) { title } }"))
            #expect(response.errors.map(\.code) == [.badUserInput])
            let box = Box()
            let logger = Logger(label: "test") { _ in CapturingLogHandler(box: box) }
            StrataHTTPResponder.logServerErrors(response, logger: logger)
            #expect(box.records.withLock { $0.isEmpty })
        }
    }
}
