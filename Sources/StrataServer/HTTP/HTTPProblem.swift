import StrataJSON
import StrataLanguage

/// An HTTP-level failure reported before (or instead of) GraphQL execution, with its status and a well-formed
/// GraphQL error body: `{"errors":[{"message":…,"extensions":{"code":…}}]}`.
struct HTTPProblem: Error, Sendable {
    var status: Int
    var message: String
    var code: ErrorCode
    /// Extra response headers (e.g. `Allow`).
    var headers: [(String, String)] = []

    var body: [UInt8] {
        var writer = JSONWriter(capacity: 96 + message.utf8.count)
        writer.write(
            .object([
                JSONMember(
                    "errors",
                    .array([
                        .object([
                            JSONMember("message", .string(message)),
                            JSONMember("extensions", .object([JSONMember("code", .string(code.rawValue))])),
                        ])
                    ]))
            ]))
        return writer.bytes
    }

    static func badRequest(_ message: String) -> HTTPProblem {
        HTTPProblem(status: 400, message: message, code: .badRequest)
    }

    static func methodNotAllowed(_ message: String, allow: String) -> HTTPProblem {
        HTTPProblem(status: 405, message: message, code: .badRequest, headers: [("Allow", allow)])
    }

    static let notAcceptable = HTTPProblem(
        status: 406,
        message: "None of the media types in Accept can be served; accept application/graphql-response+json or application/json.",
        code: .badRequest)

    static func unsupportedMediaType(_ received: String?) -> HTTPProblem {
        HTTPProblem(
            status: 415,
            message: received.map { "Unsupported Content-Type \"\($0)\"; send application/json." }
                ?? "Missing Content-Type; send application/json.",
            code: .badRequest)
    }

    static func payloadTooLarge(limit: Int) -> HTTPProblem {
        HTTPProblem(status: 413, message: "Request body exceeds \(limit) bytes.", code: .payloadTooLarge)
    }

    static let notFound = HTTPProblem(status: 404, message: "Not found; GraphQL is served at /graphql.", code: .notFound)

    static let internalError = HTTPProblem(status: 500, message: "Internal server error.", code: .internalServerError)
}
