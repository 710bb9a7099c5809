/// A parsed GraphQL document: executable definitions, type-system definitions, or both.
public struct Document: Sendable, Hashable {
    public var definitions: [Definition]
    public var span: SourceSpan

    public init(definitions: [Definition], span: SourceSpan = .synthesized) {
        self.definitions = definitions
        self.span = span
    }
}

/// One top-level definition of a document.
public enum Definition: Sendable, Hashable {
    case operation(OperationDefinition)
    case fragment(FragmentDefinition)
    case schema(SchemaDefinition)
    case type(TypeDefinition)
    case directive(DirectiveDefinition)
    case schemaExtension(SchemaExtension)
    case typeExtension(TypeDefinition)  // an `extend …` of a type; descriptions are always nil

    public var span: SourceSpan {
        switch self {
        case .operation(let d): d.span
        case .fragment(let d): d.span
        case .schema(let d): d.span
        case .type(let d): d.span
        case .directive(let d): d.span
        case .schemaExtension(let d): d.span
        case .typeExtension(let d): d.span
        }
    }

    /// Whether this is an operation or a fragment (the only definitions an executable document may hold).
    public var isExecutable: Bool {
        switch self {
        case .operation, .fragment: true
        default: false
        }
    }
}
