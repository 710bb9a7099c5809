/// A type as written in a document: `Name`, `[T]` or `T!`.
///
/// Only the wrapping cases are boxed: a named type, the most common reference, is stored inline.
public enum TypeReference: Sendable, Hashable, CustomStringConvertible {
    case named(Name)
    indirect case list(TypeReference, SourceSpan)
    indirect case nonNull(TypeReference, SourceSpan)

    public var span: SourceSpan {
        switch self {
        case .named(let n): n.span
        case .list(_, let s), .nonNull(_, let s): s
        }
    }

    /// The innermost named type.
    public var namedType: Name {
        switch self {
        case .named(let n): n
        case .list(let t, _), .nonNull(let t, _): t.namedType
        }
    }

    public var description: String {
        switch self {
        case .named(let n): n.value
        case .list(let t, _): "[\(t)]"
        case .nonNull(let t, _): "\(t)!"
        }
    }
}
