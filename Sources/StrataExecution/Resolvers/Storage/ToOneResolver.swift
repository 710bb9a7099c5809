import StrataModel
import StrataStorage

/// A to-one relation (`@belongsTo` through this row's key column, `@hasOne` through the target's unique key):
/// every parent's key goes to one batched lookup per step.
struct ToOneResolver: BatchFieldResolver {
    let localColumn: Int
    let shape: RequestLoaders.LookupShape
    let targetType: String

    init(binding: EntityBinding, relation: RelationBinding, target: EntityBinding) {
        localColumn = binding.entity.columnIndex(relation.localColumn) ?? binding.entity.primaryKey
        shape = RequestLoaders.LookupShape(
            source: target.source, entity: target.entity.name, column: relation.remoteColumn,
            filter: target.visibilityFilter)
        targetType = target.typeName
    }

    func prepare(_ batch: ResolveBatch, loaders: RequestLoaders) throws(FieldError) {
        let column = localColumn
        loaders.requestLookups(
            shape,
            keys: batch.parents.lazy.map { parent -> StorageValue in
                if case .row(_, let row) = parent { return row[column] }
                return .null
            })
    }

    func resolve(_ batch: ResolveBatch, loaders: RequestLoaders) -> [FieldResult] {
        let table = loaders.lookupTable(shape)
        return batch.parents.map { parent in
            guard case .row(_, let row) = parent else { return .value(.null) }
            switch table.result(for: row[localColumn]) {
            case .success(let found?): return .value(.object(.row(typeName: targetType, found)))
            case .success(nil): return .value(.null)
            case .failure(let error): return .error(error)
            }
        }
    }
}
