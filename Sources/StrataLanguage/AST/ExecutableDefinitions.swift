/// `query`, `mutation` or `subscription`.
public enum OperationType: String, Sendable, Hashable, CaseIterable {
    case query, mutation, subscription
}

/// An operation; the shorthand `{ … }` form has `name == nil`, no variables and no directives.
public struct OperationDefinition: Sendable, Hashable {
    // `span` comes first: see `Argument` for why the synthesized memberwise initializer is kept.
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
    // `span` comes first: see `Argument` for why the synthesized memberwise initializer is kept.
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

/// `{ Selection+ }`: a range of its document's `SelectionTree`.
public struct SelectionSet: Sendable, Hashable {
    @usableFromInline let tree: SelectionTree
    @usableFromInline let range: NodeRange
    public let span: SourceSpan

    @usableFromInline init(tree: SelectionTree, range: NodeRange, span: SourceSpan) {
        self.tree = tree
        self.range = range
        self.span = span
    }

    /// A selection set of its own (copies the selections into a new tree).
    public init(selections: [Selection], span: SourceSpan = .synthesized) {
        let tree = SelectionTree()
        range = tree.nodes.pointee.copy(selections)
        self.tree = tree
        self.span = span
    }

    @inlinable public var selections: Selections { Selections(tree: tree, start: Int(range.start), count: Int(range.count)) }

    public static func == (lhs: SelectionSet, rhs: SelectionSet) -> Bool {
        if lhs.tree === rhs.tree, lhs.range.start == rhs.range.start, lhs.range.count == rhs.range.count {
            return true
        }
        return lhs.selections.elementsEqual(rhs.selections)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(range.count)
        for selection in selections { hasher.combine(selection) }
    }
}

/// The selections of a selection set, in order; each is read from the tree when it is asked for.
public struct Selections: RandomAccessCollection, Sendable {
    @usableFromInline let tree: SelectionTree
    @usableFromInline let start: Int
    public let count: Int

    @usableFromInline init(tree: SelectionTree, start: Int, count: Int) {
        self.tree = tree
        self.start = start
        self.count = count
    }

    @inlinable public var startIndex: Int { 0 }
    @inlinable public var endIndex: Int { count }

    @inlinable public subscript(position: Int) -> Selection {
        precondition(position >= 0 && position < count, "Selection index out of range")
        let record = tree.nodes.pointee.selections[start &+ position]
        switch record.kind {
        case .field: return .field(Field(tree: tree, index: record.index))
        case .fragmentSpread: return .fragmentSpread(FragmentSpread(tree: tree, index: record.index))
        case .inlineFragment: return .inlineFragment(InlineFragment(tree: tree, index: record.index))
        }
    }
}

public enum Selection: Sendable, Hashable {
    case field(Field)
    case fragmentSpread(FragmentSpread)
    case inlineFragment(InlineFragment)

    @inlinable public var span: SourceSpan {
        switch self {
        case .field(let f): f.span
        case .fragmentSpread(let f): f.span
        case .inlineFragment(let f): f.span
        }
    }

    @inlinable public var directives: ArraySlice<Directive> {
        switch self {
        case .field(let f): f.directives
        case .fragmentSpread(let f): f.directives
        case .inlineFragment(let f): f.directives
        }
    }

    /// The response key of a field selection (its alias, else its name); nil for a fragment spread or an inline
    /// fragment.
    @inlinable public var fieldResponseKey: String? {
        switch self {
        case .field(let field): field.responseKey
        case .fragmentSpread, .inlineFragment: nil
        }
    }
}

/// `Alias? Name Arguments? Directives? SelectionSet?`: a handle to one field record of a `SelectionTree`.
public struct Field: Sendable, Hashable {
    @usableFromInline let tree: SelectionTree
    @usableFromInline let index: UInt32

    @usableFromInline init(tree: SelectionTree, index: UInt32) {
        self.tree = tree
        self.index = index
    }

    /// A field of its own (copies the arguments, directives and selections into a new tree).
    public init(
        alias: Name? = nil, name: Name, arguments: [Argument] = [], directives: [Directive] = [],
        selectionSet: SelectionSet? = nil, span: SourceSpan = .synthesized
    ) {
        let tree = SelectionTree()
        index = tree.nodes.pointee.appendField(
            alias: alias, name: name, arguments: arguments, directives: directives, selectionSet: selectionSet,
            span: span)
        self.tree = tree
    }

    @inlinable var record: FieldRecord { tree.nodes.pointee.fields[Int(index)] }

    @inlinable public var span: SourceSpan { record.span }

    @inlinable public var alias: Name? {
        let record = record
        return record.alias < 0 ? nil : tree.name(record.alias, record.aliasSpan)
    }

    @inlinable public var name: Name {
        let record = record
        return tree.name(record.name, record.nameSpan)
    }

    @inlinable public var arguments: ArraySlice<Argument> { tree.nodes.pointee.arguments[record.arguments.range] }

    @inlinable public var directives: ArraySlice<Directive> { tree.nodes.pointee.directives[record.directives.range] }

    @inlinable public var selectionSet: SelectionSet? {
        let record = record
        guard !record.selections.isAbsent else { return nil }
        return SelectionSet(tree: tree, range: record.selections, span: record.selectionSpan)
    }

