import Foundation
import StrataJSON

extension StrataConfig {
    /// Builds the configuration: defaults, then the config file (`overrides.configPath` or `STRATA_CONFIG`), then the
    /// environment (nil: the process's), then `overrides`; the result is validated.
    public static func load(
        overrides: ConfigOverrides = ConfigOverrides(),
        environment: [String: String]? = nil
    ) throws(ConfigError) -> StrataConfig {
        let env = (environment ?? ProcessInfo.processInfo.environment).filter { !$0.value.isEmpty }
        var config = StrataConfig()
        if let path = overrides.configPath ?? env["STRATA_CONFIG"] {
            config = try StrataConfig(file: path)
        }
        try config.apply(environment: env)
        try config.apply(overrides)
        return try config.validated()
    }

    /// Reads a JSON config file (see the format in `StrataConfig`'s documentation) over the defaults.
    public init(file path: String) throws(ConfigError) {
        let bytes: [UInt8]
        do {
            bytes = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
        } catch {
            throw .unreadableFile(path: path, reason: (error as NSError).localizedDescription)
        }
        try self.init(json: bytes, origin: path)
    }

    /// Parses the JSON config format from bytes; `origin` names the input in messages.
    public init(json bytes: [UInt8], origin: String = "config") throws(ConfigError) {
        let root: JSONValue
        do {
            root = try JSONParser.parse(bytes)
        } catch {
            throw .invalidFile(path: origin, reason: error.description)
        }
        guard case .object(let members) = root else {
            throw .invalidFile(path: origin, reason: "the top level must be a JSON object")
        }
        self.init()
        for member in members {
            let key = member.key
            let value = member.value
            switch key {
            case "schema": schemaPath = try Self.string(value, key: key, origin: origin)
            case "host": host = try Self.string(value, key: key, origin: origin)
            case "port": port = try Self.int(value, key: key, origin: origin)
            case "maxBodyBytes": maxBodyBytes = try Self.int(value, key: key, origin: origin)
            case "maxComplexity": maxComplexity = try Self.int(value, key: key, origin: origin)
            case "demoScale":
                if case .int(let n) = value { demoScale = String(n) } else {
                    demoScale = try Self.string(value, key: key, origin: origin)
                }
            case "seedIfEmpty":
                guard case .bool(let flag) = value else {
                    throw .invalidFile(path: origin, reason: "\"seedIfEmpty\" must be true or false")
                }
                seedIfEmpty = flag
            case "explorer":
                guard case .bool(let flag) = value else {
                    throw .invalidFile(path: origin, reason: "\"explorer\" must be true or false")
                }
                explorer = flag
            case "corsOrigins":
                let list: [String]
                switch value {
                case .string(let text): list = [text]
                case .array(let items):
                    list = try items.map { item throws(ConfigError) in try Self.string(item, key: key, origin: origin) }
                default:
                    throw .invalidFile(path: origin, reason: "\"corsOrigins\" must be \"*\", \"none\" or a list of origins")
                }
                let text = list.joined(separator: ",")
                guard let policy = CORSPolicy(commaSeparated: text) else {
                    throw .badValue(key: key, value: text, expected: Self.corsExpectation)
                }
                cors = policy
            case "sources":
                guard case .object(let entries) = value, !entries.isEmpty else {
                    throw .invalidFile(path: origin, reason: "\"sources\" must be a non-empty object of sources by name")
                }
                var parsed: [String: Source] = [:]
                for entry in entries {
                    parsed[entry.key] = try Self.source(entry.value, name: entry.key, origin: origin)
                }
                sources = parsed
            default:
                throw .unknownKey(key, origin: origin)
            }
        }
    }

    /// Applies the `STRATA_*` variables (empty values count as unset).
    mutating func apply(environment env: [String: String]) throws(ConfigError) {
        if let schema = env["STRATA_SCHEMA"] { schemaPath = schema }
        if let host = env["STRATA_HOST"] { self.host = host }
        if let text = env["STRATA_PORT"] {
            guard let port = Int(text) else { throw .badValue(key: "STRATA_PORT", value: text, expected: "a port number") }
            self.port = port
        }
        if let text = env["STRATA_MAX_BODY_BYTES"] {
            guard let bytes = Int(text) else {
                throw .badValue(key: "STRATA_MAX_BODY_BYTES", value: text, expected: "a number of bytes")
            }
            maxBodyBytes = bytes
        }
        if let text = env["STRATA_MAX_COMPLEXITY"] {
            guard let cost = Int(text), cost >= 0 else {
                throw .badValue(key: "STRATA_MAX_COMPLEXITY", value: text, expected: "a cost, or 0 for no limit")
            }
            maxComplexity = cost
        }
        if let text = env["STRATA_CORS_ORIGINS"] {
            guard let policy = CORSPolicy(commaSeparated: text) else {
                throw .badValue(key: "STRATA_CORS_ORIGINS", value: text, expected: Self.corsExpectation)
            }
            cors = policy
        }
        if let scale = env["STRATA_DEMO_SCALE"] { demoScale = scale }
        if let text = env["STRATA_SEED_IF_EMPTY"] {
            switch text.lowercased() {
            case "1", "true", "yes": seedIfEmpty = true
            case "0", "false", "no": seedIfEmpty = false
            default: throw .badValue(key: "STRATA_SEED_IF_EMPTY", value: text, expected: "true or false")
            }
        }
        if let text = env["STRATA_EXPLORER"] {
            switch text.lowercased() {
            case "1", "true", "yes": explorer = true
            case "0", "false", "no": explorer = false
            default: throw .badValue(key: "STRATA_EXPLORER", value: text, expected: "true or false")
            }
        }
        try applySingleSource(
            backend: env["STRATA_BACKEND"], url: env["STRATA_DATABASE_URL"], origin: "STRATA_BACKEND")
    }

