import StrataSchema

/// Where the executor finds a field's resolver: the application's table first, then Strata's own
/// (storage-bound fields, mutations, introspection), then the default resolver.
struct ResolverSet: Sendable {
    let application: ResolverTable
    let builtin: [String: [String: Resolver]]

    func resolver(_ type: String, _ field: FieldDef) -> Resolver {
        if let resolver = application.resolver(type, field.name) { return resolver }
        if let resolver = builtin[type]?[field.name] { return resolver }
        return .batch(DefaultResolver())
    }
}

/// Resolves fields from the parent value itself: application maps, connections, edges, page info and
/// introspection objects. Anything else resolves to null.
struct DefaultResolver: BatchFieldResolver {
    func resolve(_ batch: ResolveBatch, loaders: RequestLoaders) -> [FieldResult] {
        let name = batch.field.name
        return batch.parents.map { parent in
            switch parent {
            case .map(_, let fields): .value(fields[name] ?? .null)
            case .connection(let connection): ConnectionFields.resolve(name, connection)
            case .edge(let typeName, let row, let cursor):
                switch name {
                case "cursor": .value(.string(cursor))
                case "node": .value(.object(.row(typeName: typeName, row)))
                default: .value(.null)
                }
            case .pageInfo(let info):
                switch name {
                case "hasNextPage": .value(.bool(info.hasNextPage))
                case "hasPreviousPage": .value(.bool(info.hasPreviousPage))
                case "startCursor": .value(info.startCursor.map { .string($0) } ?? .null)
                case "endCursor": .value(info.endCursor.map { .string($0) } ?? .null)
                default: .value(.null)
                }
            case .root, .row, .introspection: .value(.null)
            }
        }
    }
}
