/// The selections of one document, stored flat: every field, fragment spread and inline fragment of every
/// selection set is one fixed-size record in an array, and a selection set is a range of the `selections` array.
///
/// `Field`, `FragmentSpread`, `InlineFragment` and `SelectionSet` are small handles (this tree and an index) that
/// read their record on demand. Parsing a document therefore allocates a few growing arrays instead of one array
/// per selection set, argument list and directive list, and releasing the document frees those arrays without
/// visiting the nodes: the records hold no references (names are indices into `names`). Argument and directive
/// lists of selections are ranges of `arguments` and `directives`.
///
/// The parser (or a node's initializer) writes into a tree through `nodes` while it builds it; afterwards the tree
/// is only read, and shared by every handle into it.
public final class SelectionTree: @unchecked Sendable {
    /// The records: written while the document is parsed (or a synthesized node is copied in), then only read.
    @usableFromInline let nodes: UnsafeMutablePointer<SelectionTreeNodes>

    init() {
        nodes = .allocate(capacity: 1)
        nodes.initialize(to: SelectionTreeNodes())
    }

    deinit {
        nodes.pointee.deallocateRecords()
        nodes.deinitialize(count: 1)
        nodes.deallocate()
    }

    @inlinable func name(_ index: Int32, _ span: SourceSpan) -> Name {
        Name(nodes.pointee.names[Int(index)], span: span)
    }
}

/// A range of one of the tree's arrays: `count` items from `start`.
@usableFromInline struct NodeRange: Sendable, BitwiseCopyable {
    @usableFromInline var start: UInt32
    @usableFromInline var count: UInt32

    @usableFromInline static let empty = NodeRange(start: 0, count: 0)

    /// A field without a selection set (`empty` would be a set without selections, which code may build).
    @usableFromInline static let absent = NodeRange(start: .max, count: 0)

    @inlinable var isAbsent: Bool { start == .max }

    @inlinable var range: Range<Int> { Int(start)..<Int(start &+ count) }
}

extension NodeRange {
    /// The items `start..<end` of an array.
    init(from start: Int, to end: Int) {
        self.init(start: UInt32(truncatingIfNeeded: start), count: UInt32(truncatingIfNeeded: end &- start))
    }
}

/// One selection of a selection set: which kind, and its index in that kind's array.
@usableFromInline struct SelectionRecord: Sendable, BitwiseCopyable {
    @usableFromInline enum Kind: UInt8, Sendable, BitwiseCopyable { case field, fragmentSpread, inlineFragment }
    @usableFromInline var kind: Kind
    @usableFromInline var index: UInt32
}

@usableFromInline struct FieldRecord: Sendable, BitwiseCopyable {
    @usableFromInline var span: SourceSpan
    @usableFromInline var nameSpan: SourceSpan
    @usableFromInline var aliasSpan: SourceSpan
    @usableFromInline var selectionSpan: SourceSpan
    @usableFromInline var name: Int32
    /// -1 without an alias.
    @usableFromInline var alias: Int32
    @usableFromInline var arguments: NodeRange
    @usableFromInline var directives: NodeRange
    /// `NodeRange.absent` without a selection set.
    @usableFromInline var selections: NodeRange
}

@usableFromInline struct SpreadRecord: Sendable, BitwiseCopyable {
    @usableFromInline var span: SourceSpan
    @usableFromInline var nameSpan: SourceSpan
    @usableFromInline var name: Int32
    @usableFromInline var directives: NodeRange
}

@usableFromInline struct InlineFragmentRecord: Sendable, BitwiseCopyable {
    @usableFromInline var span: SourceSpan
    @usableFromInline var typeConditionSpan: SourceSpan
    @usableFromInline var selectionSpan: SourceSpan
    /// -1 without a type condition.
    @usableFromInline var typeCondition: Int32
    @usableFromInline var directives: NodeRange
    @usableFromInline var selections: NodeRange
}

/// The records and lists of a `SelectionTree`.
///
/// A selection set's selections are read before the set is complete and nested sets complete first, so they are
/// gathered on `pending` and moved to `selections` together when the set closes: each set is one range there.
@usableFromInline struct SelectionTreeNodes {
    @usableFromInline var fields = RecordBuffer<FieldRecord>()
    @usableFromInline var spreads = RecordBuffer<SpreadRecord>()
    @usableFromInline var inlineFragments = RecordBuffer<InlineFragmentRecord>()
    @usableFromInline var selections = RecordBuffer<SelectionRecord>()
    @usableFromInline var pending = RecordBuffer<SelectionRecord>()
    @usableFromInline var arguments: [Argument] = []
    @usableFromInline var directives: [Directive] = []
    @usableFromInline var names: ContiguousArray<String> = []

