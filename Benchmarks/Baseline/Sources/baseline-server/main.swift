// baseline-server: GraphQLSwift/GraphQL 4.3.0 behind Hummingbird 2, over the same in-memory
// dataset as baseline-bench. This is the server Strata is compared against with wrk.
//
//   baseline-server [PORT] [--port PORT] [--host HOST]
//
// The port comes from the argument, else $BASELINE_PORT, else $PORT, else 8081; the host defaults
// to 127.0.0.1.
//
//   POST /graphql   body {"query": "...", "variables": {...}?, "operationName": "..."?}
//                   -> 200 application/json {"data": ..., "errors": [...]?}
//                   (400 when the body is not a GraphQL request)
//   GET  /health    -> "ok"

import BaselineCore
import Foundation
import GraphQL
import Hummingbird

struct ServerOptions {
    var host = "127.0.0.1"
    var port = 8081

    static func parse(_ arguments: [String], environment: [String: String]) -> ServerOptions {
        var options = ServerOptions()
        if let p = environment["BASELINE_PORT"].flatMap(Int.init) ?? environment["PORT"].flatMap(Int.init) {
            options.port = p
        }
        var rest = arguments[...]
        while let arg = rest.popFirst() {
            switch arg {
            case "--port", "-p":
                guard let p = rest.popFirst().flatMap(Int.init) else { usage() }
                options.port = p
            case "--host":
                guard let h = rest.popFirst() else { usage() }
                options.host = h
            case "-h", "--help":
                usage(exitCode: 0)
            default:
                guard let p = Int(arg) else { usage() }
                options.port = p
            }
        }
        return options
    }

    static func usage(exitCode: Int32 = 1) -> Never {
        print("usage: baseline-server [PORT] [--port PORT] [--host HOST]   (env BASELINE_PORT or PORT; default 8081)")
        exit(exitCode)
    }
}

/// Largest request body accepted.
let maxBodyBytes = 4 << 20

let options = ServerOptions.parse(Array(CommandLine.arguments.dropFirst()), environment: ProcessInfo.processInfo.environment)
let schema = try BenchSchema.make(data: Dataset())
let schemaErrors = validateSchema(schema: schema)
guard schemaErrors.isEmpty else { fatalError("invalid schema: \(schemaErrors)") }

let router = Router()

router.get("health") { _, _ in "ok" }

router.post("graphql") { request, _ -> Response in
    let body = try await request.body.collect(upTo: maxBodyBytes)
    let graphQLRequest: GraphQLRequest
    do {
        graphQLRequest = try JSONDecoder().decode(GraphQLRequest.self, from: Data(body.readableBytesView))
    } catch {
        throw HTTPError(.badRequest, message: "expected a JSON body {\"query\": ...}: \(error)")
    }

    // `graphql` = validateSchema (cached) + parse + validate + execute. Syntax errors are thrown;
    // report them in the result like validation errors.
    let result: GraphQLResult
    do {
        result = try await graphql(
            schema: schema,
            request: graphQLRequest.query,
            variableValues: graphQLRequest.variables,
            operationName: graphQLRequest.operationName
        )
    } catch let error as GraphQLError {
        result = GraphQLResult(errors: [error])
    }

    let json = try GraphQLJSONEncoder().encode(result)
    return Response(
        status: .ok,
        headers: [.contentType: "application/json"],
        body: ResponseBody(byteBuffer: ByteBuffer(bytes: json))
    )
}

let app = Application(
    router: router,
    configuration: .init(address: .hostname(options.host, port: options.port), serverName: "baseline-server")
)
// Unbuffered, so scripts that wait for this line see it at once.
FileHandle.standardOutput.write(
    Data("baseline-server: GraphQLSwift 4.3.0 + Hummingbird 2 on http://\(options.host):\(options.port)/graphql\n".utf8)
)
try await app.runService()
