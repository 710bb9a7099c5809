public import StrataLanguage
public import StrataSchema

/// A place where a variable is used, with the type the position expects.
public struct VariableUsage: Sendable, Hashable {
    /// The variable's name, without `$`.
    public var name: String
    /// The span of the `$name` token.
    public var span: SourceSpan
    /// The type the argument, object field or list item expects; nil when unknown.
    public var expectedType: TypeRef?
    /// Whether the argument or input field where the variable sits declares a default value.
    public var hasLocationDefault: Bool
    /// The name of the OneOf input object when the variable is directly the value of one of its fields.
    public var oneOfParent: String?

    public init(
        name: String, span: SourceSpan, expectedType: TypeRef?, hasLocationDefault: Bool, oneOfParent: String? = nil
    ) {
        self.name = name
        self.span = span
        self.expectedType = expectedType
        self.hasLocationDefault = hasLocationDefault
        self.oneOfParent = oneOfParent
    }
}
