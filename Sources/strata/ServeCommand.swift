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

    /// Runs Swift concurrency on the server's event loops (`EventLoopExecutor`) unless
    /// `STRATA_EVENT_LOOP_EXECUTOR=false`; `STRATA_EVENT_LOOPS` sets their number (default: one per core).
    /// Called on the main thread before the command runs.
    static func prepareExecutor() {
        let enabled = ProcessInfoEnvironment.value("STRATA_EVENT_LOOP_EXECUTOR").map { $0.lowercased() != "false" && $0 != "0" } ?? true
        let threads = ProcessInfoEnvironment.value("STRATA_EVENT_LOOPS").flatMap { Int($0) }
        if enabled {
            EventLoopExecutor.install(threads: threads)
        } else if let threads, threads > 0 {
            EventLoopExecutor.setThreadCount(threads)
        }
    }

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
        var logger = Logger(label: "strata") { StandardErrorLogHandler(label: $0) }
        logger.logLevel =
            ProcessInfoEnvironment.value("LOG_LEVEL").flatMap { Logger.Level(rawValue: $0.lowercased()) } ?? level
        return logger
    }
}
