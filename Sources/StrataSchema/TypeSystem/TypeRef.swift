/// A type reference inside the schema: a named type, a list of T, or a non-null T.
public indirect enum TypeRef: Sendable, Hashable, CustomStringConvertible {
    case named(String)
    case list(TypeRef)
    case nonNull(TypeRef)

    /// The innermost named type's name.
    public var namedType: String {
        switch self {
        case .named(let n): n
        case .list(let t), .nonNull(let t): t.namedType
        }
    }

    public var isNonNull: Bool {
        if case .nonNull = self { return true }
        return false
    }

    /// The type without its outermost non-null wrapper.
    public var nullable: TypeRef {
        if case .nonNull(let t) = self { return t }
        return self
    }

    public var description: String {
        switch self {
        case .named(let n): n
        case .list(let t): "[\(t)]"
        case .nonNull(let t): "\(t)!"
        }
    }
}
