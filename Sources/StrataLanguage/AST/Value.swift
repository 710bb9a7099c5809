/// A value literal as written in a document. Numbers keep their source text until coercion.
/// Not `indirect`: lists and objects hold their items in arrays already, so a scalar literal needs no box.
public enum Value: Sendable, Hashable {
    case variable(Name)
    case int(String, SourceSpan)
    case float(String, SourceSpan)
    case string(StringValue)
    case boolean(Bool, SourceSpan)
    case null(SourceSpan)
    case enumValue(Name)
    case list([Value], SourceSpan)
    case object([ObjectField], SourceSpan)

    public var span: SourceSpan {
        switch self {
        case .variable(let n), .enumValue(let n): n.span
        case .int(_, let s), .float(_, let s), .boolean(_, let s), .null(let s), .list(_, let s),
            .object(_, let s):
            s
        case .string(let v): v.span
        }
    }

    /// Whether the literal contains no variable anywhere inside it.
    public var isConstant: Bool {
        switch self {
        case .variable: false
        case .list(let items, _): items.allSatisfy(\.isConstant)
        case .object(let fields, _): fields.allSatisfy(\.value.isConstant)
        default: true
        }
    }
}

/// A string literal: `value` is the decoded string; `isBlock` tells whether it was written as `"""…"""`.
public struct StringValue: Sendable, Hashable {
    public var value: String
    public var isBlock: Bool
    public var span: SourceSpan

    public init(_ value: String, isBlock: Bool = false, span: SourceSpan = .synthesized) {
        self.value = value
        self.isBlock = isBlock
        self.span = span
    }
}

/// `name: value` inside an object literal.
public struct ObjectField: Sendable, Hashable {
    // `span` comes first: see `Argument` for why the synthesized memberwise initializer is kept.
    public var span: SourceSpan
    public var name: Name
    public var value: Value
}

extension ObjectField {
    public init(name: Name, value: Value, span: SourceSpan = .synthesized) {
        self.init(span: span, name: name, value: value)
    }
}
