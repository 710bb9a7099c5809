public import StrataSchema
public import StrataStorage

extension EntityBinding {
    /// The sort keys of a coerced `[TOrderBy!]` argument, followed by the primary key ascending as the final
    /// tie-breaker (so pages are stable). Without `orderBy`: the primary key ascending. Unknown fields are
    /// skipped (coercion has already checked them against the `TOrderField` enum).
    ///
    /// A field named again, and anything after the primary key, can never decide an order (rows it would separate
    /// are already apart), so they are dropped: an `orderBy` of any length becomes at most one key per column, which
    /// every backend accepts (SQLite refuses more than 2,000 `ORDER BY` terms).
    public func sortKeys(orderBy: InputValue?) -> [SortKey] {
        var keys: [SortKey] = []
        let items: [InputValue]
        switch orderBy {
        case .list(let list)?: items = list
        case .object?: items = [orderBy!]
        default: items = []
        }
        // Built only when there is something to order by (most reads have no `orderBy`).
        let columnsByOrderField = items.isEmpty ? [:] : orderFieldColumns
        let primaryKey = entity.primaryKeyColumn.name
        for item in items {
            guard case .enumValue(let fieldName)? = item[field: "field"],
                let column = columnsByOrderField[fieldName],
                !keys.contains(where: { $0.column == column })
            else { continue }
            var descending = false
            if case .enumValue("DESC")? = item[field: "direction"] { descending = true }
            keys.append(SortKey(column, descending: descending))
            if column == primaryKey { break }
        }
        if !keys.contains(where: { $0.column == primaryKey }) { keys.append(SortKey(primaryKey)) }
        return keys
    }

    /// `TOrderField` enum value → column name.
    public var orderFieldColumns: [String: String] {
        var result: [String: String] = [:]
        for (fieldName, index) in fieldColumns {
            let column = entity.columns[index]
            switch column.type {
            case .json, .stringList: continue
            default: result[NameCase.screamingSnake(fieldName)] = column.name
            }
        }
        return result
    }

    /// The condition every read of this entity must AND in: soft-deleted rows are invisible.
    public var visibilityFilter: Predicate? {
        entity.softDeleteColumn.map { .isNull(entity.columns[$0].name) }
    }

    /// The condition a row of this entity must meet to be reached through a reference another row holds
    /// (`@belongsTo`): none today. A soft-deleted row stays reachable from the rows that still point at it, so a
    /// task of a soft-deleted project shows its project (with `deletedAt` set) instead of failing its non-null
    /// `project` field and nulling the whole list around it. Lookups, lists and to-many relations still hide it.
    public var referenceFilter: Predicate? { nil }

    /// The column backing a scalar field, if it is stored.
    public func column(forField name: String) -> ColumnDescriptor? {
        fieldColumns[name].map { entity.columns[$0] }
    }
}
