import StrataModel
import StrataStorage

/// A to-many relation (`@hasMany`), as a list or as a connection: one relation request per step for all
/// parents, paged per parent by the adapter (window functions on SQL backends), fetching the columns the
/// sub-selection reads.
struct HasManyResolver: BatchFieldResolver {
    let localColumn: Int
    let relation: RelationBinding
    let target: EntityBinding
    /// The target's foreign-key column (matched against the parents' keys).
    let foreignKey: Int

    init(binding: EntityBinding, relation: RelationBinding, target: EntityBinding) {
        self.localColumn = binding.entity.columnIndex(relation.localColumn) ?? binding.entity.primaryKey
        self.relation = relation
        self.target = target
        self.foreignKey = target.entity.columnIndex(relation.remoteColumn) ?? target.entity.primaryKey
    }

    private func projection(_ batch: ResolveBatch) -> ColumnProjection {
        batch.projection {
            relation.isConnection
                ? ColumnProjection.connection(
                    batch.subSelections, target: target, required: [foreignKey], lookahead: batch.lookahead)
                : ColumnProjection.rows(
                    batch.subSelections, target: target, required: [foreignKey], lookahead: batch.lookahead)
        }
    }

    func shape(_ batch: ResolveBatch, wantsTotalCount: Bool) throws(FieldError)
        -> (RequestLoaders.RelatedShape, ReadArguments)
    {
        let arguments = try ReadArguments.parse(batch.arguments, target: target)
        let totalCount = relation.isConnection && wantsTotalCount
        let shape = RequestLoaders.RelatedShape(
            source: target.source, entity: target.entity.name, foreignKey: relation.remoteColumn,
            filter: arguments.filter, orderBy: arguments.orderBy, offset: arguments.offset,
            limit: relation.isConnection ? arguments.limit + 1 : arguments.limit, includeTotalCount: totalCount)
        return (shape, arguments)
    }

    func prepare(_ batch: ResolveBatch, loaders: RequestLoaders) throws(FieldError) {
        let projection = projection(batch)
        let (shape, _) = try shape(batch, wantsTotalCount: projection.wantsTotalCount)
        let column = localColumn
        loaders.requestRelated(
            shape,
            parentKeys: batch.parents.lazy.map { parent -> StorageValue in
                if case .row(_, let row) = parent { return row[column] }
                return .null
            },
            columns: projection.columns)
    }

    func resolve(_ batch: ResolveBatch, loaders: RequestLoaders) -> [FieldResult] {
        let shape: RequestLoaders.RelatedShape
        let arguments: ReadArguments
        do throws(FieldError) {
            (shape, arguments) = try self.shape(
                batch, wantsTotalCount: relation.isConnection && projection(batch).wantsTotalCount)
        } catch {
            return Array(repeating: .error(error), count: batch.parents.count)
        }
        let typeName = target.typeName
        let table = loaders.relatedTable(shape)
        return batch.parents.map { parent in
            guard case .row(_, let row) = parent else { return .value(.null) }
            switch table.result(for: row[localColumn]) {
            case .failure(let error):
                return .error(error)
            case .success(let page):
                if relation.isConnection {
                    return .value(.object(.connection(page.connection(typeName: typeName, target: target, arguments: arguments))))
                }
                return .value(.list(page.rows.map { .object(.row(typeName: typeName, $0)) }))
            }
        }
    }
}

extension HasManyResolver {
    /// For a plain list (not a connection): every parent's rows (none for a parent that is not a row), or the
    /// error its field fails with — what `resolve` returns, before the rows are wrapped as output values.
    func rows(_ batch: ResolveBatch, loaders: RequestLoaders) -> [Result<[Row], FieldError>?] {
        let shape: RequestLoaders.RelatedShape
        do throws(FieldError) {
            (shape, _) = try self.shape(batch, wantsTotalCount: false)
        } catch {
            return Array(repeating: .failure(error), count: batch.parents.count)
        }
        let table = loaders.relatedTable(shape)
        return batch.parents.map { parent in
            guard case .row(_, let row) = parent else { return nil }
            return table.result(for: row[localColumn]).map(\.rows)
        }
    }
}

extension Page {
    /// A connection from a page fetched with one extra row (to tell whether a next page exists).
    func connection(typeName: String, target: EntityBinding, arguments: ReadArguments) -> ConnectionValue {
        let hasNext = rows.count > arguments.limit
        let pageRows = hasNext ? Array(rows.prefix(arguments.limit)) : rows
        return ConnectionValue(
            typeName: typeName, connectionTypeName: target.names.connectionType, rows: pageRows,
            offset: arguments.offset, totalCount: totalCount ?? (arguments.offset + pageRows.count),
            hasNextPage: hasNext)
    }
}
