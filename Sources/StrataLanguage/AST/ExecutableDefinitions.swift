/// `query`, `mutation` or `subscription`.
public enum OperationType: String, Sendable, Hashable, CaseIterable {
    case query, mutation, subscription
}

/// An operation; the shorthand `{ … }` form has `name == nil`, no variables and no directives.
public struct OperationDefinition: Sendable, Hashable {
    public var operation: OperationType
    public var name: Name?
    public var variableDefinitions: [VariableDefinition]
    public var directives: [Directive]
    public var selectionSet: SelectionSet
    public var span: SourceSpan

    public init(
        operation: OperationType, name: Name? = nil, variableDefinitions: [VariableDefinition] = [],
        directives: [Directive] = [], selectionSet: SelectionSet, span: SourceSpan = .synthesized
    ) {
        self.operation = operation
        self.name = name
        self.variableDefinitions = variableDefinitions
        self.directives = directives
        self.selectionSet = selectionSet
        self.span = span
    }
}

/// `$name: Type = default @directives`. `variable` holds the name without the `$`; its span covers the `$`.
public struct VariableDefinition: Sendable, Hashable {
    public var variable: Name
    public var type: TypeReference
    public var defaultValue: Value?
    public var directives: [Directive]
    public var span: SourceSpan

    public init(
        variable: Name, type: TypeReference, defaultValue: Value? = nil, directives: [Directive] = [],
        span: SourceSpan = .synthesized
    ) {
        self.variable = variable
        self.type = type
        self.defaultValue = defaultValue
        self.directives = directives
        self.span = span
    }
}

public struct SelectionSet: Sendable, Hashable {
    public var selections: [Selection]
    public var span: SourceSpan

    public init(selections: [Selection], span: SourceSpan = .synthesized) {
        self.selections = selections
        self.span = span
    }
}

public enum Selection: Sendable, Hashable {
    case field(Field)
    case fragmentSpread(FragmentSpread)
    case inlineFragment(InlineFragment)

    public var span: SourceSpan {
        switch self {
        case .field(let f): f.span
        case .fragmentSpread(let f): f.span
        case .inlineFragment(let f): f.span
        }
    }

    public var directives: [Directive] {
        switch self {
        case .field(let f): f.directives
        case .fragmentSpread(let f): f.directives
        case .inlineFragment(let f): f.directives
        }
    }
}

public struct Field: Sendable, Hashable {
    public var alias: Name?
    public var name: Name
    public var arguments: [Argument]
    public var directives: [Directive]
    public var selectionSet: SelectionSet?
    public var span: SourceSpan

    public init(
        alias: Name? = nil, name: Name, arguments: [Argument] = [], directives: [Directive] = [],
        selectionSet: SelectionSet? = nil, span: SourceSpan = .synthesized
    ) {
        self.alias = alias
        self.name = name
        self.arguments = arguments
        self.directives = directives
        self.selectionSet = selectionSet
        self.span = span
    }

    /// The key of this field in the response: the alias if present, else the name.
    @inlinable public var responseKey: String { alias?.value ?? name.value }
}

public struct Argument: Sendable, Hashable {
    public var name: Name
    public var value: Value
    public var span: SourceSpan

    public init(name: Name, value: Value, span: SourceSpan = .synthesized) {
        self.name = name
        self.value = value
        self.span = span
    }
}

public struct FragmentSpread: Sendable, Hashable {
    public var name: Name
    public var directives: [Directive]
    public var span: SourceSpan

    public init(name: Name, directives: [Directive] = [], span: SourceSpan = .synthesized) {
        self.name = name
        self.directives = directives
        self.span = span
    }
}

public struct InlineFragment: Sendable, Hashable {
    public var typeCondition: Name?
    public var directives: [Directive]
    public var selectionSet: SelectionSet
    public var span: SourceSpan

    public init(
        typeCondition: Name? = nil, directives: [Directive] = [], selectionSet: SelectionSet,
        span: SourceSpan = .synthesized
    ) {
        self.typeCondition = typeCondition
        self.directives = directives
        self.selectionSet = selectionSet
        self.span = span
    }
}

public struct FragmentDefinition: Sendable, Hashable {
    public var name: Name
    public var typeCondition: Name
    public var directives: [Directive]
    public var selectionSet: SelectionSet
    public var span: SourceSpan

    public init(
        name: Name, typeCondition: Name, directives: [Directive] = [], selectionSet: SelectionSet,
        span: SourceSpan = .synthesized
    ) {
        self.name = name
        self.typeCondition = typeCondition
        self.directives = directives
        self.selectionSet = selectionSet
        self.span = span
    }
}

/// `@name(arguments)`.
public struct Directive: Sendable, Hashable {
    public var name: Name
    public var arguments: [Argument]
    public var span: SourceSpan

    public init(name: Name, arguments: [Argument] = [], span: SourceSpan = .synthesized) {
        self.name = name
        self.arguments = arguments
        self.span = span
    }
}
