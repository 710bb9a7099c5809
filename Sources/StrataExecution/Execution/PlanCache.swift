import StrataLanguage
import StrataSchema
import StrataStorage
import Synchronization

/// The planning of a cached document that does not depend on a request: for each merged selection and concrete
/// type, the collected fields, their plan entries and their arguments when those are literals. Kept with the
/// document in `DocumentCache`, so a repeated query plans each batch with one lookup, where it otherwise
/// collected the fields, looked each up by name and coerced its arguments again on every request (a third of a
/// one-row lookup's own work).
///
/// A document whose `@skip` or `@include` reads a variable gets no cache: which fields a selection collects
/// then depends on the request.
final class PlanCache: Sendable {
    /// A selection: its selection sets (by where they were written: no two sets of a parsed document share a
    /// span) and the concrete type it is collected for.
    struct Key: Hashable, Sendable {
        var typeName: String
        var first: UInt64
        var more: [UInt64]

        /// Nil for a selection that was not parsed from the document (a synthesized span would be shared).
        init?(_ sets: [SelectionSet], typeName: String) {
            guard let head = sets.first, let headBits = Self.bits(head.span) else { return nil }
            self.typeName = typeName
            first = headBits
            more = []
            if sets.count > 1 {
                more.reserveCapacity(sets.count - 1)
                for set in sets.dropFirst() {
                    guard let bits = Self.bits(set.span) else { return nil }
                    more.append(bits)
                }
            }
        }

        /// The span's offsets as one value (`SourceSpan`'s own `==` ignores them), or nil for a synthesized span.
        private static func bits(_ span: SourceSpan) -> UInt64? {
            if span.start == 0 && span.end == 0 { return nil }
            return UInt64(span.start) << 32 | UInt64(span.end)
        }

        static func == (lhs: Key, rhs: Key) -> Bool {
            lhs.first == rhs.first && lhs.more == rhs.more && UTF8Bytes.equal(lhs.typeName, rhs.typeName)
        }

        func hash(into hasher: inout Hasher) {
            hasher.combine(first)
            hasher.combine(more.count)
            for bits in more { hasher.combine(bits) }
            UTF8Bytes.hash(typeName, into: &hasher)
        }
    }

    /// Selections planned per document at most; past it, further selections are planned on every request.
    /// (A document can only reach it through many abstract types; each entry is a few small arrays.)
    static let capacity = 512

    private let plans = Mutex<[Key: PlannedSelection]>([:])
    /// Per operation (by its span): its `DirectRead`, or nil when it is not one.
    let directReads = Mutex<[UInt64: DirectRead?]>([:])

    /// A cache for `document`, or nil when its field collection depends on variables.
    static func make(for document: Document) -> PlanCache? {
        VariableDirectives.appear(in: document) ? nil : PlanCache()
    }

    func plan(_ key: Key, orBuild build: () -> PlannedSelection) -> PlannedSelection {
        if let found = plans.withLock({ $0[key] }) { return found }
        let built = build()
        plans.withLock { plans in
            if plans.count < Self.capacity, plans[key] == nil { plans[key] = built }
        }
        return built
    }

    var count: Int { plans.withLock { $0.count } }
}

/// One selection planned for one concrete type: what `ExecutionRun.plan` works out before it touches the
/// request's objects. Immutable once built; shared by every request that plans the same selection.
final class PlannedSelection: Sendable {
    let fields: [CollectedField]
    /// Per field: its plan entry (nil for a field the type does not have).
    let entries: [FieldPlans.Entry?]
    /// The fields' response keys, encoded for the response.
    let keys: EncodedKeySet
    let nonNull: [Bool]
    /// Per field: its coerced arguments (or the error coercing them gave), or nil when they read variables and
    /// are coerced for each request.
    let arguments: [Result<[String: InputValue], FieldError>?]
    /// Per field: the selection sets of its merged nodes (the next step's selection).
    let subSelections: [[SelectionSet]]
    /// Per field: what its resolver worked out from the selection alone (nil when the plan is not cached).
    let memos: [FieldMemo?]
    /// How a row is written as one object of this selection, when every field is a stored leaf column.
    let flatLayout: FlatObjectLayout?

    init(
        fields: [CollectedField], entries: [FieldPlans.Entry?], arguments: [Result<[String: InputValue], FieldError>?],
        memoized: Bool
    ) {
        self.fields = fields
        self.entries = entries
        let keys = EncodedKeySet(fields.map(\.responseKey))
        self.keys = keys
        self.nonNull = entries.map { $0?.definition.type.isNonNull ?? false }
        self.arguments = arguments
        self.subSelections = fields.map { $0.nodes.compactMap(\.selectionSet) }
        self.memos = fields.map { _ in memoized ? FieldMemo() : nil }
        self.flatLayout = FlatObjectLayout(fields: fields, entries: entries, arguments: arguments, keys: keys)
    }
}

extension PlannedSelection {
    /// Plans `selections` for the concrete type `typeName`: its fields collected, found in the field plans, and
    /// their literal arguments coerced (arguments that read variables are left for each request).
    static func build(
        _ selections: [SelectionSet], typeName: String, collector: FieldCollector, fieldPlans: FieldPlans,
        memoized: Bool
    ) -> PlannedSelection {
        let fields = collector.collect(selections, for: typeName)
        let table = fieldPlans.table(for: typeName)
        let entries = fields.map { field in table?[field.name] ?? fieldPlans.entry(typeName, field.name) }
        var arguments: [Result<[String: InputValue], FieldError>?] = []
        arguments.reserveCapacity(fields.count)
        for (field, entry) in zip(fields, entries) {
            if let entry, field.nodes[0].arguments.allSatisfy(\.value.isConstant) {
                arguments.append(
                    ArgumentCoercion.coerce(
                        field.nodes[0].arguments, definition: entry.definition, schema: collector.schema,
                        variables: collector.variables))
            } else {
                arguments.append(nil)
            }
        }
        return PlannedSelection(fields: fields, entries: entries, arguments: arguments, memoized: memoized)
    }
}

/// What a field's resolver derives from the field's selection and the document alone, worked out by the first
/// request that plans it and read by the next ones.
final class FieldMemo: Sendable {
    private let knownProjection = Mutex<ColumnProjection?>(nil)

    /// The projection `compute` gives (the same for every request of the document), computed once.
    func projection(_ compute: () -> ColumnProjection) -> ColumnProjection {
        if let known = knownProjection.withLock({ $0 }) { return known }
        let computed = compute()
        knownProjection.withLock { $0 = computed }
        return computed
    }
}

/// Whether a document's `@skip`/`@include` read variables anywhere (its field collection then varies).
enum VariableDirectives {
    static func appear(in document: Document) -> Bool {
        for definition in document.definitions {
            switch definition {
            case .operation(let operation):
                if appear(in: operation.selectionSet) { return true }
            case .fragment(let fragment):
                if appear(in: fragment.selectionSet) { return true }
            default:
                continue
            }
        }
        return false
    }

    private static func appear(in set: SelectionSet) -> Bool {
        for selection in set.selections {
            if readsVariable(selection.directives) { return true }
            switch selection {
            case .field(let field):
                if let inner = field.selectionSet, appear(in: inner) { return true }
            case .inlineFragment(let fragment):
                if appear(in: fragment.selectionSet) { return true }
            case .fragmentSpread:
                continue
            }
        }
        return false
    }

    private static func readsVariable(_ directives: some Collection<Directive>) -> Bool {
        directives.contains { directive in
            (directive.name.value == "skip" || directive.name.value == "include")
                && directive.arguments.contains { !$0.value.isConstant }
        }
    }
}