    static let corsExpectation = "*, none, or origins (scheme://host[:port]) separated by commas"

    /// Applies command-line options.
    mutating func apply(_ overrides: ConfigOverrides) throws(ConfigError) {
        if let schema = overrides.schemaPath { schemaPath = schema }
        if let host = overrides.host { self.host = host }
        if let port = overrides.port { self.port = port }
        if let scale = overrides.demoScale { demoScale = scale }
        try applySingleSource(backend: overrides.backend, url: overrides.databaseURL, origin: "--backend")
    }

    /// Points the `default` source at `backend`/`url`. A URL alone picks its backend: `postgres://` and
    /// `postgresql://` mean PostgreSQL, anything else (`sqlite:PATH` or a plain path) SQLite.
    mutating func applySingleSource(backend backendName: String?, url: String?, origin: String) throws(ConfigError) {
        guard backendName != nil || url != nil else { return }
        let existing = sources[Self.defaultSourceName] ?? .embeddedDefault
        let backend: Backend
        if let backendName {
            guard let parsed = Backend(rawValue: backendName.lowercased()) else {
                throw .unknownBackend(backendName, origin: origin)
            }
            backend = parsed
        } else if let url, Self.isPostgresURL(url) {
            backend = .postgres
        } else {
            backend = .sqlite
        }
        var source = Source(backend: backend, maxConnections: existing.maxConnections)
        switch backend {
        case .postgres:
            if let url {
                guard Self.isPostgresURL(url) else {
                    throw .badValue(key: "database URL", value: url, expected: "a postgres:// or postgresql:// URL")
                }
                source.url = url
            } else if existing.backend == .postgres {
                source.url = existing.url
            }
        case .sqlite:
            if let url {
                guard !Self.isPostgresURL(url) else {
                    throw .badValue(key: "database URL", value: url, expected: "a SQLite file path or sqlite:PATH")
                }
                source.path = Self.sqlitePath(url)
            } else if existing.backend == .sqlite, let path = existing.path {
                source.path = path
            } else {
                source.path = Self.defaultSQLitePath
            }
        case .memory:
            break
        }
        sources[Self.defaultSourceName] = source
    }

    static func isPostgresURL(_ url: String) -> Bool {
        url.hasPrefix("postgres://") || url.hasPrefix("postgresql://")
    }

    /// `sqlite:///abs/path`, `sqlite://rel/path`, `sqlite:path` or a plain path → the file path.
    static func sqlitePath(_ url: String) -> String {
        if url.hasPrefix("sqlite://") { return String(url.dropFirst("sqlite://".count)) }
        if url.hasPrefix("sqlite:") { return String(url.dropFirst("sqlite:".count)) }
        return url
    }

    private static func source(_ value: JSONValue, name: String, origin: String) throws(ConfigError) -> Source {
        guard case .object(let members) = value else {
            throw .invalidFile(path: origin, reason: "sources.\(name) must be an object")
        }
        var backendName: String?
        var source = Source(backend: .memory)
        for member in members {
            let key = "sources.\(name).\(member.key)"
            switch member.key {
            case "backend": backendName = try string(member.value, key: key, origin: origin)
            case "path": source.path = try string(member.value, key: key, origin: origin)
            case "url": source.url = try string(member.value, key: key, origin: origin)
            case "maxConnections": source.maxConnections = try int(member.value, key: key, origin: origin)
            default: throw .unknownKey(key, origin: origin)
            }
        }
        guard let backendName else {
            throw .invalidFile(path: origin, reason: "sources.\(name) has no \"backend\" (memory, sqlite or postgres)")
        }
        guard let backend = Backend(rawValue: backendName) else {
            throw .unknownBackend(backendName, origin: "\(origin) (sources.\(name).backend)")
        }
        source.backend = backend
        if backend == .sqlite, let path = source.path { source.path = sqlitePath(path) }
        return source
    }

    private static func string(_ value: JSONValue, key: String, origin: String) throws(ConfigError) -> String {
        guard case .string(let text) = value else {
            throw .invalidFile(path: origin, reason: "\"\(key)\" must be a string")
        }
        return text
    }

    private static func int(_ value: JSONValue, key: String, origin: String) throws(ConfigError) -> Int {
        guard case .int(let number) = value, let int = Int(exactly: number) else {
            throw .invalidFile(path: origin, reason: "\"\(key)\" must be an integer")
        }
        return int
    }
}
