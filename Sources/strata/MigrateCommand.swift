import ArgumentParser
import StrataServer

struct MigrateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "migrate",
        abstract: "Create or update the tables of the configured SQL sources (idempotent).")

    @OptionGroup var source: SourceOptions

    func run() async throws {
        do {
            let config = try source.load()
            let runtime = try await StrataRuntime.start(
                config: config, logger: CLILogger.makeLogger(quiet: true), migrate: true, seed: false)
            await runtime.shutdown()
            for (name, source) in config.sources.sorted(by: { $0.key < $1.key }) where runtime.adapters[name] != nil {
                Console.output(
                    source.backend == .memory
                        ? "\(name): memory backend, nothing to migrate"
                        : "\(name): migrated (\(source.backend.rawValue))")
            }
        } catch {
            throw fail(error)
        }
    }
}
