/// A configuration that cannot be used, with a message that says what to fix.
public enum ConfigError: Error, Sendable, Hashable, CustomStringConvertible {
    case unknownBackend(String, origin: String)
    case missingURL(source: String)
    case missingPath(source: String)
    case badValue(key: String, value: String, expected: String)
    case unknownKey(String, origin: String)
    case unreadableFile(path: String, reason: String)
    case invalidFile(path: String, reason: String)
    case missingDefaultSource
    /// The schema names a source (`@source(name:)`) that the configuration does not define.
    case undefinedSource(String)

    public var description: String {
        switch self {
        case .unknownBackend(let name, let origin):
            "unknown backend \"\(name)\" in \(origin) (expected memory, sqlite or postgres)"
        case .missingURL(let source):
            "source \"\(source)\" uses the postgres backend but has no url (set STRATA_DATABASE_URL, --database-url or sources.\(source).url)"
        case .missingPath(let source):
            "source \"\(source)\" uses the sqlite backend but has no path"
        case .badValue(let key, let value, let expected):
            "invalid \(key) \"\(value)\": expected \(expected)"
        case .unknownKey(let key, let origin):
            "unknown key \"\(key)\" in \(origin)"
        case .unreadableFile(let path, let reason):
            "cannot read config file \(path): \(reason)"
        case .invalidFile(let path, let reason):
            "invalid config file \(path): \(reason)"
        case .missingDefaultSource:
            "the configuration has no \"default\" source"
        case .undefinedSource(let name):
            "schema.graphql uses @source(name: \"\(name)\") but the configuration defines no source of that name"
        }
    }
}
