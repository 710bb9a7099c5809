/// Everything `strata` needs to serve: the schema file, the HTTP listener, the data sources and the demo data policy.
///
/// A value is assembled by `StrataConfig.load(file:environment:overrides:)` from, lowest precedence first,
/// the built-in defaults, a JSON config file, environment variables and command-line options.
///
/// ## The JSON config file (`--config PATH` or `STRATA_CONFIG`)
/// Every key is optional; unknown keys are refused so that typos do not go unnoticed.
/// ```json
/// {
///   "schema": "schema.graphql",
///   "host": "0.0.0.0",
///   "port": 8080,
///   "maxBodyBytes": 1048576,
///   "maxComplexity": 500000,
///   "demoScale": "small",
///   "seedIfEmpty": true,
///   "corsOrigins": ["https://app.example.com", "http://localhost:3000"],
///   "explorer": true,
///   "sources": {
///     "default": { "backend": "sqlite", "path": "./data/strata.sqlite" },
///     "ledger": { "backend": "postgres", "url": "postgresql://strata@127.0.0.1:5432/ledger", "maxConnections": 8 }
///   }
/// }
/// ```
/// A type of schema.graphql picks its source with `@source(name:)`; types without it use `default`.
/// Relative paths (`schema`, sqlite `path`) are resolved against the working directory.
///
/// ## Environment variables (single-source setups: they configure the `default` source)
/// `STRATA_CONFIG` (config file), `STRATA_BACKEND` (`memory|sqlite|postgres`), `STRATA_DATABASE_URL` (a PostgreSQL URL,
/// or for SQLite a file path or `sqlite:PATH`; the backend is inferred from it when `STRATA_BACKEND` is unset),
/// `STRATA_HOST`, `STRATA_PORT`, `STRATA_SCHEMA`, `STRATA_DEMO_SCALE`, `STRATA_SEED_IF_EMPTY` (`true|false`),
/// `STRATA_MAX_BODY_BYTES`, `STRATA_MAX_COMPLEXITY` (a cost limit, `0` for none), `STRATA_CORS_ORIGINS` (`*`,
/// `none`, or origins separated by commas), `STRATA_EXPLORER` (`true|false`).
///
/// ## Defaults (nothing set)
/// One `default` source on the SQLite file `./data/strata.sqlite` (its directory is created), migrated at start and
/// seeded with the `small` demo data set when it is empty; `schema.graphql`; `127.0.0.1:8080`; 1 MiB request bodies;
/// browsers on any origin may call it (CORS `*`, no credentials); a browser opening `/graphql` gets the explorer.
public struct StrataConfig: Sendable, Hashable {
    /// The storage backend of one source.
    public enum Backend: String, Sendable, Hashable, CaseIterable {
        case memory
        case sqlite
        case postgres
    }

    /// One named data source.
    public struct Source: Sendable, Hashable {
        public var backend: Backend
        /// The SQLite database file (`:memory:` for a private in-memory database).
        public var path: String?
        /// The PostgreSQL connection URL.
        public var url: String?
        /// Upper bound of the connection pool (PostgreSQL) or of reader connections (SQLite); nil: the adapter's default.
        public var maxConnections: Int?

        public init(backend: Backend, path: String? = nil, url: String? = nil, maxConnections: Int? = nil) {
            self.backend = backend
            self.path = path
            self.url = url
            self.maxConnections = maxConnections
        }

        /// The embedded default: SQLite in `./data/strata.sqlite`.
        public static let embeddedDefault = Source(backend: .sqlite, path: StrataConfig.defaultSQLitePath)

        /// A process-private in-memory store.
        public static let memory = Source(backend: .memory)
    }

    public static let defaultSourceName = "default"
    public static let defaultSQLitePath = "./data/strata.sqlite"
    public static let defaultSchemaPath = "schema.graphql"
    public static let defaultHost = "127.0.0.1"
    public static let defaultPort = 8080
    public static let defaultMaxBodyBytes = 1 << 20
    public static let defaultDemoScale = "small"
    public static let defaultCORS = CORSPolicy.anyOrigin

    /// Sources by name. Always holds `default` after loading.
    public var sources: [String: Source]
    public var schemaPath: String
    public var host: String
    public var port: Int
    /// Largest accepted request body; bigger bodies get 413.
    public var maxBodyBytes: Int
    /// Highest estimated cost of an operation (`MaxComplexityRule`); nil: `ExecutorOptions.defaultMaxComplexity`;
    /// 0: no limit.
    public var maxComplexity: Int?
    /// Demo data scale for seeding: `small`, `benchmark` or a positive number multiplying `small`. nil: `small`.
    public var demoScale: String?
    /// Load the demo data into sources that are empty at start. nil: true unless a source is PostgreSQL
    /// (a real database is never filled with demo rows unless asked to).
    public var seedIfEmpty: Bool?
    /// Which browser origins may call the server (`corsOrigins`, `STRATA_CORS_ORIGINS`).
    public var cors: CORSPolicy = StrataConfig.defaultCORS
    /// Whether a browser opening `/graphql` gets the query explorer page (`explorer`, `STRATA_EXPLORER`).
    public var explorer = true

    public init(
        sources: [String: Source] = [StrataConfig.defaultSourceName: .embeddedDefault],
        schemaPath: String = StrataConfig.defaultSchemaPath, host: String = StrataConfig.defaultHost,
        port: Int = StrataConfig.defaultPort, maxBodyBytes: Int = StrataConfig.defaultMaxBodyBytes,
        demoScale: String? = nil, seedIfEmpty: Bool? = nil
    ) {
        self.sources = sources
        self.schemaPath = schemaPath
        self.host = host
        self.port = port
        self.maxBodyBytes = maxBodyBytes
        self.demoScale = demoScale
        self.seedIfEmpty = seedIfEmpty
    }

    /// The seeding policy with its default applied.
    public var shouldSeedIfEmpty: Bool {
        seedIfEmpty ?? !sources.values.contains { $0.backend == .postgres }
    }

    /// The demo data scale with its default applied.
    public var effectiveDemoScale: String { demoScale ?? StrataConfig.defaultDemoScale }

    /// Checks the values a file or the environment may have got wrong.
    public func validated() throws(ConfigError) -> StrataConfig {
        guard (0...65_535).contains(port) else { throw .badValue(key: "port", value: String(port), expected: "0…65535") }
        guard maxBodyBytes > 0 else {
            throw .badValue(key: "maxBodyBytes", value: String(maxBodyBytes), expected: "a positive number of bytes")
        }
        if let maxComplexity, maxComplexity < 0 {
            throw .badValue(key: "maxComplexity", value: String(maxComplexity), expected: "a cost, or 0 for no limit")
        }
        guard !host.isEmpty else { throw .badValue(key: "host", value: host, expected: "a host name or address") }
        guard sources[StrataConfig.defaultSourceName] != nil else { throw .missingDefaultSource }
        for (name, source) in sources {
            switch source.backend {
            case .postgres:
                guard let url = source.url, !url.isEmpty else { throw .missingURL(source: name) }
            case .sqlite:
                guard let path = source.path, !path.isEmpty else { throw .missingPath(source: name) }
            case .memory: break
            }
            if let max = source.maxConnections, max < 1 {
                throw .badValue(key: "sources.\(name).maxConnections", value: String(max), expected: "at least 1")
            }
        }
        if let demoScale, DemoSeeder.scale(named: demoScale) == nil {
            throw .badValue(key: "demoScale", value: demoScale, expected: "small, benchmark or a positive multiple of small")
        }
        return self
    }
}

