import HTTPTypes
public import Hummingbird
import Logging
import NIOCore
import StrataExecution
import StrataJSON
import StrataLanguage

/// The HTTP face of a runtime, following the GraphQL-over-HTTP specification:
///
/// - `POST /graphql` with `Content-Type: application/json` and `{query, operationName?, variables?, extensions?}`;
/// - `GET /graphql?query=…&variables=…&operationName=…` for queries (a mutation over GET gets 405 with `Allow: POST`);
///   `HEAD` answers as `GET` would, without the body (HTTP requires both of a general-purpose server);
/// - the response media type follows `Accept` (`ResponseMediaType.negotiate`); with
///   `application/graphql-response+json`, request errors (parse, validation, variables, unknown operation) get 400,
///   with `application/json` every well-formed request gets 200;
/// - a browser's `GET /graphql` without a query string (`Accept` preferring `text/html`) gets the query explorer
///   (`ExplorerPage`), unless `explorer` is off;
/// - `GET /health`: 200 `{"status":"ok"}`, or 503 with the state of every source;
/// - `OPTIONS` on either: 204 with `Allow`, answering CORS preflights as `cors` allows; every response to a request
///   from an allowed origin carries `Access-Control-Allow-Origin`.
///
/// `X-Strata-Statements: true` (or `extensions.strataStatements: true`) adds the statements run per source to the
/// response's `extensions`; `X-Strata-Actor` names the acting user. Unexpected errors become a generic 500 whose
/// detail is only logged.
public struct StrataHTTPResponder: HTTPResponder {
    public typealias Context = BasicRequestContext

    public let runtime: StrataRuntime
    public let maxBodyBytes: Int
    public let cors: CORSPolicy
    /// Whether browsers get the query explorer page (`ExplorerPage`).
    public let explorer: Bool

    public init(
        runtime: StrataRuntime, maxBodyBytes: Int = StrataConfig.defaultMaxBodyBytes,
        cors: CORSPolicy = StrataConfig.defaultCORS, explorer: Bool = true
    ) {
        self.runtime = runtime
        self.maxBodyBytes = maxBodyBytes
        self.cors = cors
        self.explorer = explorer
    }

    static let statementsHeader = HTTPField.Name("X-Strata-Statements")!
    /// What `/graphql` answers to, for `Allow` and CORS preflights.
    static let graphQLMethods = "GET, HEAD, POST, OPTIONS"
    static let actorHeader = HTTPField.Name("X-Strata-Actor")!

    public func respond(to request: Request, context: Context) async throws -> Response {
        var response = await route(request, context: context)
        cors.addHeaders(to: &response.headers, origin: request.headers[.origin])
        return response
    }

    private func route(_ request: Request, context: Context) async -> Response {
        do {
            switch request.uri.path {
            case "/graphql", "/graphql/":
                if request.method == .options { return options(request, methods: Self.graphQLMethods) }
                return try await graphQL(request, context: context)
            case ExplorerPage.scriptPath where explorer:
                guard request.method == .get || request.method == .head else {
                    return Self.response(.methodNotAllowed("Use GET for the explorer.", allow: "GET, HEAD"), media: .json)
                }
                return Self.page(ExplorerPage.script, contentType: "text/javascript; charset=utf-8")
            case "/health", "/health/":
                if request.method == .options { return options(request, methods: "GET, HEAD, OPTIONS") }
                guard request.method == .get || request.method == .head else {
                    return Self.response(.methodNotAllowed("Use GET for /health.", allow: "GET, HEAD, OPTIONS"), media: .json)
                }
                return await health()
            default:
                return Self.response(.notFound, media: .json)
            }
        } catch {
            context.logger.error("request failed", metadata: ["error": "\(String(reflecting: error))"])
            return Self.response(.internalError, media: .json)
        }
    }

    /// `OPTIONS`: 204 with `Allow`; a CORS preflight from an allowed origin also gets the methods, headers and max
    /// age it asks about (`respond` adds the origin, as to every response).
    private func options(_ request: Request, methods: String) -> Response {
        var headers = HTTPFields()
        headers[.allow] = methods
        if request.headers[.accessControlRequestMethod] != nil {
            headers.append(
                contentsOf: cors.preflightHeaders(
                    origin: request.headers[.origin], methods: methods,
                    requestedHeaders: request.headers[.accessControlRequestHeaders]))
        }
        return Response(status: .noContent, headers: headers)
    }

