import StrataModel
import StrataSchema
import StrataStorage

/// Strata's own resolvers for a schema: introspection, and — for a storage-bound schema — every stored field,
/// relation, root lookup/list/connection and mutation, computed once per executor.
enum BuiltinResolvers {
    static func make(schema: Schema, model: DataModel?, storage: StorageRouter) -> [String: [String: Resolver]] {
        var table: [String: [String: Resolver]] = [:]
        let introspection = Resolver.batch(IntrospectionResolver(schema: schema))
        table[schema.queryTypeName, default: [:]]["__schema"] = introspection
        table[schema.queryTypeName, default: [:]]["__type"] = introspection
        for name in schema.typeNames where name.hasPrefix("__") {
            for field in schema.types[name]?.fields ?? [] { table[name, default: [:]][field.name] = introspection }
        }
        guard let model else { return table }

        for (typeName, binding) in model.entities {
            var fields: [String: Resolver] = [:]
            for (field, column) in binding.fieldColumns { fields[field] = .batch(ColumnResolver(column: column)) }
            for (field, relation) in binding.relations {
                guard let target = model.entities[relation.target] else { continue }
                switch relation.kind {
                case .belongsTo, .hasOne:
                    fields[field] = .batch(ToOneResolver(binding: binding, relation: relation, target: target))
                case .hasMany:
                    fields[field] = .batch(HasManyResolver(binding: binding, relation: relation, target: target))
                }
            }
            table[typeName, default: [:]].merge(fields) { _, new in new }
        }
        for (field, binding) in model.queryFields {
            switch binding {
            case .lookup(let entity):
                guard let target = model.entities[entity] else { continue }
                table[schema.queryTypeName, default: [:]][field] = .batch(RootLookupResolver(target: target))
            case .list(let entity):
                guard let target = model.entities[entity] else { continue }
                table[schema.queryTypeName, default: [:]][field] = .batch(RootListResolver(target: target, asConnection: false))
            case .connection(let entity):
                guard let target = model.entities[entity] else { continue }
                table[schema.queryTypeName, default: [:]][field] = .batch(RootListResolver(target: target, asConnection: true))
            }
        }
        if let mutationType = schema.mutationTypeName {
            for (field, binding) in model.mutationFields {
                table[mutationType, default: [:]][field] = .async(MutationResolver(model: model, binding: binding, storage: storage))
            }
        }
        return table
    }
}

/// A stored scalar or enum field: the row's column, serialized by the field's type during completion.
struct ColumnResolver: BatchFieldResolver {
    let column: Int

    func resolve(_ batch: ResolveBatch, loaders: RequestLoaders) -> [FieldResult] {
        batch.parents.map { parent in
            if case .row(_, let row) = parent { return .value(.stored(row[column])) }
            return .value(.null)
        }
    }
}
