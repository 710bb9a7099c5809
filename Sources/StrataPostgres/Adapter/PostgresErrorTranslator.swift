import StrataStorage

/// Turns connection-layer errors into `StorageError`s with messages in the model's terms. Messages never carry
/// SQL or values; the server's own text goes to `detail`, for logs.
struct PostgresErrorTranslator: Sendable {
    let model: StorageModel

    func translate(_ error: PostgresError) -> StorageError {
        switch error {
        case .server(let server): translate(server)
        case .connectionFailed(let detail):
            StorageError(.connectionFailed, "PostgreSQL is unavailable: could not connect.", detail: detail)
        case .connectionLost(let detail):
            StorageError(.connectionLost, "PostgreSQL is unavailable: the connection was lost.", detail: detail)
        case .timedOut:
            StorageError(.timeout, "PostgreSQL did not answer in time.")
        case .cancelled:
            StorageError(.internal, "The database request was cancelled.")
        case .undecodable(let detail):
            StorageError(.internal, "A value read from PostgreSQL could not be decoded.", detail: detail)
        case .poolTimedOut:
            StorageError(.timeout, "No PostgreSQL connection became free in time.")
        case .closed:
            StorageError(.closed, "The data source is closed.")
        }
    }

    private func translate(_ error: PostgresServerError) -> StorageError {
        let state = error.sqlState ?? ""
        let detail = [error.message, error.detail].compactMap { $0 }.joined(separator: " — ")
        let entity = error.table.flatMap { table in model.entities.first { $0.table == table } }
        switch state {
        case "23505":
            let column = columnNamed(error.keyColumns?.count == 1 ? error.keyColumns?.first : nil, in: entity)
                ?? columnFromConstraint(error.constraint, suffix: "_key", in: entity)
                ?? (error.constraint?.hasSuffix("_pkey") == true ? entity?.primaryKeyColumn : nil)
            let message =
                if let entity, let column { "Another \(entity.name) already has this \(column.field)." } else {
                    "Another row already has this value."
                }
            return StorageError(.uniqueViolation, message, detail: detail, column: column?.name)
        case "23503":
            let column = columnFromConstraint(error.constraint, suffix: "_fkey", in: entity)
            let stillReferenced = error.detail?.contains("still referenced") == true
            let message: String
            if let entity, let column {
                if stillReferenced {
                    message = "The row is still referenced by \(entity.name).\(column.field)."
                } else {
                    let parent = column.references?.entity ?? "row"
                    message = "\(entity.name).\(column.field) refers to a \(parent) that does not exist."
                }
            } else {
                message = stillReferenced ? "The row is still referenced." : "A referenced row does not exist."
            }
            return StorageError(.foreignKeyViolation, message, detail: detail, column: column?.name)
        case "23502":
            let column = columnNamed(error.column, in: entity)
            let message =
                if let entity, let column { "\(entity.name).\(column.field) must not be null." } else {
                    "A required value is missing."
                }
            return StorageError(.notNullViolation, message, detail: detail, column: column?.name ?? error.column)
        case "23514":
            let column = columnFromConstraint(error.constraint, suffix: "_check", in: entity)
            let message =
                if let entity, let column {
                    "Value for \(entity.name).\(column.field) is not one of its declared values."
                } else {
                    "A value does not satisfy a check constraint."
                }
            return StorageError(.checkViolation, message, detail: detail, column: column?.name)
        case "57014":
            return StorageError(.timeout, "PostgreSQL did not answer in time.", detail: detail)
        case "40001", "40P01", "55P03":
            return StorageError(.busy, "The database is busy; try again.", detail: detail)
        case "25P02":
            return StorageError(
                .internal, "The transaction was aborted by an earlier error.", detail: detail)
        default:
            if state.hasPrefix("08") || state.hasPrefix("57P") {
                return StorageError(
                    .connectionLost, "PostgreSQL is unavailable: the connection was lost.", detail: detail)
            }
            if state.hasPrefix("22") {
                return StorageError(.invalidRequest, "A value is out of range for its column.", detail: detail)
            }
            return StorageError(.internal, "The database reported an error.", detail: "\(state) \(detail)")
        }
    }

    private func columnNamed(_ name: String?, in entity: EntityDescriptor?) -> ColumnDescriptor? {
        guard let name, let entity, let index = entity.columnIndex(name) else { return nil }
        return entity.columns[index]
    }

    /// PostgreSQL's default constraint names: `<table>_<column>_fkey`, `_check`; our unique indexes `_key`.
    private func columnFromConstraint(_ constraint: String?, suffix: String, in entity: EntityDescriptor?)
        -> ColumnDescriptor?
    {
        guard let constraint, let entity, constraint.hasPrefix(entity.table + "_"), constraint.hasSuffix(suffix)
        else { return nil }
        let name = constraint.dropFirst(entity.table.count + 1).dropLast(suffix.count)
        return columnNamed(String(name), in: entity)
    }
}
