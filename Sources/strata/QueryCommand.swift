import ArgumentParser
import Foundation
import StrataExecution
import StrataJSON
import StrataServer

struct QueryCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "query",
        abstract: "Run one GraphQL operation against the configured backend, in-process, and print the response.",
        discussion: """
            The operation comes from the QUERY argument, from --file, or from standard input when neither is given. \
            Exit status: 0 when the response has no errors, 1 when it has errors, 2 on usage or config errors.
            """)

    @Argument(help: "The GraphQL document.")
    var query: String?

    @Option(help: "Read the GraphQL document from this file.")
    var file: String?

    @Option(help: "Variables as a JSON object.")
    var variables: String?

    @Option(name: .customLong("operation-name"), help: "The operation to run when the document has several.")
    var operationName: String?

    @Flag(help: "Report the statements run per source in the response's extensions.")
    var statements = false

    @Option(help: "The acting user's id (recorded in the audit log).")
    var actor: String?

    @OptionGroup var source: SourceOptions

    func validate() throws {
        if query != nil && file != nil { throw ValidationError("Give the operation either as an argument or with --file, not both.") }
    }

    func run() async throws {
        let document: String
        do {
            document = try readDocument()
        } catch {
            Console.error("error: \(error)")
            throw ExitCode(2)
        }
        var request = GraphQLRequest(query: document, operationName: operationName)
        if let variables {
            guard let parsed = try? JSONParser.parse(variables), case .object(let members) = parsed else {
                Console.error("error: --variables must be a JSON object")
                throw ExitCode(2)
            }
            for member in members { request.variables[member.key] = member.value }
        }
        let runtime: StrataRuntime
        do {
            let config = try source.load()
            runtime = try await StrataRuntime.start(
                config: config, logger: CLILogger.makeLogger(quiet: true), options: config.executorOptions)
        } catch {
            throw fail(error)
        }
        let response = await runtime.execute(
            request, context: RequestContext(actorID: actor, reportStatements: statements))
        await runtime.shutdown()
        Console.output(response.bodyText)
        if response.outcome != .executed || !response.errors.isEmpty { throw ExitCode(1) }
    }

    private func readDocument() throws -> String {
        if let query { return query }
        if let file { return try String(contentsOfFile: file, encoding: .utf8) }
        let data = FileHandle.standardInput.readDataToEndOfFile()
        guard let text = String(data: data, encoding: .utf8), text.contains(where: { !$0.isWhitespace }) else {
            throw ValidationError("no GraphQL document given (argument, --file or standard input)")
        }
        return text
    }
}
