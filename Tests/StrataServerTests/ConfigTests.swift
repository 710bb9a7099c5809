import Foundation
import StrataExecution
import StrataServer
import Testing

@Suite("Configuration")
struct ConfigTests {
    /// Writes `text` to a fresh temporary file and returns its path.
    static func temporaryFile(_ text: String) throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("strata-config-\(UUID().uuidString).json")
        try Data(text.utf8).write(to: url)
        return url.path
    }

    @Test("with nothing set: SQLite in ./data/strata.sqlite, schema.graphql, 127.0.0.1:8080, 1 MiB, seeding on")
    func defaults() throws {
        let config = try StrataConfig.load(environment: [:])
        #expect(config.sources == ["default": StrataConfig.Source(backend: .sqlite, path: "./data/strata.sqlite")])
        #expect(config.schemaPath == "schema.graphql")
        #expect(config.host == "127.0.0.1")
        #expect(config.port == 8080)
        #expect(config.maxBodyBytes == 1_048_576)
        #expect(config.shouldSeedIfEmpty)
        #expect(config.effectiveDemoScale == "small")
    }

    @Test("a config file sets sources and server settings")
    func file() throws {
        let path = try Self.temporaryFile(
            """
            {
              "schema": "api/schema.graphql", "host": "0.0.0.0", "port": 9000, "maxBodyBytes": 4096,
              "maxComplexity": 2000, "demoScale": "benchmark", "seedIfEmpty": false,
              "sources": {
                "default": {"backend": "sqlite", "path": "sqlite:/var/lib/strata/main.db", "maxConnections": 4},
                "ledger": {"backend": "postgres", "url": "postgresql://u@db:5432/ledger", "maxConnections": 8},
                "scratch": {"backend": "memory"}
              }
            }
            """)
        let config = try StrataConfig.load(environment: ["STRATA_CONFIG": path])
        #expect(config.schemaPath == "api/schema.graphql")
        #expect(config.host == "0.0.0.0")
        #expect(config.port == 9000)
        #expect(config.maxBodyBytes == 4096)
        #expect(config.executorOptions.maxComplexity == 2000)
        #expect(config.demoScale == "benchmark")
        #expect(config.seedIfEmpty == false)
        #expect(config.sources["default"] == StrataConfig.Source(backend: .sqlite, path: "/var/lib/strata/main.db", maxConnections: 4))
        #expect(config.sources["ledger"] == StrataConfig.Source(backend: .postgres, url: "postgresql://u@db:5432/ledger", maxConnections: 8))
        #expect(config.sources["scratch"] == StrataConfig.Source(backend: .memory))
    }

    @Test("environment variables override the file, and command-line options override both")
    func precedence() throws {
        let path = try Self.temporaryFile(#"{"port": 9000, "host": "10.0.0.1", "schema": "file.graphql"}"#)
        let environment = ["STRATA_PORT": "9100", "STRATA_SCHEMA": "env.graphql", "STRATA_BACKEND": "memory"]
        let fromEnvironment = try StrataConfig.load(overrides: ConfigOverrides(configPath: path), environment: environment)
        #expect(fromEnvironment.port == 9100)
        #expect(fromEnvironment.host == "10.0.0.1")
        #expect(fromEnvironment.schemaPath == "env.graphql")
        #expect(fromEnvironment.sources["default"]?.backend == .memory)

        let fromOptions = try StrataConfig.load(
            overrides: ConfigOverrides(configPath: path, schemaPath: "cli.graphql", port: 9200, backend: "sqlite"),
            environment: environment)
        #expect(fromOptions.port == 9200)
        #expect(fromOptions.schemaPath == "cli.graphql")
        #expect(fromOptions.sources["default"] == StrataConfig.Source(backend: .sqlite, path: "./data/strata.sqlite"))
    }

    @Test("STRATA_DATABASE_URL picks the backend from its form", arguments: [
        ("postgres://u@h/db", StrataConfig.Source(backend: .postgres, url: "postgres://u@h/db")),
        ("postgresql://u@h:5433/db", StrataConfig.Source(backend: .postgres, url: "postgresql://u@h:5433/db")),
        ("sqlite:/tmp/x.db", StrataConfig.Source(backend: .sqlite, path: "/tmp/x.db")),
        ("sqlite:///tmp/y.db", StrataConfig.Source(backend: .sqlite, path: "/tmp/y.db")),
        ("data/z.sqlite", StrataConfig.Source(backend: .sqlite, path: "data/z.sqlite")),
        (":memory:", StrataConfig.Source(backend: .sqlite, path: ":memory:")),
    ])
    func databaseURL(_ url: String, _ expected: StrataConfig.Source) throws {
        let config = try StrataConfig.load(environment: ["STRATA_DATABASE_URL": url])
        #expect(config.sources["default"] == expected)
        #expect(config.shouldSeedIfEmpty == (expected.backend != .postgres))
    }

    @Test("the cost limit is on by default; STRATA_MAX_COMPLEXITY sets it, 0 removes it")
    func costLimit() throws {
        #expect(try StrataConfig.load(environment: [:]).executorOptions.maxComplexity == 500_000)
        #expect(try StrataConfig.load(environment: ["STRATA_MAX_COMPLEXITY": "1000"]).executorOptions.maxComplexity == 1000)
        #expect(try StrataConfig.load(environment: ["STRATA_MAX_COMPLEXITY": "0"]).executorOptions.maxComplexity == nil)
    }

    @Test("CORS allows any origin by default; STRATA_CORS_ORIGINS and corsOrigins name origins or turn it off")
    func corsOrigins() throws {
        #expect(try StrataConfig.load(environment: [:]).cors == .anyOrigin)
        #expect(try StrataConfig.load(environment: ["STRATA_CORS_ORIGINS": "none"]).cors == .disabled)
        #expect(
            try StrataConfig.load(environment: ["STRATA_CORS_ORIGINS": "https://app.example.com, http://localhost:3000"]).cors
                == .origins(["https://app.example.com", "http://localhost:3000"]))
        let path = try Self.temporaryFile(#"{"corsOrigins": ["https://App.example.com"]}"#)
        #expect(try StrataConfig.load(environment: ["STRATA_CONFIG": path]).cors == .origins(["https://app.example.com"]))
    }

    @Test("invalid settings are refused with a typed error", arguments: [
        (["STRATA_BACKEND": "oracle"], ConfigError.unknownBackend("oracle", origin: "STRATA_BACKEND")),
        (["STRATA_BACKEND": "postgres"], ConfigError.missingURL(source: "default")),
        (["STRATA_PORT": "http"], ConfigError.badValue(key: "STRATA_PORT", value: "http", expected: "a port number")),
        (["STRATA_PORT": "70000"], ConfigError.badValue(key: "port", value: "70000", expected: "0…65535")),
        (["STRATA_MAX_COMPLEXITY": "-1"], ConfigError.badValue(key: "STRATA_MAX_COMPLEXITY", value: "-1", expected: "a cost, or 0 for no limit")),
        (["STRATA_MAX_COMPLEXITY": "lots"], ConfigError.badValue(key: "STRATA_MAX_COMPLEXITY", value: "lots", expected: "a cost, or 0 for no limit")),
        (["STRATA_DEMO_SCALE": "huge"], ConfigError.badValue(key: "demoScale", value: "huge", expected: "small, benchmark or a positive multiple of small")),
        (["STRATA_CORS_ORIGINS": "app.example.com"], ConfigError.badValue(key: "STRATA_CORS_ORIGINS", value: "app.example.com", expected: "*, none, or origins (scheme://host[:port]) separated by commas")),
        (["STRATA_BACKEND": "postgres", "STRATA_DATABASE_URL": "/tmp/file.db"], ConfigError.badValue(key: "database URL", value: "/tmp/file.db", expected: "a postgres:// or postgresql:// URL")),
    ] as [([String: String], ConfigError)])
    func environmentErrors(_ environment: [String: String], _ expected: ConfigError) {
        #expect(throws: expected) { try StrataConfig.load(environment: environment) }
    }

    @Test("config file errors name the problem", arguments: [
        (#"{"prot": 80}"#, "unknown key \"prot\""),
        (#"{"port": "80"}"#, "\"port\" must be an integer"),
        (#"{"sources": {"default": {"backend": "mysql"}}}"#, "unknown backend \"mysql\""),
        (#"{"sources": {"default": {"path": "x.db"}}}"#, "has no \"backend\""),
        (#"{"sources": {"other": {"backend": "memory"}}}"#, "no \"default\" source"),
        (#"{"sources": {"default": {"backend": "postgres"}}}"#, "has no url"),
        (#"{"corsOrigins": 3}"#, "\"corsOrigins\" must be"),
        (#"{"corsOrigins": ["https://ok.example", "https://bad.example/path"]}"#, "scheme://host[:port]"),
        (#"[1, 2]"#, "must be a JSON object"),
        (#"{"port": 80,"#, "Invalid JSON"),
    ])
    func fileErrors(_ text: String, _ fragment: String) throws {
        let path = try Self.temporaryFile(text)
        do {
            _ = try StrataConfig.load(overrides: ConfigOverrides(configPath: path), environment: [:])
            Issue.record("expected a ConfigError for \(text)")
        } catch {
            #expect(error.description.contains(fragment), "\(error.description)")
        }
    }

    @Test("a missing config file is reported")
    func missingFile() {
        #expect(throws: ConfigError.self) {
            try StrataConfig.load(overrides: ConfigOverrides(configPath: "/nonexistent/strata.json"), environment: [:])
        }
    }
}
