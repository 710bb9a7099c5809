import StrataLanguage
public import StrataModel
public import StrataStorage

/// Why a runtime could not start (or a maintenance command could not run).
public enum RuntimeError: Error, Sendable, CustomStringConvertible {
    case config(ConfigError)
    case schemaUnreadable(path: String, reason: String)
    /// schema.graphql does not build; every problem is located in the file.
    case schemaInvalid(path: String, ModelError)
    /// A source could not be opened, migrated or checked.
    case source(name: String, StorageError)
    case seedFailed(source: String, reason: String)
    /// `strata seed` on a source that already has rows (use `--force`).
    case sourceNotEmpty(String)

    public var description: String {
        switch self {
        case .config(let error): error.description
        case .schemaUnreadable(let path, let reason): "cannot read schema \(path): \(reason)"
        case .schemaInvalid(let path, let error):
            error.errors.map { error in
                let location = error.locations.first.map { "\($0.line):\($0.column):" } ?? ""
                return "\(path):\(location) error: \(error.message)"
            }.joined(separator: "\n")
        case .source(let name, let error): "source \"\(name)\": \(error.debugDescription)"
        case .seedFailed(let source, let reason): "seeding source \"\(source)\" failed: \(reason)"
        case .sourceNotEmpty(let source):
            "source \"\(source)\" already holds data; pass --force to add the demo data anyway"
        }
    }
}