    /// Room for a document of `byteCount` bytes, from the benchmark corpus's proportions (a field per ~13 bytes,
    /// an argument per ~110), so that a typical document grows each buffer at most once.
    mutating func reserve(byteCount: Int) {
        fields.reserveCapacity(byteCount / 12)
        selections.reserveCapacity(byteCount / 12)
        pending.reserveCapacity(64)
        arguments.reserveCapacity(byteCount / 96)
        names.reserveCapacity(byteCount / 256)
    }

    func deallocateRecords() {
        fields.deallocate()
        spreads.deallocate()
        inlineFragments.deallocate()
        selections.deallocate()
        pending.deallocate()
    }

    /// Appends a name (a node built in code; the parser finds names through its `NameTable`) and returns its index.
    mutating func appendName(_ text: String) -> Int32 {
        names.append(text)
        return Int32(truncatingIfNeeded: names.count &- 1)
    }

    /// Moves the selections pending from `mark` on into `selections`, as one range.
    @inline(__always) mutating func closeSet(from mark: Int) -> NodeRange {
        let start = selections.count
        selections.append(contentsOf: pending, from: mark)
        pending.truncate(to: mark)
        return NodeRange(from: start, to: selections.count)
    }

    // MARK: Nodes built in code, and nodes copied from other trees (never on the parser's path)

    /// Copies `selections` in as one selection set.
    mutating func copy(_ selections: some Sequence<Selection>) -> NodeRange {
        let mark = pending.count
        for selection in selections {
            pending.append(copy(selection))
        }
        return closeSet(from: mark)
    }

    mutating func copy(_ selection: Selection) -> SelectionRecord {
        switch selection {
        case .field(let field):
            let index = appendField(
                alias: field.alias, name: field.name, arguments: field.arguments, directives: field.directives,
                selectionSet: field.selectionSet, span: field.span)
            return SelectionRecord(kind: .field, index: index)
        case .fragmentSpread(let spread):
            let index = appendSpread(name: spread.name, directives: spread.directives, span: spread.span)
            return SelectionRecord(kind: .fragmentSpread, index: index)
        case .inlineFragment(let fragment):
            let index = appendInlineFragment(
                typeCondition: fragment.typeCondition, directives: fragment.directives,
                selectionSet: fragment.selectionSet, span: fragment.span)
            return SelectionRecord(kind: .inlineFragment, index: index)
        }
    }

    /// A field record from its parts (copied in); returns its index.
    mutating func appendField(
        alias: Name?, name: Name, arguments: some Collection<Argument>, directives: some Collection<Directive>,
        selectionSet: SelectionSet?, span: SourceSpan
    ) -> UInt32 {
        let argumentRange = append(arguments)
        let directiveRange = append(directives)
        let selections = selectionSet.map { copy($0.selections) } ?? .absent
        let index = fields.append(
            FieldRecord(
                span: span, nameSpan: name.span, aliasSpan: alias?.span ?? .synthesized,
                selectionSpan: selectionSet?.span ?? .synthesized, name: appendName(name.value),
                alias: alias.map { appendName($0.value) } ?? -1, arguments: argumentRange, directives: directiveRange,
                selections: selections))
        return UInt32(truncatingIfNeeded: index)
    }

    /// A fragment spread record from its parts; returns its index.
    mutating func appendSpread(name: Name, directives: some Collection<Directive>, span: SourceSpan) -> UInt32 {
        let directiveRange = append(directives)
        let index = spreads.append(
            SpreadRecord(span: span, nameSpan: name.span, name: appendName(name.value), directives: directiveRange))
        return UInt32(truncatingIfNeeded: index)
    }

    /// An inline fragment record from its parts (its selections copied in); returns its index.
    mutating func appendInlineFragment(
        typeCondition: Name?, directives: some Collection<Directive>, selectionSet: SelectionSet, span: SourceSpan
    ) -> UInt32 {
        let directiveRange = append(directives)
        let selections = copy(selectionSet.selections)
        let index = inlineFragments.append(
            InlineFragmentRecord(
                span: span, typeConditionSpan: typeCondition?.span ?? .synthesized, selectionSpan: selectionSet.span,
                typeCondition: typeCondition.map { appendName($0.value) } ?? -1, directives: directiveRange,
                selections: selections))
        return UInt32(truncatingIfNeeded: index)
    }

    mutating func append(_ items: some Collection<Argument>) -> NodeRange {
        let start = arguments.count
        arguments.append(contentsOf: items)
        return NodeRange(from: start, to: arguments.count)
    }

    mutating func append(_ items: some Collection<Directive>) -> NodeRange {
        let start = directives.count
        directives.append(contentsOf: items)
        return NodeRange(from: start, to: directives.count)
    }
}
