import ArgumentParser
import Logging
import StrataServer

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the GraphQL API over HTTP until SIGINT or SIGTERM.",
        discussion: """
            With nothing configured, serves schema.graphql from the SQLite file ./data/strata.sqlite, created, \
            migrated and filled with demo data on first start.
            """)

    @OptionGroup var source: SourceOptions

    @Option(help: "Address to listen on (default: $STRATA_HOST or 127.0.0.1).")
    var host: String?

    @Option(help: "Port to listen on (default: $STRATA_PORT or 8080; 0 picks a free port).")
    var port: Int?

    func run() async throws {
        let config: StrataConfig
        do {
            config = try source.load(host: host, port: port)
        } catch {
            throw fail(error)
        }
        do {
            try await StrataApp.serve(config: config, logger: CLILogger.makeLogger())
        } catch {
            throw fail(error)
        }
    }
}

enum CLILogger {
    /// A logger on standard error; `LOG_LEVEL` (trace…critical) sets the level: by default `info`, or `warning` when
    /// `quiet` (commands whose standard output is their result).
    static func makeLogger(quiet: Bool = false) -> Logger {
        let level: Logger.Level = quiet ? .warning : .info
        var logger = Logger(label: "strata") { StreamLogHandler.standardError(label: $0) }
        logger.logLevel =
            ProcessInfoEnvironment.value("LOG_LEVEL").flatMap { Logger.Level(rawValue: $0.lowercased()) } ?? level
        return logger
    }
}
