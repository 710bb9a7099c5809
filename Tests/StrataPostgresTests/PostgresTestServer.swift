import Foundation
import StrataPostgres
import StrataStorage
import Testing

/// The test server from `scripts/with-postgres.sh`. Without `STRATA_TEST_POSTGRES_URL` the server tests are
/// disabled, except on CI (`CI` set), where they fail.
enum PostgresTestServer {
    static var url: String? { environment("STRATA_TEST_POSTGRES_URL") }

    static func environment(_ name: String) -> String? {
        guard let value = ProcessInfo.processInfo.environment[name], !value.isEmpty else { return nil }
        return value
    }

    /// Tests needing the server run when it is configured, and always on CI (failing there without it).
    static var isAvailable: Bool { url != nil || environment("CI") != nil }

    static func requireURL() throws -> String {
        try #require(url, "STRATA_TEST_POSTGRES_URL must be set on CI (run through scripts/with-postgres.sh)")
    }

    /// A unique schema name for one test.
    static func uniqueSchema() -> String {
        "t_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
    }

    /// A migrated adapter on a fresh schema, closed (and its schema dropped) after `body`.
    static func withAdapter<T>(
        model: StorageModel, maxConnections: Int = 4, statementTimeout: Duration = .seconds(30),
        checkoutTimeout: Duration? = nil, url: String? = nil,
        _ body: (PostgresAdapter) async throws -> T
    ) async throws -> T {
        let configuration = PostgresConfiguration(
            url: try url ?? requireURL(), schema: uniqueSchema(), maxConnections: maxConnections,
            statementTimeout: statementTimeout, checkoutTimeout: checkoutTimeout, dropsSchemaOnClose: true)
        let adapter = try await PostgresAdapter(configuration: configuration, model: model, sourceName: "pg")
        do {
            try await adapter.migrate()
            let result = try await body(adapter)
            await adapter.close()
            return result
        } catch {
            await adapter.close()
            throw error
        }
    }
}

/// Expects `body` to throw a `StorageError` with `code` and returns it.
@discardableResult
func expectStorageError(
    _ code: StorageError.Code, sourceLocation: SourceLocation = #_sourceLocation, _ body: () async throws -> Void
) async -> StorageError? {
    do {
        try await body()
        Issue.record("expected \(code), got no error", sourceLocation: sourceLocation)
    } catch let error as StorageError {
        #expect(error.code == code, "\(error.debugDescription)", sourceLocation: sourceLocation)
        return error
    } catch {
        Issue.record("expected StorageError \(code), got \(error)", sourceLocation: sourceLocation)
    }
    return nil
}
