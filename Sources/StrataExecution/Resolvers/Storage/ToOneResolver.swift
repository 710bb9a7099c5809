import StrataLanguage
import StrataModel
import StrataStorage

/// A to-one relation (`@belongsTo` through this row's key column, `@hasOne` through the target's unique key):
/// every parent's key goes to one batched lookup per step, fetching the columns the sub-selection reads. A
/// `@belongsTo` reaches soft-deleted rows (`EntityBinding.referenceFilter`); a `@hasOne` does not.
struct ToOneResolver: BatchFieldResolver {
    let localColumn: Int
    let shape: RequestLoaders.LookupShape
    let target: EntityBinding
    /// The target column matched against the parents' keys.
    let remoteColumn: Int

    init(binding: EntityBinding, relation: RelationBinding, target: EntityBinding) {
        localColumn = binding.entity.columnIndex(relation.localColumn) ?? binding.entity.primaryKey
        shape = RequestLoaders.LookupShape(
            source: target.source, entity: target.entity.name, column: relation.remoteColumn,
            filter: relation.kind == .belongsTo ? target.referenceFilter : target.visibilityFilter)
        self.target = target
        remoteColumn = target.entity.columnIndex(relation.remoteColumn) ?? target.entity.primaryKey
    }

    func prepare(_ batch: ResolveBatch, loaders: RequestLoaders) throws(FieldError) {
        _ = prepareSlots(batch, loaders: loaders)
    }

    /// `prepare`, returning the slot of each parent's key in the loaders' table for this shape (-1 for a parent
    /// without one), so that completion reads each result without hashing its key again.
    func prepareSlots(_ batch: ResolveBatch, loaders: RequestLoaders) -> [Int32] {
        let column = localColumn
        let columns = batch.projection { projection(batch.subSelections, lookahead: batch.lookahead) }.columns
        return loaders.requestLookupSlots(
            shape,
            keys: batch.parents.lazy.map { parent -> StorageValue in
                if case .row(_, let row) = parent { return row[column] }
                return .null
            },
            columns: columns)
    }

    /// The columns a lookup of the related rows for `selections` fetches (the matched column among them).
    func projection(_ selections: [SelectionSet], lookahead: SelectionLookahead) -> ColumnProjection {
        ColumnProjection.rows(selections, target: target, required: [remoteColumn], lookahead: lookahead)
    }

    func resolve(_ batch: ResolveBatch, loaders: RequestLoaders) -> [FieldResult] {
        let table = loaders.lookupTable(shape)
        let targetType = target.typeName
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
