import Foundation
import StrataModel
import StrataPostgres
import StrataSQLite
import StrataStorage
import Testing

/// The storage backends every conformance case runs on.
enum ConformanceBackend: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case memory
    case sqlite
    case postgres

    var testDescription: String { rawValue }

    /// The PostgreSQL URL from `STRATA_TEST_POSTGRES_URL`, if set.
    static var postgresURL: String? {
        guard let url = ProcessInfo.processInfo.environment["STRATA_TEST_POSTGRES_URL"], !url.isEmpty else { return nil }
        return url
    }

    /// Whether this run is CI (`CI` set), where a missing PostgreSQL fails instead of skipping.
    static var isCI: Bool {
        guard let value = ProcessInfo.processInfo.environment["CI"] else { return false }
        return !value.isEmpty && value != "0" && value.lowercased() != "false"
    }

    /// Opens a fresh, empty, migrated database of this backend for `model`. Returns nil when the backend is
    /// PostgreSQL and no URL is configured outside CI (the caller skips); in CI that case records a failure.
    func open(
        _ model: StorageModel, maxConnections: Int = 4, connectTimeout: Duration = .seconds(5),
        statementTimeout: Duration = .seconds(30), sourceLocation: SourceLocation = #_sourceLocation
    ) async throws -> (any StorageAdapter)? {
        switch self {
        case .memory:
            return MemoryAdapter(model: model, sourceName: "default")
        case .sqlite:
            let adapter = try await SQLiteAdapter(path: ":memory:", model: model, sourceName: "default", readers: 2)
            try await adapter.migrate()
            return adapter
        case .postgres:
            guard let url = Self.postgresURL else {
                if Self.isCI {
                    Issue.record(
                        "STRATA_TEST_POSTGRES_URL is not set in CI: run under scripts/with-postgres.sh",
                        sourceLocation: sourceLocation)
                }
                return nil
            }
            let schema = "conformance_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
            let adapter = try await PostgresAdapter(
                configuration: PostgresConfiguration(
                    url: url, schema: schema, maxConnections: maxConnections, connectTimeout: connectTimeout,
                    statementTimeout: statementTimeout, dropsSchemaOnClose: true),
                model: model, sourceName: "default")
            do {
                try await adapter.migrate()
            } catch {
                await adapter.close()
                throw error
            }
            return adapter
        }
    }
}
