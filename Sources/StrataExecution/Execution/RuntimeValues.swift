public import StrataLanguage
public import StrataJSON
public import StrataSchema
public import StrataStorage

/// The runtime value behind an object in the response: what the fields of the next level are resolved from.
/// Rows (the common case) are stored inline; the larger payloads are boxed, which keeps every value (and the
/// arrays of parents the executor builds per step) small.
public enum ObjectValue: Sendable {
    /// The operation's root object.
    case root
    /// A stored row of the `@table` type `typeName`.
    case row(typeName: String, Row)
    /// A connection over one page of rows of `typeName`.
    indirect case connection(ConnectionValue)
    /// One edge of a connection.
    indirect case edge(typeName: String, row: Row, cursor: String)
    /// A connection's `pageInfo`.
    indirect case pageInfo(PageInfoValue)
    /// An object of the introspection schema.
    indirect case introspection(IntrospectionObject)
    /// A plain object built by an application resolver: its concrete type and its field values by name.
    case map(typeName: String, fields: [String: OutputValue])

    /// The concrete object type name, when the value knows it (everything but `.root`).
    public var typeName: String? {
        switch self {
        case .root: nil
        case .row(let t, _): t
        case .connection(let c): c.connectionTypeName
        case .edge(let t, _, _): t + "Edge"
        case .pageInfo: "PageInfo"
        case .introspection(let i): i.typeName
        case .map(let t, _): t
        }
    }
}

/// One page of a connection, with what `pageInfo`, `edges` and `totalCount` need.
public struct ConnectionValue: Sendable {
    public var typeName: String
    public var connectionTypeName: String
    public var rows: [Row]
    public var offset: Int
    public var totalCount: Int
    public var hasNextPage: Bool

    public init(typeName: String, connectionTypeName: String, rows: [Row], offset: Int, totalCount: Int, hasNextPage: Bool) {
        self.typeName = typeName
        self.connectionTypeName = connectionTypeName
        self.rows = rows
        self.offset = offset
        self.totalCount = totalCount
        self.hasNextPage = hasNextPage
    }
}

public struct PageInfoValue: Sendable {
    public var hasNextPage: Bool
    public var hasPreviousPage: Bool
    public var startCursor: String?
    public var endCursor: String?
}

/// What a resolver returns for one parent. Leaves are serialized by the field's type during completion.
/// Not `indirect`: a value is stored inline (lists and maps hold theirs in their own buffers), so returning one
/// allocates nothing.
public enum OutputValue: Sendable {
    case null
    case int(Int64)
    case double(Double)
    case string(String)
    case bool(Bool)
    /// A value straight from storage; completion serializes it by the field's scalar type.
    case stored(StorageValue)
    /// A JSON scalar value.
    case json(JSONValue)
    case list([OutputValue])
    case object(ObjectValue)
}

/// The result of resolving one field for one parent.
public enum FieldResult: Sendable {
    case value(OutputValue)
    case error(FieldError)
}

/// An error a resolver reports for one field of one parent. The executor adds path and locations.
public struct FieldError: Error, Sendable {
    public var message: String
    public var code: ErrorCode
    /// `extensions` and `underlyingDescription`, which few errors have, behind one reference: completion passes a
    /// `Result<Leaf, FieldError>` for every value, and a field error one word larger than a message, a code and a
    /// reference sent those results through generic value witnesses (2% more instructions for a nested query).
    private var details: Details?

    private final class Details: Sendable {
        let extensions: [ErrorExtension]
        let underlyingDescription: String?
        let spans: [SourceSpan]

        init(extensions: [ErrorExtension], underlyingDescription: String?, spans: [SourceSpan] = []) {
            self.extensions = extensions
            self.underlyingDescription = underlyingDescription
            self.spans = spans
        }
    }

    public init(
        _ message: String, code: ErrorCode = .internalServerError, extensions: [ErrorExtension] = [],
        underlyingDescription: String? = nil
    ) {
        self.message = message
        self.code = code
        if !extensions.isEmpty || underlyingDescription != nil {
            details = Details(extensions: extensions, underlyingDescription: underlyingDescription)
        }
    }

    /// Entries of the error's `extensions` besides `code`.
    public var extensions: [ErrorExtension] {
        get { details?.extensions ?? [] }
        set { details = Details(extensions: newValue, underlyingDescription: underlyingDescription, spans: spans) }
    }

    /// What went wrong underneath (a database's own message), for the server's log; never sent to the client.
    public var underlyingDescription: String? {
        get { details?.underlyingDescription }
        set { details = Details(extensions: extensions, underlyingDescription: newValue, spans: spans) }
    }

    /// Where in the document the error is, when that is narrower than the field: an argument's value. Empty (the
    /// usual case) locates the error at the field's selections.
    public var spans: [SourceSpan] {
        get { details?.spans ?? [] }
        set { details = Details(extensions: extensions, underlyingDescription: underlyingDescription, spans: newValue) }
    }

    /// This error, located at `spans` rather than at the field.
    func located(at spans: [SourceSpan]) -> FieldError {
        var copy = self
        copy.spans = spans
        return copy
    }
}


/// An object of the introspection schema (`__Schema`, `__Type`, `__Field`, …).
public enum IntrospectionObject: Sendable {
    case schema
    case type(TypeRef)
    case field(FieldDef)
    case inputValue(InputValueDef)
    case enumValue(EnumValueDef)
    case directive(DirectiveDef)

    public var typeName: String {
        switch self {
        case .schema: "__Schema"
        case .type: "__Type"
        case .field: "__Field"
        case .inputValue: "__InputValue"
        case .enumValue: "__EnumValue"
        case .directive: "__Directive"
        }
    }
}

extension FieldError {
    /// The error as the response reports it: at `path`, located where it is (an argument's value) or else at every
    /// node the field was selected by (a field merged from a fragment and the selection around it has two), as
    /// graphql-js does.
    func located(at path: [PathComponent], nodes: [Field], in source: Source) -> GraphQLError {
        GraphQLError(
            message, code: code, spans: spans.isEmpty ? nodes.map(\.span) : spans, path: path, extensions: extensions,
            underlyingDescription: underlyingDescription
        ).located(in: source)
    }
}
