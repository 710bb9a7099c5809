public import StrataStorage

/// DDL. Migrations are idempotent: a driver runs `columnInspection(of:)`, then the statements of
/// `migration(for:existingColumns:)`, which create a missing table or add missing columns, and create indexes
/// with `IF NOT EXISTS`. Existing columns are never altered or dropped.
///
/// Names: unique columns get `<table>_<column>_key` unique indexes (SQLite cannot add a UNIQUE column to an
/// existing table), foreign keys and declared indexes `<table>_<columns>_idx`.
extension SQLRenderer {
    /// The query listing the existing columns of the entity's table (no rows: no table).
    public func columnInspection(of entity: EntityDescriptor) -> SQLStatement {
        statement(dialect.columnInspection(table: entity.table))
    }

    /// The statements that bring the table to the model, given the column names it has now.
    public func migration(for entity: EntityDescriptor, existingColumns: [String]) throws(StorageError)
        -> [SQLStatement]
    {
        var statements: [SQLStatement] = []
        if existingColumns.isEmpty {
            statements.append(createTable(entity))
        } else {
            let existing = Set(existingColumns)
            for column in entity.columns where !existing.contains(column.name) {
                statements.append(addColumn(column, to: entity))
            }
        }
        statements += try createIndexes(entity)
        return statements
    }

    /// `CREATE TABLE IF NOT EXISTS` with every column, the primary key, CHECKs and foreign keys.
    public func createTable(_ entity: EntityDescriptor) -> SQLStatement {
        let definitions = entity.columns.indices.map { columnDefinition($0, of: entity, addedLater: false) }
        return statement("CREATE TABLE IF NOT EXISTS \(table: entity) (\(definitions.joined(separator: ", ")))")
    }

    /// `ALTER TABLE … ADD COLUMN`; a NOT NULL column gets a constant default of its type for existing rows.
    public func addColumn(_ column: ColumnDescriptor, to entity: EntityDescriptor) -> SQLStatement {
        let position = entity.columnIndex(column.name) ?? entity.columns.count
        var copy = entity
        if position == entity.columns.count { copy.columns.append(column) }
        return statement(
            "ALTER TABLE \(table: entity) ADD COLUMN \(columnDefinition(position, of: copy, addedLater: true))")
    }

    /// Unique indexes, foreign-key indexes and declared indexes, all `IF NOT EXISTS`.
    ///
    /// A foreign key `fk` is indexed as `(fk, primary key)`: related reads select `WHERE fk IN (…)` and number
    /// each parent's rows `ROW_NUMBER() OVER (PARTITION BY fk ORDER BY primary key)` (the default order), which
    /// this index serves in order, without sorting each parent's rows. A declared index that is a leading part
    /// of an index already created (`@index` on the foreign key itself) is covered by it and not created.
    public func createIndexes(_ entity: EntityDescriptor) throws(StorageError) -> [SQLStatement] {
        var statements: [SQLStatement] = []
        var created: [[String]] = [[entity.primaryKeyColumn.name]]
        for (position, column) in entity.columns.enumerated() where column.isUnique && position != entity.primaryKey {
            let name = SQL.identifier("\(entity.table)_\(column.name)_key")
            statements.append(statement("CREATE UNIQUE INDEX IF NOT EXISTS \(name) ON \(table: entity) (\(column))"))
            created.append([column.name])
        }
        var indexed: [[String]] = []
        for (position, column) in entity.columns.enumerated() where column.references != nil {
            let isKey = position == entity.primaryKey || column.isUnique
            indexed.append(isKey ? [column.name] : [column.name, entity.primaryKeyColumn.name])
        }
        indexed += entity.indexes
        for names in indexed where !names.isEmpty && !created.contains(where: { $0.starts(with: names) }) {
            created.append(names)
            var columns: [SQL] = []
            for name in names {
                guard let index = entity.columnIndex(name) else {
                    throw StorageError(
                        .migrationFailed, "An index names an unknown column.", detail: "\(entity.table).\(name)",
                        column: name)
                }
                columns.append("\(entity.columns[index])")
            }
            let name = SQL.identifier("\(entity.table)_\(names.joined(separator: "_"))_idx")
            statements.append(
                statement("CREATE INDEX IF NOT EXISTS \(name) ON \(table: entity) (\(columns.joined(separator: ", ")))")
            )
        }
        return statements
    }

    private func columnDefinition(_ position: Int, of entity: EntityDescriptor, addedLater: Bool) -> SQL {
        let column = entity.columns[position]
        var sql: SQL = "\(column) " + SQL(unsafeRaw: dialect.typeName(for: column.type))
        let isKey = position == entity.primaryKey
        if isKey || !column.isNullable { sql.append(" NOT NULL") }
        if isKey { sql.append(" PRIMARY KEY") }
        if addedLater && !isKey && !column.isNullable { sql.append(" DEFAULT \(dialect.defaultLiteral(for: column))") }
        if case .enumeration(let values) = column.type, !values.isEmpty {
            let literals = values.map { SQL.literal($0) }.joined(separator: ", ")
            sql.append(" CHECK (\(column) IN (\(literals)))")
        }
        if let check = dialect.typeCheck(for: column) { sql.append(" CHECK (\(check))") }
        if let reference = column.references {
            let action: SQL =
                switch reference.onDelete {
                case .restrict: "RESTRICT"
                case .cascade: "CASCADE"
                case .setNull: "SET NULL"
                }
            sql.append(" REFERENCES \(SQL.identifier(reference.table)) (\(SQL.identifier(reference.column)))")
            sql.append(" ON DELETE \(action)")
        }
        return sql
    }
}
