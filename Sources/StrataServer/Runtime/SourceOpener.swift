import StrataPostgres
import StrataSQLite
import StrataStorage
import Foundation

/// Opens the adapter of one configured source. The only place that knows the adapters' initializers.
enum SourceOpener {
    static func open(
        _ source: StrataConfig.Source, name: String, model: StorageModel
    ) async throws(RuntimeError) -> any StorageAdapter {
        switch source.backend {
        case .memory:
            return MemoryAdapter(model: model, sourceName: name)
        case .sqlite:
            let path = source.path ?? StrataConfig.defaultSQLitePath
            try createParentDirectory(of: path, source: name)
            do {
                return try await SQLiteAdapter(
                    path: path, model: model, sourceName: name, readers: source.maxConnections ?? 2)
            } catch {
                throw .source(name: name, storageError(error))
            }
        case .postgres:
            guard let url = source.url else { throw .config(.missingURL(source: name)) }
            do {
                return try await PostgresAdapter(
                    configuration: PostgresConfiguration(url: url, maxConnections: source.maxConnections ?? 8),
                    model: model, sourceName: name)
            } catch {
                throw .source(name: name, storageError(error))
            }
        }
    }

    /// SQLite creates the file but not its directory (`./data` for the embedded default).
    static func createParentDirectory(of path: String, source: String) throws(RuntimeError) {
        guard path != ":memory:", !path.hasPrefix("file:") else { return }
        let directory = URL(fileURLWithPath: path).deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        } catch {
            throw .source(
                name: source,
                StorageError(.connectionFailed, "cannot create directory \(directory.path)", detail: "\(error)"))
        }
    }

    static func storageError(_ error: any Error) -> StorageError {
        if let error = error as? StorageError { return error }
        return StorageError(.connectionFailed, "cannot open the database", detail: "\(error)")
    }
}