    private func graphQL(_ request: Request, context: Context) async throws -> Response {
        let isGET: Bool
        switch request.method {
        case .post: isGET = false
        case .get, .head: isGET = true  // HEAD: the server leaves the body out and keeps its length
        default:
            return Self.response(
                .methodNotAllowed("Use POST (or GET for queries) for /graphql.", allow: Self.graphQLMethods), media: .json)
        }
        if isGET, explorer, ExplorerPage.isWanted(accept: request.headers[.accept]),
            (request.uri.query ?? "").isEmpty
        {
            return Self.page(ExplorerPage.html, contentType: "text/html; charset=utf-8")
        }
        guard let media = ResponseMediaType.negotiate(accept: request.headers[.accept]) else {
            return Self.response(.notAcceptable, media: .json)
        }

        let decoded: Result<GraphQLRequest, HTTPProblem>
        if isGET {
            decoded = GraphQLRequestDecoder.decode(queryString: request.uri.query)
        } else {
            let contentType = request.headers[.contentType]
            guard Self.isJSON(contentType) else { return Self.response(.unsupportedMediaType(contentType), media: media) }
            switch try await BoundedBody.read(request, limit: maxBodyBytes) {
            case .success(let body): decoded = GraphQLRequestDecoder.decode(body: body)
            case .failure(let problem): return Self.response(problem, media: media)
            }
        }
        let graphQLRequest: GraphQLRequest
        switch decoded {
        case .success(let value): graphQLRequest = value
        case .failure(let problem): return Self.response(problem, media: media)
        }

        let prepared: Executor.PreparedRequest
        switch runtime.executor.prepare(graphQLRequest) {
        case .ready(let value): prepared = value
        case .failed(let response): return Self.response(response, media: media)
        }
        if isGET, prepared.operation.operation != .query {
            return Self.response(
                .methodNotAllowed("Only queries may be sent with GET; use POST for \(prepared.operation.operation.rawValue)s.", allow: "POST"),
                media: media)
        }

        var requestContext = RequestContext()
        requestContext.actorID = request.headers[Self.actorHeader].flatMap { $0.isEmpty ? nil : $0 }
        requestContext.reportStatements =
            Self.isTrue(request.headers[Self.statementsHeader])
            || graphQLRequest.extensions?["strataStatements"] == .bool(true)
        let response = await runtime.executor.execute(prepared, context: requestContext)
        Self.logServerErrors(response, logger: context.logger)
        return Self.response(response, media: media)
    }

    /// Logs the errors that are the server's to fix or wait out (`INTERNAL_SERVER_ERROR` as errors,
    /// `SERVICE_UNAVAILABLE` as warnings) with what went wrong underneath, which the response never carries.
    /// Errors with the same message and cause are one record (the first path, and `count` when there are more):
    /// while a database is down, every field of a request fails the same way, and a record per field buried the
    /// log.
    static func logServerErrors(_ response: GraphQLResponse, logger: Logger) {
        struct Group {
            var level: Logger.Level
            var error: GraphQLError
            var count: Int
        }
        var groups: [Group] = []
        for error in response.errors {
            let level: Logger.Level
            switch error.code {
            case .internalServerError: level = .error
            case .serviceUnavailable: level = .warning
            default: continue
            }
            if let index = groups.firstIndex(where: {
                $0.error.code == error.code && $0.error.message == error.message
                    && $0.error.underlyingDescription == error.underlyingDescription
            }) {
                groups[index].count += 1
            } else {
                groups.append(Group(level: level, error: error, count: 1))
            }
        }
        for group in groups {
            var metadata: Logger.Metadata = [
                "code": "\(group.error.code.rawValue)",
                "path": "\(group.error.path.map(\.description).joined(separator: "."))",
                "cause": "\(group.error.underlyingDescription ?? "unknown")",
            ]
            if group.count > 1 { metadata["count"] = "\(group.count)" }
            logger.log(level: group.level, "\(group.error.message)", metadata: metadata)
        }
    }

    private func health() async -> Response {
        let report = await runtime.health()
        var headers = HTTPFields()
        headers[.contentType] = ResponseMediaType.json.contentType
        headers[.cacheControl] = "no-store"
        return Response(
            status: report.isHealthy ? .ok : .serviceUnavailable, headers: headers,
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: report.json())))
    }

    /// The status of a GraphQL response (GraphQL over HTTP, "Status Codes").
    static func status(of response: GraphQLResponse, media: ResponseMediaType) -> HTTPResponse.Status {
        guard case .requestError(let code) = response.outcome, media == .graphQLResponseJSON else { return .ok }
        switch code {
        case .internalServerError: return .internalServerError
        case .serviceUnavailable: return .serviceUnavailable
        case .timeout: return .gatewayTimeout
        default: return .badRequest
        }
    }

    static func response(_ response: GraphQLResponse, media: ResponseMediaType) -> Response {
        var headers = HTTPFields()
        headers.reserveCapacity(4)
        headers[.contentType] = media.contentType
        return Response(
            status: status(of: response, media: media), headers: headers,
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: response.body)))
    }

    /// The explorer's page or script: never cached stale, never sniffed as another type, and under a content
    /// security policy that allows nothing but this origin.
    static func page(_ text: String, contentType: String) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = contentType
        headers[.cacheControl] = "no-cache"
        headers[.xContentTypeOptions] = "nosniff"
        headers[.contentSecurityPolicy] = ExplorerPage.contentSecurityPolicy
        return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
    }

    static func response(_ problem: HTTPProblem, media: ResponseMediaType) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = media.contentType
        for (name, value) in problem.headers {
            if let name = HTTPField.Name(name) { headers[name] = value }
        }
        return Response(
            status: HTTPResponse.Status(code: problem.status), headers: headers,
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: problem.body)))
    }

    /// `application/json`, optionally with `charset=utf-8` (any other charset is refused).
    static func isJSON(_ contentType: String?) -> Bool {
        guard let contentType else { return false }
        let parts = contentType.split(separator: ";")
        guard let type = parts.first?.trimmingSpaces, type.lowercased() == "application/json" else { return false }
        for parameter in parts.dropFirst() {
            let pair = parameter.split(separator: "=", maxSplits: 1).map { $0.trimmingSpaces.lowercased() }
            if pair.count == 2, pair[0] == "charset" {
                let charset = pair[1].trimmingCharacters(in: "\"")
                if charset != "utf-8" && charset != "utf8" { return false }
            }
        }
        return true
    }

    static func isTrue(_ header: String?) -> Bool {
        guard let header else { return false }
        return header.lowercased() == "true" || header == "1"
    }
}
