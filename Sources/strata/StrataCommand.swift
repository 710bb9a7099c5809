import ArgumentParser
import Foundation
import StrataServer

/// `strata`: serve a schema-first GraphQL API, run operations in-process, check and print the schema, and manage
/// the configured database. Exit codes: 0 success, 1 failure (or a response with errors), 2 usage/config errors.
@main
struct StrataCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "strata",
        abstract: "A schema-first GraphQL server.",
        version: StrataVersion.current,
        subcommands: [ServeCommand.self, QueryCommand.self, SchemaCommand.self, MigrateCommand.self, SeedCommand.self])

    /// Like ArgumentParser's, except that usage errors exit with 2 (not 64).
    static func main() async {
        do {
            var command = try parseAsRoot()
            if command is ServeCommand { ServeCommand.prepareExecutor() }
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            if exitCode(for: error) == .validationFailure {
                Console.error(fullMessage(for: error))
                Console.error(usageString().isEmpty ? "" : "Run 'strata --help' for usage.")
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}

/// Writes to the standard streams.
enum Console {
    static func error(_ text: String) {
        guard !text.isEmpty else { return }
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    static func output(_ text: String) {
        FileHandle.standardOutput.write(Data((text + "\n").utf8))
    }
}

/// Reports a failure and turns it into the exit code of the command.
func fail(_ error: any Error) -> ExitCode {
    switch error {
    case let error as ConfigError:
        Console.error("error: \(error.description)")
        return ExitCode(2)
    case let error as RuntimeError:
        Console.error(error.description.hasPrefix("/") || error.description.contains(": error:") ? error.description : "error: \(error.description)")
        switch error {
        case .config, .schemaInvalid, .schemaUnreadable: return ExitCode(2)
        default: return ExitCode(1)
        }
    case let error as ExitCode:
        return error
    default:
        Console.error("error: \(error)")
        return ExitCode(1)
    }
}
