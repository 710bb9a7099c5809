public import StrataStorage

extension SQLRenderer {
    /// A boolean SQL condition equivalent to `predicate` under the contract's two-valued logic.
    ///
    /// NULL makes a comparison unknown in SQL; an unknown sub-condition behaves as false under AND and OR, and
    /// `not` is rendered `(p) IS NOT TRUE`, so unknown never turns into true: the result matches the memory
    /// adapter row for row. Constant sub-conditions (empty `and`/`or`/`in`, comparisons with NULL, needles
    /// with NUL that no stored text can contain) become literals, never bindings.
    public func condition(_ predicate: Predicate, in entity: EntityDescriptor) throws(StorageError) -> SQL {
        switch predicate {
        case .and(let parts):
            if parts.isEmpty { return SQL(unsafeRaw: dialect.trueLiteral) }
            if parts.count == 1 { return try condition(parts[0], in: entity) }
            var rendered: [SQL] = []
            for part in parts { rendered.append("(\(try condition(part, in: entity)))") }
            return rendered.joined(separator: " AND ")
        case .or(let parts):
            if parts.isEmpty { return SQL(unsafeRaw: dialect.falseLiteral) }
            if parts.count == 1 { return try condition(parts[0], in: entity) }
            var rendered: [SQL] = []
            for part in parts { rendered.append("(\(try condition(part, in: entity)))") }
            return rendered.joined(separator: " OR ")
        case .not(let inner):
            return "(\(try condition(inner, in: entity))) IS NOT TRUE"
        case .compare(let name, .equal, .stringList(let list)) where list.isEmpty:
            let column = try operandColumn(name, in: entity, operand: .null)
            guard case .stringList = column.type else { throw unsupported("isEmpty", column, entity) }
            return dialect.listIsEmpty(column)
        case .compare(let name, let op, let value):
            let column = try operandColumn(name, in: entity, operand: value)
            guard column.isComparable else { throw unsupported("comparison", column, entity) }
            if value.isNull { return SQL(unsafeRaw: dialect.falseLiteral) }
            if let declared = column.type.declaredOrder, op != .equal, op != .notEqual {
                // Enumerations compare by declared position, as they sort.
                let position = value.orderValue(declared: declared)
                return declarationRank(of: column, declared) + SQL(unsafeRaw: " \(op.rawValue) ")
                    + .bind(position, as: .int)
            }
            return "\(column) " + SQL(unsafeRaw: op.rawValue) + " \(value, as: column.type)"
        case .isIn(let name, let values):
            var column = try operandColumn(name, in: entity, operand: .null)
            for value in values { column = try operandColumn(name, in: entity, operand: value) }
            guard column.isComparable else { throw unsupported("in", column, entity) }
            let operands = try distinctKeys(values, column: column, entity: entity)
            if operands.isEmpty { return SQL(unsafeRaw: dialect.falseLiteral) }
            return dialect.membership(column, values: operands)
        case .isNull(let name):
            let column = try operandColumn(name, in: entity, operand: .null)
            return "\(column) IS NULL"
        case .contains(let name, let needle):
            return try textTest(name, needle, .anywhere, entity)
        case .startsWith(let name, let needle):
            return try textTest(name, needle, .prefix, entity)
        case .endsWith(let name, let needle):
            return try textTest(name, needle, .suffix, entity)
        case .listContains(let name, let element):
            let column = try operandColumn(name, in: entity, operand: .null)
            guard case .stringList = column.type else { throw unsupported("listContains", column, entity) }
            if element.utf8.contains(0) { return SQL(unsafeRaw: dialect.falseLiteral) }
            return dialect.listContains(column, element: element)
        }
    }

    private func textTest(_ name: String, _ needle: String, _ position: TextPosition, _ entity: EntityDescriptor)
        throws(StorageError) -> SQL
    {
        let column = try operandColumn(name, in: entity, operand: .null)
        guard column.isText else { throw unsupported("substring test", column, entity) }
        if needle.isEmpty { return "\(column) IS NOT NULL" }
        if needle.utf8.contains(0) { return SQL(unsafeRaw: dialect.falseLiteral) }
        return dialect.textTest(column, needle: needle, position: position)
    }

    private func operandColumn(_ name: String, in entity: EntityDescriptor, operand: StorageValue)
        throws(StorageError) -> ColumnDescriptor
    {
        guard let index = entity.columnIndex(name) else {
            throw StorageError(
                .invalidRequest, "Unknown column in filter.", detail: "\(entity.name).\(name)", column: name)
        }
        let column = entity.columns[index]
        guard column.acceptsStorageCase(of: operand) else {
            throw StorageError(
                .invalidRequest, "Filter value has the wrong type.",
                detail: "\(entity.name).\(name) of type \(column.type) compared with \(operand)", column: name)
        }
        return column
    }

    private func unsupported(_ what: String, _ column: ColumnDescriptor, _ entity: EntityDescriptor) -> StorageError {
        StorageError(
            .invalidRequest, "This filter does not apply to the column's type.",
            detail: "\(what) on \(entity.name).\(column.name) of type \(column.type)", column: column.name)
    }

    /// `CASE "c" WHEN 'LOW' THEN 0 WHEN 'MEDIUM' THEN 1 … END`: an enumeration column's declared position, which
    /// `orderBy` sorts it by (NULL stays NULL). The names come from the schema and are quoted as literals.
    private func declarationRank(of column: ColumnDescriptor, _ declared: [String]) -> SQL {
        var sql: SQL = "CASE \(column)"
        for (rank, name) in declared.enumerated() {
            sql.append(" WHEN " + SQL.literal(name) + SQL(unsafeRaw: " THEN \(rank)"))
        }
        sql.append(" END")
        return sql
    }

    /// ` ORDER BY "a" ASC NULLS LAST, …` for complete sort keys (enumerations by declared position), or empty.
    func orderTerms(_ keys: [SortKey], in entity: EntityDescriptor) throws(StorageError) -> SQL {
        var terms: [SQL] = []
        for key in keys {
            guard let index = entity.columnIndex(key.column) else {
                throw StorageError(
                    .invalidRequest, "Unknown column in orderBy.", detail: "\(entity.name).\(key.column)",
                    column: key.column)
            }
            let column = entity.columns[index]
            guard column.isComparable else {
                throw StorageError(
                    .invalidRequest, "This column cannot be ordered by.", detail: "\(entity.name).\(key.column)",
                    column: key.column)
            }
            let sorted = column.type.declaredOrder.map { declarationRank(of: column, $0) } ?? "\(column)"
            terms.append(key.descending ? "\(sorted) DESC NULLS LAST" : "\(sorted) ASC NULLS LAST")
        }
        return terms.joined(separator: ", ")
    }
}
