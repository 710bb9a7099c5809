import Foundation
public import HummingbirdTesting
import Logging
import StrataExecution
import StrataModel
import StrataStorage
public import StrataServer
import StrataSQLite

/// Strata in a test: a schema on a private, migrated in-memory SQLite database, optionally with fixture rows, run
/// in-process (`execute`) or over HTTP without a socket (`test`).
///
/// ```swift
/// let app = try await StrataTestApp(schema: sdl, fixtures: ["User": [["id": "…", "email": "a@example.com"]]])
/// let response = await app.execute("{ users { email } }")
/// #expect(response.errors.isEmpty)
/// try await app.test { client in
///     let http = try await client.post("{ users { email } }")
///     #expect(http.status == 200)
/// }
/// await app.shutdown()
/// ```
public final class StrataTestApp: Sendable {
    public let runtime: StrataRuntime
    /// The clock every request sees (µs since the epoch), so timestamps written by mutations are reproducible.
    public let now: Int64?
    public let maxBodyBytes: Int
    /// The CORS policy of `test`'s server.
    public let cors: CORSPolicy
    /// Whether `test`'s server serves the query explorer to browsers.
    public let explorer: Bool

    /// Builds the schema from SDL, opens a private in-memory SQLite database, migrates it and loads `fixtures`
    /// (rows by GraphQL type name, keyed by GraphQL field name; see `FixtureLoader` for the value forms).
    public init(
        schema sdl: String, fixtures: [String: [[String: JSONValue]]] = [:], now: Int64? = nil,
        maxBodyBytes: Int = StrataConfig.defaultMaxBodyBytes, cors: CORSPolicy = StrataConfig.defaultCORS,
        explorer: Bool = true
    ) async throws {
        let model = try DataModelLoader.build(sdl: sdl)
        self.runtime = try await Self.openRuntime(model: model)
        self.now = now
        self.maxBodyBytes = maxBodyBytes
        self.cors = cors
        self.explorer = explorer
        do {
            try await FixtureLoader.load(
                fixtures, model: model, adapters: runtime.adapters, now: now ?? Self.wallClockMicroseconds())
        } catch {
            await runtime.shutdown()
            throw error
        }
    }

    /// The repository's schema.graphql (or `schemaPath`) with the demo data set at `scale` plus any `fixtures`.
    public static func withDefaultSchema(
        scale: String = "small", fixtures: [String: [[String: JSONValue]]] = [:], schemaPath: String? = nil,
        now: Int64? = nil
    ) async throws -> StrataTestApp {
        let path = schemaPath ?? defaultSchemaPath()
        let sdl = try String(contentsOfFile: path, encoding: .utf8)
        let app = try await StrataTestApp(schema: sdl, now: now)
        do {
            for source in app.runtime.adapters.keys.sorted() {
                _ = try await app.runtime.seed(source: source, scale: scale, force: true)
            }
            try await FixtureLoader.load(
                fixtures, model: app.runtime.model, adapters: app.runtime.adapters, now: now ?? wallClockMicroseconds())
        } catch {
            await app.shutdown()
            throw error
        }
        return app
    }

    /// Runs one operation in-process (no HTTP).
    public func execute(
        _ query: String, variables: [String: JSONValue] = [:], operationName: String? = nil, actor: String? = nil,
        statements: Bool = false
    ) async -> TestResponse {
        let response = await runtime.execute(
            GraphQLRequest(query: query, operationName: operationName, variables: variables),
            context: RequestContext(actorID: actor, reportStatements: statements, now: now))
        return TestResponse(response)
    }

    /// Serves the app to `body` over HTTP: in-process through the router by default (`.router`), or on a real
    /// socket on a free port with `.live`. The runtime stays open afterwards.
    public func test<Value: Sendable>(
        _ setup: TestingSetup = .router, _ body: @Sendable (StrataTestClient) async throws -> Value
    ) async throws -> Value {
        var config = StrataConfig(
            sources: [StrataConfig.defaultSourceName: .memory], host: "127.0.0.1", port: 0, maxBodyBytes: maxBodyBytes)
        config.cors = cors
        config.explorer = explorer
        let app = StrataApp.makeApplication(
            runtime: runtime, config: config, logger: Self.quietLogger, closesRuntime: false)
        return try await app.test(setup) { client in try await body(StrataTestClient(client)) }
    }

    /// Closes the database.
    public func shutdown() async {
        await runtime.shutdown()
    }

    static let quietLogger = Logger(label: "strata.test") { _ in SwiftLogNoOpLogHandler() }

    static func openRuntime(model: DataModel) async throws -> StrataRuntime {
        var adapters: [String: any StorageAdapter] = [:]
        do {
            for source in Set(model.sources + [StrataConfig.defaultSourceName]).sorted() {
                let adapter = try await SQLiteAdapter(
                    path: ":memory:", model: model.storageModel(forSource: source), sourceName: source, readers: 1)
                adapters[source] = adapter
                try await adapter.migrate()
            }
        } catch {
            for adapter in adapters.values { await adapter.close() }
            throw error
        }
        return StrataRuntime(model: model, adapters: adapters)
    }

    /// `<repository>/schema.graphql`, found from this file's location (Sources/StrataTesting/ → the root);
    /// `STRATA_SCHEMA` overrides it.
    static func defaultSchemaPath(file: String = #filePath) -> String {
        if let path = ProcessInfo.processInfo.environment["STRATA_SCHEMA"], !path.isEmpty { return path }
        return URL(fileURLWithPath: file).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("schema.graphql").path
    }

    static func wallClockMicroseconds() -> Int64 {
        Int64((Date().timeIntervalSince1970 * 1_000_000).rounded())
    }
}

/// Builds a model from SDL, reporting schema problems with line and column.
enum DataModelLoader {
    static func build(sdl: String) throws -> DataModel {
        do {
            return try DataModelBuilder.build(sdl: sdl, name: "schema.graphql")
        } catch {
            throw FixtureError("the schema does not build:\n\(error.description)")
        }
    }
}
