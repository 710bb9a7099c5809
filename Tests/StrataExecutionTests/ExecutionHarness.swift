import StrataExecution
import StrataJSON
import StrataLanguage
import StrataSchema
import Testing

/// Runs operations against an executor and compares responses as JSON values (member order included).
struct ExecutionHarness {
    let executor: Executor

    func run(
        _ query: String, variables: [String: JSONValue] = [:], operationName: String? = nil,
        context: RequestContext = RequestContext()
    ) async -> (json: JSONValue, response: GraphQLResponse) {
        let response = await executor.execute(
            GraphQLRequest(query: query, operationName: operationName, variables: variables), context: context)
        let json = (try? JSONParser.parse(response.bodyText)) ?? .string("<invalid JSON: \(response.bodyText)>")
        return (json, response)
    }

    /// Expects the response to equal the given JSON text exactly.
    func expect(
        _ query: String, variables: [String: JSONValue] = [:], operationName: String? = nil, equals expected: String,
        sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) async throws {
        let (json, response) = await run(query, variables: variables, operationName: operationName)
        let want = try JSONParser.parse(expected)
        #expect(json == want, "got \(response.bodyText)", sourceLocation: sourceLocation)
    }
}

func json(_ text: String) -> JSONValue {
    (try? JSONParser.parse(text)) ?? .null
}