    /// Whether the field has arguments, read from its record (no list is made).
    @inlinable public var hasArguments: Bool { record.arguments.count > 0 }

    /// Whether the field has directives, read from its record (no list is made).
    @inlinable public var hasDirectives: Bool { record.directives.count > 0 }

    /// The key of this field in the response: the alias if present, else the name.
    @inlinable public var responseKey: String {
        let record = record
        return tree.nodes.pointee.names[Int(record.alias < 0 ? record.name : record.alias)]
    }

    public static func == (lhs: Field, rhs: Field) -> Bool {
        if lhs.tree === rhs.tree, lhs.index == rhs.index { return true }
        return lhs.alias == rhs.alias && lhs.name == rhs.name && lhs.arguments == rhs.arguments
            && lhs.directives == rhs.directives && lhs.selectionSet == rhs.selectionSet
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(alias)
        hasher.combine(name)
        hasher.combine(arguments)
        hasher.combine(directives)
        hasher.combine(selectionSet)
    }
}

/// `name: value` in a field's or a directive's argument list.
public struct Argument: Sendable, Hashable {
    // `span` comes first so that the synthesized memberwise initializer, `init(span:name:value:)`, differs from
    // the public one below and is kept: the parser builds arguments through it (one in-place construction).
    public var span: SourceSpan
    public var name: Name
    public var value: Value
}

extension Argument {
    public init(name: Name, value: Value, span: SourceSpan = .synthesized) {
        self.init(span: span, name: name, value: value)
    }
}

/// `...Name Directives?`: a handle to one fragment spread record of a `SelectionTree`.
public struct FragmentSpread: Sendable, Hashable {
    @usableFromInline let tree: SelectionTree
    @usableFromInline let index: UInt32

    @usableFromInline init(tree: SelectionTree, index: UInt32) {
        self.tree = tree
        self.index = index
    }

    /// A fragment spread of its own (copies the directives into a new tree).
    public init(name: Name, directives: [Directive] = [], span: SourceSpan = .synthesized) {
        let tree = SelectionTree()
        index = tree.nodes.pointee.appendSpread(name: name, directives: directives, span: span)
        self.tree = tree
    }

    @inlinable var record: SpreadRecord { tree.nodes.pointee.spreads[Int(index)] }

    @inlinable public var span: SourceSpan { record.span }

    @inlinable public var name: Name {
        let record = record
        return tree.name(record.name, record.nameSpan)
    }

    @inlinable public var directives: ArraySlice<Directive> { tree.nodes.pointee.directives[record.directives.range] }

    public static func == (lhs: FragmentSpread, rhs: FragmentSpread) -> Bool {
        if lhs.tree === rhs.tree, lhs.index == rhs.index { return true }
        return lhs.name == rhs.name && lhs.directives == rhs.directives
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(name)
        hasher.combine(directives)
    }
}

/// `... TypeCondition? Directives? SelectionSet`: a handle to one inline fragment record of a `SelectionTree`.
public struct InlineFragment: Sendable, Hashable {
    @usableFromInline let tree: SelectionTree
    @usableFromInline let index: UInt32

    @usableFromInline init(tree: SelectionTree, index: UInt32) {
        self.tree = tree
        self.index = index
    }

    /// An inline fragment of its own (copies the directives and selections into a new tree).
    public init(
        typeCondition: Name? = nil, directives: [Directive] = [], selectionSet: SelectionSet,
        span: SourceSpan = .synthesized
    ) {
        let tree = SelectionTree()
        index = tree.nodes.pointee.appendInlineFragment(
            typeCondition: typeCondition, directives: directives, selectionSet: selectionSet, span: span)
        self.tree = tree
    }

    @inlinable var record: InlineFragmentRecord { tree.nodes.pointee.inlineFragments[Int(index)] }

    @inlinable public var span: SourceSpan { record.span }

    @inlinable public var typeCondition: Name? {
        let record = record
        return record.typeCondition < 0 ? nil : tree.name(record.typeCondition, record.typeConditionSpan)
    }

    @inlinable public var directives: ArraySlice<Directive> { tree.nodes.pointee.directives[record.directives.range] }

    @inlinable public var selectionSet: SelectionSet {
        let record = record
        return SelectionSet(tree: tree, range: record.selections, span: record.selectionSpan)
    }

    public static func == (lhs: InlineFragment, rhs: InlineFragment) -> Bool {
        if lhs.tree === rhs.tree, lhs.index == rhs.index { return true }
        return lhs.typeCondition == rhs.typeCondition && lhs.directives == rhs.directives
            && lhs.selectionSet == rhs.selectionSet
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(typeCondition)
        hasher.combine(directives)
        hasher.combine(selectionSet)
    }
}

public struct FragmentDefinition: Sendable, Hashable {
    // `span` comes first: see `Argument` for why the synthesized memberwise initializer is kept.
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
    // `span` comes first: see `Argument` for why the synthesized memberwise initializer is kept.
    public var span: SourceSpan
    public var name: Name
    public var arguments: [Argument]
}

extension Directive {
    public init(name: Name, arguments: [Argument] = [], span: SourceSpan = .synthesized) {
        self.init(span: span, name: name, arguments: arguments)
    }
}
