/// `query`, `mutation` or `subscription`.
public enum OperationType: String, Sendable, Hashable, CaseIterable {
    case query, mutation, subscription
}

/// An operation; the shorthand `{ … }` form has `name == nil`, no variables and no directives.
public struct OperationDefinition: Sendable, Hashable {
    // `span` comes first: see `Field` for why the synthesized memberwise initializer is kept.
    public var span: SourceSpan
    public var operation: OperationType
    public var name: Name?
    public var variableDefinitions: [VariableDefinition]
    public var directives: [Directive]
    public var selectionSet: SelectionSet
}

extension OperationDefinition {
    public init(
        operation: OperationType, name: Name? = nil, variableDefinitions: [VariableDefinition] = [],
        directives: [Directive] = [], selectionSet: SelectionSet, span: SourceSpan = .synthesized
    ) {
        self.init(
            span: span, operation: operation, name: name, variableDefinitions: variableDefinitions,
            directives: directives, selectionSet: selectionSet)
    }
}

/// `$name: Type = default @directives`. `variable` holds the name without the `$`; its span covers the `$`.
public struct VariableDefinition: Sendable, Hashable {
    // `span` comes first: see `Field` for why the synthesized memberwise initializer is kept.
    public var span: SourceSpan
    public var variable: Name
    public var type: TypeReference
    public var defaultValue: Value?
    public var directives: [Directive]
}

extension VariableDefinition {
    public init(
        variable: Name, type: TypeReference, defaultValue: Value? = nil, directives: [Directive] = [],
        span: SourceSpan = .synthesized
    ) {
        self.init(span: span, variable: variable, type: type, defaultValue: defaultValue, directives: directives)
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

    /// The response key of a field selection (its alias, else its name); nil for a fragment spread or an inline
    /// fragment. Reads the two names in place, where binding the field out of the selection copies all of it.
    @inlinable public var fieldResponseKey: String? {
        switch self {
        case .field(let field): field.alias?.value ?? field.name.value
        case .fragmentSpread, .inlineFragment: nil
        }
    }
}

public struct Field: Sendable, Hashable {
    // `span` is declared first so that the synthesized memberwise initializer, `init(span:alias:name:…)`, differs
    // from the public one below and is kept: the parser builds fields through it, which the compiler turns into
    // one in-place construction, while an explicit initializer's body left a copy and a destroy of the whole
    // field behind (a sixth of the parser's instructions).
    public var span: SourceSpan
    public var alias: Name?
    public var name: Name
    public var arguments: [Argument]
    public var directives: [Directive]
    public var selectionSet: SelectionSet?
    /// The key of this field in the response: the alias if present, else the name.
    @inlinable public var responseKey: String { alias?.value ?? name.value }
}

extension Field {
    public init(
        alias: Name? = nil, name: Name, arguments: [Argument] = [], directives: [Directive] = [],
        selectionSet: SelectionSet? = nil, span: SourceSpan = .synthesized
    ) {
        self.init(
            span: span, alias: alias, name: name, arguments: arguments, directives: directives,
            selectionSet: selectionSet)
    }
}

public struct Argument: Sendable, Hashable {
    // `span` comes first: see `Field` for why the synthesized memberwise initializer is kept.
    public var span: SourceSpan
    public var name: Name
    public var value: Value
}

extension Argument {
    public init(name: Name, value: Value, span: SourceSpan = .synthesized) {
        self.init(span: span, name: name, value: value)
    }
}

public struct FragmentSpread: Sendable, Hashable {
    // `span` comes first: see `Field` for why the synthesized memberwise initializer is kept.
    public var span: SourceSpan
    public var name: Name
    public var directives: [Directive]
}

extension FragmentSpread {
    public init(name: Name, directives: [Directive] = [], span: SourceSpan = .synthesized) {
        self.init(span: span, name: name, directives: directives)
    }
}

public struct InlineFragment: Sendable, Hashable {
    // `span` comes first: see `Field` for why the synthesized memberwise initializer is kept.
    public var span: SourceSpan
    public var typeCondition: Name?
    public var directives: [Directive]
    public var selectionSet: SelectionSet
}

extension InlineFragment {
    public init(
        typeCondition: Name? = nil, directives: [Directive] = [], selectionSet: SelectionSet,
        span: SourceSpan = .synthesized
    ) {
        self.init(span: span, typeCondition: typeCondition, directives: directives, selectionSet: selectionSet)
    }
}

public struct FragmentDefinition: Sendable, Hashable {
    // `span` comes first: see `Field` for why the synthesized memberwise initializer is kept.
    public var span: SourceSpan
    public var name: Name
    public var typeCondition: Name
    public var directives: [Directive]
    public var selectionSet: SelectionSet
}

extension FragmentDefinition {
    public init(
        name: Name, typeCondition: Name, directives: [Directive] = [], selectionSet: SelectionSet,
        span: SourceSpan = .synthesized
    ) {
        self.init(
            span: span, name: name, typeCondition: typeCondition, directives: directives, selectionSet: selectionSet)
    }
}

/// `@name(arguments)`.
public struct Directive: Sendable, Hashable {
    // `span` comes first: see `Field` for why the synthesized memberwise initializer is kept.
    public var span: SourceSpan
    public var name: Name
    public var arguments: [Argument]
}

extension Directive {
    public init(name: Name, arguments: [Argument] = [], span: SourceSpan = .synthesized) {
        self.init(span: span, name: name, arguments: arguments)
    }
}
