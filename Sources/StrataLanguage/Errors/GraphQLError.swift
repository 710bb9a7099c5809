/// An error as GraphQL reports it in a response: message, locations, path and `extensions.code`.
///
/// Locations are kept as byte spans until the error is serialized; `Source.location(of:)` turns a span
/// into line and column. `underlyingDescription` is for logs only and is never serialized.
public struct GraphQLError: Error, Sendable, Hashable, CustomStringConvertible {
    public var message: String
    public var spans: [SourceSpan]
    /// Resolved line/column pairs. Filled by the layer that owns the `Source` (parser, validator, executor).
    public var locations: [SourceLocation]
    public var path: [PathComponent]
    public var code: ErrorCode
    /// Extra `extensions` entries besides `code`, as (key, JSON-encodable string or number) pairs.
    public var extensions: [ErrorExtension]
    public var underlyingDescription: String?

    public init(
        _ message: String, code: ErrorCode, spans: [SourceSpan] = [], locations: [SourceLocation] = [],
        path: [PathComponent] = [], extensions: [ErrorExtension] = [], underlyingDescription: String? = nil
    ) {
        self.message = message
        self.code = code
        self.spans = spans
        self.locations = locations
        self.path = path
        self.extensions = extensions
        self.underlyingDescription = underlyingDescription
    }

    public var description: String {
        var text = message
        if let first = locations.first { text += " (\(first.line):\(first.column))" }
        return text
    }

    /// Fills `locations` from `spans` against the given source.
    public func located(in source: Source) -> GraphQLError {
        var copy = self
        copy.locations = spans.map { source.location(of: $0.start) }
        return copy
    }
}

/// A 1-based line and column, counted in Unicode scalars as the GraphQL specification asks.
public struct SourceLocation: Sendable, Hashable, CustomStringConvertible {
    public var line: Int
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    public var description: String { "\(line):\(column)" }
}

/// One step of a response path: a field's response key or a list index.
public enum PathComponent: Sendable, Hashable, CustomStringConvertible {
    case key(String)
    case index(Int)

    public var description: String {
        switch self {
        case .key(let k): k
        case .index(let i): String(i)
        }
    }
}

/// An additional `extensions` entry.
public struct ErrorExtension: Sendable, Hashable {
    public enum Value: Sendable, Hashable {
        case string(String)
        case int(Int)
        case double(Double)
    }
    public var key: String
    public var value: Value

    public init(_ key: String, _ value: Value) {
        self.key = key
        self.value = value
    }
}

/// The machine-readable `extensions.code` of an error. A struct so codes can be added without breaking callers.
public struct ErrorCode: RawRepresentable, Sendable, Hashable, CustomStringConvertible {
    public var rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }

    public static let parseFailed = ErrorCode(rawValue: "GRAPHQL_PARSE_FAILED")
    public static let validationFailed = ErrorCode(rawValue: "GRAPHQL_VALIDATION_FAILED")
    public static let badUserInput = ErrorCode(rawValue: "BAD_USER_INPUT")
    public static let badRequest = ErrorCode(rawValue: "BAD_REQUEST")
    public static let operationNotFound = ErrorCode(rawValue: "OPERATION_RESOLUTION_FAILURE")
    public static let forbidden = ErrorCode(rawValue: "FORBIDDEN")
    public static let unauthenticated = ErrorCode(rawValue: "UNAUTHENTICATED")
    public static let notFound = ErrorCode(rawValue: "NOT_FOUND")
    public static let conflict = ErrorCode(rawValue: "CONFLICT")
    public static let constraintViolation = ErrorCode(rawValue: "CONSTRAINT_VIOLATION")
    public static let tooComplex = ErrorCode(rawValue: "QUERY_TOO_COMPLEX")
    public static let payloadTooLarge = ErrorCode(rawValue: "PAYLOAD_TOO_LARGE")
    public static let serviceUnavailable = ErrorCode(rawValue: "SERVICE_UNAVAILABLE")
    public static let timeout = ErrorCode(rawValue: "TIMEOUT")
    public static let internalServerError = ErrorCode(rawValue: "INTERNAL_SERVER_ERROR")

    public var description: String { rawValue }
}
