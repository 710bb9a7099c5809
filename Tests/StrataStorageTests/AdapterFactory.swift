import Foundation
import StrataPostgres
import StrataSQLite
import StrataStorage
import Testing

/// The backends the conformance suite runs against. Colleagues add `.sqlite` and `.postgres` here and in
/// `makeAdapter(_:model:)`; every conformance test then runs on them through `@Test(arguments: AdapterKind.allCases)`.
enum AdapterKind: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case memory
    case sqlite
    case postgres

    var testDescription: String { rawValue }
}

/// A fresh, empty, migrated adapter for `model`: each call must be isolated from every other (its own in-memory
/// store, its own SQLite file, its own PostgreSQL schema), because conformance tests run in parallel.
///
/// PostgreSQL hook: read the server URL from `STRATA_TEST_POSTGRES_URL`. When it is missing:
/// - if `CI` is set, the test must FAIL: `throw AdapterUnavailable(kind: .postgres, reason: "…")`;
/// - otherwise skip just this test case: `try Test.cancel("STRATA_TEST_POSTGRES_URL is not set")`.
/// Use `adapterEnvironment(_:)` below to read the variables.
func makeAdapter(_ kind: AdapterKind, model: StorageModel) async throws -> any StorageAdapter {
    let adapter: any StorageAdapter
    switch kind {
    case .memory:
        adapter = MemoryAdapter(model: model, sourceName: "test")
    case .sqlite:
        adapter = try await SQLiteAdapter(path: ":memory:", model: model, sourceName: "test")
    case .postgres:
        guard let url = adapterEnvironment("STRATA_TEST_POSTGRES_URL") else {
            if adapterEnvironment("CI") != nil {
                throw AdapterUnavailable(kind: .postgres, reason: "STRATA_TEST_POSTGRES_URL is not set on CI")
            }
            try Test.cancel("STRATA_TEST_POSTGRES_URL is not set")
        }
        // A schema of its own, dropped again on close.
        let schema = "t_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        adapter = try await PostgresAdapter(
            configuration: PostgresConfiguration(url: url, schema: schema, dropsSchemaOnClose: true), model: model,
            sourceName: "test")
    }
    try await adapter.migrate()
    return adapter
}

/// An environment variable, nil when unset or empty.
func adapterEnvironment(_ name: String) -> String? {
    guard let value = ProcessInfo.processInfo.environment[name], !value.isEmpty else { return nil }
    return value
}

/// Thrown by `makeAdapter` when a backend the run requires cannot be reached.
struct AdapterUnavailable: Error, CustomStringConvertible {
    var kind: AdapterKind
    var reason: String
    var description: String { "\(kind.rawValue) adapter unavailable: \(reason)" }
}
