import ArgumentParser
import StrataServer

struct SeedCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "seed",
        abstract: "Load the demo data set into the configured backend (migrating it first).",
        discussion: """
            A source that already holds rows is left alone, and the command fails, unless --force is given \
            (the demo rows are then added to what is there). Seeding the memory backend is pointless: its data \
            lives only as long as the process.
            """)

    @Option(help: "small, benchmark, or a number of users (default: $STRATA_DEMO_SCALE or small).")
    var scale: String?

    @Flag(help: "Seed even when the database already holds data.")
    var force = false

    @OptionGroup var source: SourceOptions

    func run() async throws {
        do {
            let config = try source.load(demoScale: scale)
            let runtime = try await StrataRuntime.start(
                config: config, logger: CLILogger.makeLogger(quiet: true), migrate: true, seed: false)
            var refused: [String] = []
            do {
                for name in runtime.adapters.keys.sorted() {
                    switch try await runtime.seed(source: name, scale: config.effectiveDemoScale, force: force) {
                    case .seeded(let rows): Console.output("\(name): seeded (\(config.effectiveDemoScale)); \(rows) rows")
                    case .nothingToSeed: Console.output("\(name): no tables")
                    case .skippedNotEmpty: refused.append(name)
                    }
                }
            } catch {
                await runtime.shutdown()
                throw error
            }
            await runtime.shutdown()
            if let first = refused.first { throw RuntimeError.sourceNotEmpty(first) }
        } catch {
            throw fail(error)
        }
    }
}
