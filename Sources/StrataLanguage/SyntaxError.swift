/// A document that does not follow the GraphQL grammar, or that is bigger than the parse options allow.
///
/// It keeps a byte span only; `graphQLError(source:)` turns that into a line and column.
public struct SyntaxError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What went wrong, so that callers can tell a malformed document from a refused one.
    public enum Kind: Sendable, Hashable {
        case invalidSyntax
        /// The document has more bytes than `ParseOptions.maxBytes`.
        case tooLarge
        /// The document has more tokens than `ParseOptions.maxTokens`.
        case tooManyTokens
        /// The document nests deeper than `ParseOptions.maxDepth`.
        case tooDeep
    }

    public var kind: Kind
    /// The complete message, starting with `Syntax Error: `.
    public var message: String
    /// Where the error was found; `span.start` is the position reported to the user.
    public var span: SourceSpan

    public init(_ reason: String, at span: SourceSpan, kind: Kind = .invalidSyntax) {
        self.kind = kind
        self.message = "Syntax Error: " + reason
        self.span = span
    }

    init(_ reason: String, at offset: Int, kind: Kind = .invalidSyntax) {
        self.init(reason, at: SourceSpan(offset, offset), kind: kind)
    }

    /// The byte offset at which the error is reported.
    public var offset: UInt32 { span.start }

    /// The error as a GraphQL response reports it: code `GRAPHQL_PARSE_FAILED`, with its location.
    public func graphQLError(source: Source) -> GraphQLError {
        GraphQLError(message, code: .parseFailed, spans: [span], locations: [source.location(of: span.start)])
    }

    public var description: String { message }
}
