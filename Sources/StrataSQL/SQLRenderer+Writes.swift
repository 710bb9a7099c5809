public import StrataStorage

/// Writes. Values are checked the way the memory adapter checks them before they reach the database
/// (`ColumnDescriptor.validateStorable`); the database still enforces NOT NULL, uniqueness, foreign keys and
/// enumeration CHECKs. Every write returns the affected row with `RETURNING`.
extension SQLRenderer {
    /// `INSERT INTO t (every column) VALUES (…) RETURNING …`. Absent columns are NULL, an absent version is 1.
    /// The text depends only on the entity, so drivers reuse one prepared statement.
    public func insert(_ entityName: String, values: [String: StorageValue]) throws(StorageError) -> SQLQuery {
        let entity = try entity(entityName)
        var full = [StorageValue](repeating: .null, count: entity.columns.count)
        for (name, value) in values { full[try columnIndex(name, in: entity)] = value }
        return SQLQuery(
            statement: try insertStatement(entity, row: Row(full), returning: true), entity: entity,
            resultColumns: entity.columns.indices.map { .column($0) })
    }

    /// An `INSERT` of one full-width row (entity column order), for bulk loads; same text for every row.
    public func insert(_ entityName: String, row: Row) throws(StorageError) -> SQLStatement {
        let entity = try entity(entityName)
        guard row.values.count == entity.columns.count else {
            throw StorageError(
                .invalidRequest, "Row has the wrong number of values.",
                detail: "\(entity.name) expects \(entity.columns.count), got \(row.values.count)")
        }
        return try insertStatement(entity, row: row, returning: false)
    }

    private func insertStatement(_ entity: EntityDescriptor, row: Row, returning: Bool) throws(StorageError)
        -> SQLStatement
    {
        var values = row.values
        if let version = entity.versionColumn, values[version].isNull { values[version] = .int(1) }
        for (position, column) in entity.columns.enumerated() {
            try validate(values[position], for: column, at: position, in: entity)
        }
        let all = Array(entity.columns.indices)
        let placeholders = entity.columns.enumerated().map { SQL.bind(values[$0.offset], as: $0.element.type) }
        var sql: SQL = "INSERT INTO \(table: entity) (\(columnList(all, of: entity))) VALUES ("
        sql.append(placeholders.joined(separator: ", "))
        sql.append(")")
        if returning { sql.append(" RETURNING \(selectList(all, of: entity))") }
        return statement(sql)
    }

    /// `UPDATE t SET … [, version = version + 1] WHERE pk = ? [AND version = ?] [AND (filter)] RETURNING …`.
    /// No row back means not found or, when `expectedVersion` is given, possibly a conflict: tell them apart
    /// with `exists(_:key:filter:)` in the same transaction.
    ///
    /// With `checkingValues: false` only the request's shape is checked (entity, columns, key, filter, version);
    /// the memory adapter reports a missing row or a stale version before bad values, so an adapter that wants
    /// the same precedence calls `checkUpdateValues(_:values:)` itself once it knows the row is there.
    public func update(
        _ entityName: String, key: StorageValue, values: [String: StorageValue], expectedVersion: Int64?,
        filter: Predicate?, checkingValues: Bool = true
    ) throws(StorageError) -> SQLQuery {
        let entity = try entity(entityName)
        let condition = try filter.map { p throws(StorageError) in try self.condition(p, in: entity) }
        let keyColumn = entity.primaryKeyColumn
        _ = try distinctKeys([key], column: keyColumn, entity: entity)
        var changed = [StorageValue?](repeating: nil, count: entity.columns.count)
        for (name, value) in values { changed[try columnIndex(name, in: entity)] = value }
        if expectedVersion != nil && entity.versionColumn == nil {
            throw StorageError(.invalidRequest, "This entity has no version column.", detail: entity.name)
        }
        if checkingValues { try checkUpdateValues(entityName, values: values) }
        var assignments: [SQL] = []
        for (position, column) in entity.columns.enumerated() {
            guard let value = changed[position], position != entity.versionColumn else { continue }
            assignments.append("\(column) = \(value, as: column.type)")
        }
        if let version = entity.versionColumn {
            let column = entity.columns[version]
            assignments.append("\(column) = COALESCE(\(column), 0) + 1")
        }
        if assignments.isEmpty { assignments.append("\(keyColumn) = \(keyColumn)") }
        var sql: SQL = "UPDATE \(table: entity) SET \(assignments.joined(separator: ", "))"
        sql.append(" WHERE \(keyColumn) = \(key, as: keyColumn.type)")
        if let expectedVersion, let version = entity.versionColumn {
            let column = entity.columns[version]
            sql.append(" AND COALESCE(\(column), 0) = \(.int(expectedVersion), as: column.type)")
        }
        if let condition { sql.append(" AND (\(condition))") }
        let all = Array(entity.columns.indices)
        sql.append(" RETURNING \(selectList(all, of: entity))")
        return SQLQuery(statement: statement(sql), entity: entity, resultColumns: all.map { .column($0) })
    }

    /// Checks the values of an update in column order (NULL where not allowed, wrong cases, enumerations…);
    /// a value for the version column is ignored, as the adapter writes `version + 1`.
    public func checkUpdateValues(_ entityName: String, values: [String: StorageValue]) throws(StorageError) {
        let entity = try entity(entityName)
        var changed = [StorageValue?](repeating: nil, count: entity.columns.count)
        for (name, value) in values { changed[try columnIndex(name, in: entity)] = value }
        for (position, column) in entity.columns.enumerated() {
            guard let value = changed[position], position != entity.versionColumn else { continue }
            try validate(value, for: column, at: position, in: entity)
        }
    }

    /// `SELECT 1 FROM t WHERE pk = ? [AND (filter)]`: whether the row an update did not return exists.
    public func exists(_ entityName: String, key: StorageValue, filter: Predicate?) throws(StorageError)
        -> SQLStatement
    {
        let entity = try entity(entityName)
        let keyColumn = entity.primaryKeyColumn
        var sql: SQL = "SELECT 1 FROM \(table: entity) WHERE \(keyColumn) = \(key, as: keyColumn.type)"
        if let filter { sql.append(" AND (\(try condition(filter, in: entity)))") }
        return statement(sql)
    }

    /// `DELETE FROM t WHERE pk = ? [AND (filter)] RETURNING …` (foreign-key actions run in the database).
    public func delete(_ entityName: String, key: StorageValue, filter: Predicate?) throws(StorageError) -> SQLQuery {
        let entity = try entity(entityName)
        let condition = try filter.map { p throws(StorageError) in try self.condition(p, in: entity) }
        let keyColumn = entity.primaryKeyColumn
        _ = try distinctKeys([key], column: keyColumn, entity: entity)
        let all = Array(entity.columns.indices)
        var sql: SQL = "DELETE FROM \(table: entity) WHERE \(keyColumn) = \(key, as: keyColumn.type)"
        if let condition { sql.append(" AND (\(condition))") }
        sql.append(" RETURNING \(selectList(all, of: entity))")
        return SQLQuery(statement: statement(sql), entity: entity, resultColumns: all.map { .column($0) })
    }

    /// NULL where not allowed (`.notNullViolation`), else the storable-value rules.
    private func validate(
        _ value: StorageValue, for column: ColumnDescriptor, at position: Int, in entity: EntityDescriptor
    )
        throws(StorageError)
    {
        if value.isNull {
            if !column.isNullable || position == entity.primaryKey {
                throw StorageError(
                    .notNullViolation, "\(entity.name).\(column.field) must not be null.", column: column.name)
            }
        } else {
            try column.validateStorable(value, entity: entity)
        }
    }
}
