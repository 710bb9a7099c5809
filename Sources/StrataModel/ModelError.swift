public import StrataLanguage

/// An error of the model layer: a binding error in schema.graphql (with locations), a client argument the model
/// cannot translate (a bad `where`, cursor or page size), or a failed write. `code` is what the executor puts in
/// `extensions.code`; `message` is safe to show a client; `detail` is for logs only.
public struct ModelError: Error, Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible {
    public var code: ErrorCode
    public var message: String
    /// Every problem found, located in the schema source when there is one (binding errors report all of
    /// them at once; other errors hold exactly one entry whose message equals `message`).
    public var errors: [GraphQLError]
    /// The GraphQL field involved (a constraint violation, an invalid input value), when known.
    public var field: String?
    /// Backend or internal detail, never shown to clients.
    public var detail: String?
    /// The name of the schema source the locations refer to (`schema.graphql`), for binding errors.
    public var sourceName: String?

    public init(_ code: ErrorCode, _ message: String, field: String? = nil, detail: String? = nil) {
        self.code = code
        self.message = message
        self.errors = [GraphQLError(message, code: code)]
        self.field = field
        self.detail = detail
        self.sourceName = nil
    }

    /// An error made of several located schema problems (the first one gives `message`).
    public init(errors: [GraphQLError], code: ErrorCode = .validationFailed) {
        precondition(!errors.isEmpty, "ModelError(errors:) needs at least one error")
        self.code = code
        self.message = errors[0].message
        self.errors = errors
        self.field = nil
        self.detail = nil
        self.sourceName = nil
    }

    /// The error as the executor reports it for one response path.
    public func graphQLError(path: [PathComponent] = []) -> GraphQLError {
        var error = GraphQLError(message, code: code, path: path, underlyingDescription: detail)
        if let field { error.extensions.append(ErrorExtension("field", .string(field))) }
        return error
    }

    /// One line per problem: `schema.graphql:12:3: message`.
    public var description: String {
        errors.map { error in
            var prefix = sourceName.map { $0 + ":" } ?? ""
            if let location = error.locations.first { prefix += "\(location.line):\(location.column):" }
            return prefix.isEmpty ? error.message : prefix + " " + error.message
        }.joined(separator: "\n")
    }

    public var debugDescription: String { description + (detail.map { " — \($0)" } ?? "") }

    static func badInput(_ message: String, field: String? = nil) -> ModelError {
        ModelError(.badUserInput, message, field: field)
    }
}
