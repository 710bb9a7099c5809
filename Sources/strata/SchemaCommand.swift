import ArgumentParser
import StrataModel
import StrataSchema
import StrataServer

struct SchemaCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schema", abstract: "Print or check the schema.",
        subcommands: [PrintSchema.self, CheckSchema.self])

    struct PrintSchema: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "print", abstract: "Print the complete derived SDL (the schema clients see).")

        @Option(help: "The schema file (default: $STRATA_SCHEMA or schema.graphql).")
        var schema: String?

        func run() async throws {
            let path = schema ?? ProcessInfoEnvironment.value("STRATA_SCHEMA") ?? StrataConfig.defaultSchemaPath
            do {
                let model = try StrataRuntime.loadModel(schemaPath: path)
                Console.output(model.schema.printed())
            } catch {
                throw fail(error)
            }
        }
    }

    struct CheckSchema: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "check",
            abstract: "Check the schema, and parse and validate GraphQL operation files against it.",
            discussion: "Prints one `path:line:column: error: message` line per problem; exits with 1 when there are any.")

        @Option(help: "The schema file (default: $STRATA_SCHEMA or schema.graphql).")
        var schema: String?

        @Argument(help: "GraphQL operation files (.graphql) to validate.")
        var files: [String] = []

        func run() async throws {
            let path = schema ?? ProcessInfoEnvironment.value("STRATA_SCHEMA") ?? StrataConfig.defaultSchemaPath
            let result = SchemaChecker.check(schemaPath: path, operationFiles: files)
            for diagnostic in result.diagnostics { Console.output(diagnostic.description) }
            if result.diagnostics.isEmpty {
                Console.error("\(path): ok; \(result.checkedOperationFiles) operation file(s) valid")
            } else {
                Console.error("\(result.diagnostics.count) error(s)")
                throw ExitCode(1)
            }
        }
    }
}
