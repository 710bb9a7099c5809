public import StrataLanguage
public import StrataSchema

/// One field resolved for every parent of one execution step at once.
public struct ResolveBatch: Sendable {
    /// The concrete object type the parents belong to.
    public var parentType: String
    public var field: FieldDef
    public var responseKey: String
    /// Coerced argument values (defaults applied).
    public var arguments: [String: InputValue]
    /// The parents, in the order results must be returned.
    public var parents: [ObjectValue]
    /// The merged sub-selections of the field (empty for leaves), for resolvers that look ahead.
    public var subSelections: [SelectionSet]
    /// The document's fragments and the application's resolvers, for look-ahead (column projection).
    var lookahead = SelectionLookahead()

    public func argument(_ name: String) -> InputValue? { arguments[name] }
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
