import ArgumentParser
import StrataServer

/// Where the schema and the data live; shared by every command that opens the configured backend.
struct SourceOptions: ParsableArguments {
    @Option(help: "A JSON config file (default: $STRATA_CONFIG).")
    var config: String?

    @Option(help: "The schema file (default: $STRATA_SCHEMA or schema.graphql).")
    var schema: String?

    @Option(help: "Backend of the default source: memory, sqlite or postgres (default: $STRATA_BACKEND or sqlite).")
    var backend: String?

    @Option(
        name: .customLong("database-url"),
        help: "PostgreSQL URL, or SQLite file path / sqlite:PATH (default: $STRATA_DATABASE_URL or ./data/strata.sqlite).")
    var databaseURL: String?

    func load(host: String? = nil, port: Int? = nil, demoScale: String? = nil) throws(ConfigError) -> StrataConfig {
        try StrataConfig.load(
            overrides: ConfigOverrides(
                configPath: config, schemaPath: schema, host: host, port: port, backend: backend,
                databaseURL: databaseURL, demoScale: demoScale))
    }
}
