public import StrataLanguage
public import StrataSchema

/// One field resolved for every parent of one execution step at once.
public struct ResolveBatch: Sendable {
    /// The batch's values, shared: a batch goes to every phase of its resolver and is copied on the way several
    /// times, and copying one reference is one retain where copying the fields (a whole `FieldDef` among them)
    /// was a dozen. Copied before a change when shared.
    private final class Storage: @unchecked Sendable {
        // Mutated only through `ResolveBatch.unique()`, when no other batch shares it.
        var parentType: String
        var field: FieldBox
        var responseKey: String
        var arguments: [String: InputValue]
        var parents: [ObjectValue]
        var subSelections: [SelectionSet]
        var lookahead: SelectionLookahead
        var memo: FieldMemo?

        init(
            parentType: String, field: FieldBox, responseKey: String, arguments: [String: InputValue],
            parents: [ObjectValue], subSelections: [SelectionSet], lookahead: SelectionLookahead, memo: FieldMemo?
        ) {
            self.parentType = parentType
            self.field = field
            self.responseKey = responseKey
            self.arguments = arguments
            self.parents = parents
            self.subSelections = subSelections
            self.lookahead = lookahead
            self.memo = memo
        }

        func copy() -> Storage {
            Storage(
                parentType: parentType, field: field, responseKey: responseKey, arguments: arguments, parents: parents,
                subSelections: subSelections, lookahead: lookahead, memo: nil)
        }
    }

    private var storage: Storage

    init(
        parentType: String, field: FieldDef, responseKey: String, arguments: [String: InputValue],
        parents: [ObjectValue], subSelections: [SelectionSet], lookahead: SelectionLookahead = SelectionLookahead()
    ) {
        self.init(
            parentType: parentType, field: FieldBox(field), responseKey: responseKey, arguments: arguments,
            parents: parents, subSelections: subSelections, lookahead: lookahead, memo: nil)
    }

    /// A batch of a planned field: its definition is shared with the plan (one retain, where a `FieldDef` copy
    /// retained each of its dozen members and released them again when the batch ended).
    init(
        parentType: String, field: FieldBox, responseKey: String, arguments: [String: InputValue],
        parents: [ObjectValue], subSelections: [SelectionSet], lookahead: SelectionLookahead, memo: FieldMemo?
    ) {
        storage = Storage(
            parentType: parentType, field: field, responseKey: responseKey, arguments: arguments, parents: parents,
            subSelections: subSelections, lookahead: lookahead, memo: memo)
    }

    /// The column projection of this field's sub-selection: `compute`'s, worked out once per planned selection of
    /// a cached document (it reads only the selection, the fragments and the target).
    func projection(_ compute: () -> ColumnProjection) -> ColumnProjection {
        guard let memo = storage.memo else { return compute() }
        return memo.projection(compute)
    }

    private mutating func unique() -> Storage {
        if !isKnownUniquelyReferenced(&storage) { storage = storage.copy() }
        // A changed batch no longer matches what its planned selection's memo holds.
        storage.memo = nil
        return storage
    }

    /// The concrete object type the parents belong to.
    public var parentType: String {
        get { storage.parentType }
        set { unique().parentType = newValue }
    }
    public var field: FieldDef {
        get { storage.field.definition }
        set { unique().field = FieldBox(newValue) }
    }
    public var responseKey: String {
        get { storage.responseKey }
        set { unique().responseKey = newValue }
    }
    /// Coerced argument values (defaults applied).
    public var arguments: [String: InputValue] {
        get { storage.arguments }
        set { unique().arguments = newValue }
    }
    /// The parents, in the order results must be returned.
    public var parents: [ObjectValue] {
        get { storage.parents }
        set { unique().parents = newValue }
    }
    /// The merged sub-selections of the field (empty for leaves), for resolvers that look ahead.
    public var subSelections: [SelectionSet] {
        get { storage.subSelections }
        set { unique().subSelections = newValue }
    }
    /// The document's fragments and the application's resolvers, for look-ahead (column projection).
    var lookahead: SelectionLookahead {
        get { storage.lookahead }
        set { unique().lookahead = newValue }
    }

    public func argument(_ name: String) -> InputValue? { storage.arguments[name] }
}

/// A field definition behind one reference, shared by the batches of a planned field.
final class FieldBox: Sendable {
    let definition: FieldDef

    init(_ definition: FieldDef) { self.definition = definition }
}

/// A resolver that runs in two phases around the step's data loading, so the executor decides when batches go:
/// `prepare` registers the keys it needs with the loaders (for every parent of the step), the executor dispatches
/// every loader once, then `resolve` reads the results. Both phases are synchronous: only loading suspends.
public protocol BatchFieldResolver: Sendable {
    func prepare(_ batch: ResolveBatch, loaders: RequestLoaders) throws(FieldError)
    func resolve(_ batch: ResolveBatch, loaders: RequestLoaders) -> [FieldResult]
}

extension BatchFieldResolver {
    public func prepare(_ batch: ResolveBatch, loaders: RequestLoaders) throws(FieldError) {}
}

/// An application resolver that does its own asynchronous work for a whole step (it should batch internally).
/// Async resolvers of one step run concurrently with each other, after the step's loaders were dispatched.
public protocol AsyncFieldResolver: Sendable {
    func resolve(_ batch: ResolveBatch, context: RequestContext) async -> [FieldResult]
}

/// How a field is resolved.
public enum Resolver: Sendable {
    case batch(any BatchFieldResolver)
    case async(any AsyncFieldResolver)
}

/// Application resolvers by type and field, consulted before Strata's own (storage, connection, introspection).
public struct ResolverTable: Sendable {
    private var table: [String: [String: Resolver]] = [:]

    public init() {}

    public mutating func set(_ type: String, _ field: String, _ resolver: Resolver) {
        table[type, default: [:]][field] = resolver
    }

    /// Registers a resolver from an async closure called once per step with all parents.
    public mutating func set(
        _ type: String, _ field: String,
        _ body: @escaping @Sendable (ResolveBatch, RequestContext) async -> [FieldResult]
    ) {
        set(type, field, .async(ClosureResolver(body: body)))
    }

    /// Registers a resolver computing each parent's value independently (synchronously).
    public mutating func setEach(
        _ type: String, _ field: String,
        _ body: @escaping @Sendable (ObjectValue, [String: InputValue]) -> FieldResult
    ) {
        set(type, field, .batch(EachResolver(body: body)))
    }

    public func resolver(_ type: String, _ field: String) -> Resolver? { table[type]?[field] }

    /// Whether any field of `type` has an application resolver.
    public func hasResolvers(for type: String) -> Bool { !(table[type]?.isEmpty ?? true) }
}

struct ClosureResolver: AsyncFieldResolver {
    let body: @Sendable (ResolveBatch, RequestContext) async -> [FieldResult]
    func resolve(_ batch: ResolveBatch, context: RequestContext) async -> [FieldResult] {
        await body(batch, context)
    }
}

struct EachResolver: BatchFieldResolver {
    let body: @Sendable (ObjectValue, [String: InputValue]) -> FieldResult
    func resolve(_ batch: ResolveBatch, loaders: RequestLoaders) -> [FieldResult] {
        batch.parents.map { body($0, batch.arguments) }
    }
}
