internal import StrataJSON
internal import StrataLanguage
public import StrataSchema
public import StrataStorage

/// Performs the derived mutations (`createT`, `updateT`, `deleteT`) against one storage adapter, each in one
/// transaction: input checks, generated ids, server-set timestamps and versions, `@derived` products,
/// soft deletes, optimistic locking and the audit entry.
///
/// `input` values are coerced GraphQL inputs (`CreateTInput`/`UpdateTInput`); `actor` is the id of the
/// authenticated user (nil when anonymous); `now` is microseconds since the epoch (UTC), injected for tests.
/// Errors are `ModelError`s whose `code` the executor reports (`BAD_USER_INPUT`, `NOT_FOUND`, `CONFLICT`,
/// `CONSTRAINT_VIOLATION`, `SERVICE_UNAVAILABLE`, `INTERNAL_SERVER_ERROR`).
///
/// The audit entry is written only when the `@auditLog` type is stored by the same source as the entity
/// (one transaction cannot span two sources).
public struct WriteRunner: Sendable {
    public let model: DataModel
    public let adapter: any StorageAdapter
    private let auditLog: AuditLogTarget?

    public init(model: DataModel, adapter: any StorageAdapter) {
        self.model = model
        self.adapter = adapter
        self.auditLog = AuditLogTarget(model: model)
    }

    public enum Action: String, Sendable, Hashable {
        case create = "CREATE"
        case update = "UPDATE"
        case delete = "DELETE"
    }

    // MARK: Create

    /// Inserts a row from a `CreateTInput` and returns it as stored.
    public func create(entity: String, input: InputValue, actor: String?, now: Int64) async throws(ModelError) -> Row {
        let binding = try writableBinding(entity)
        var values = try inputValues(input, of: binding, allowed: model.schema.types[binding.names.createInput])
        let descriptor = binding.entity
        let keyColumn = descriptor.primaryKeyColumn
        if values[keyColumn.name] == nil || values[keyColumn.name] == .null {
            values[keyColumn.name] = .string(UUIDValue.random())
        }
        Self.setServerColumns(of: binding, creating: true, now: now, into: &values)
        let key = values[keyColumn.name] ?? .null
        let derived = binding.derivedFields
        let audit = auditLog?.isServed(by: adapter, with: binding) == true ? auditLog : nil
        let given = values
        return try await run(binding) { transaction in
            var values = given
            try await Self.computeDerived(derived, of: binding, model: model, state: values, into: &values, transaction)
            try Self.checkRequired(binding, values)
            let row = try await transaction.insert(entity, values: values)
            try await audit?.record(
                .create, of: binding, key: key, written: values, actor: actor, now: now, transaction)
            return row
        }
    }

    // MARK: Update

    /// Changes the fields given in an `UpdateTInput` and returns the row as stored. With `expectedVersion`,
    /// fails with `CONFLICT` unless the stored version equals it.
    public func update(
        entity: String, id: String, input: InputValue, expectedVersion: Int?, actor: String?, now: Int64
    ) async throws(ModelError) -> Row {
        let binding = try writableBinding(entity)
        let key = try Self.key(id, of: binding)
        var values = try inputValues(input, of: binding, allowed: model.schema.types[binding.names.updateInput])
        Self.setServerColumns(of: binding, creating: false, now: now, into: &values)
        let given = values
        let audit = auditLog?.isServed(by: adapter, with: binding) == true ? auditLog : nil
        return try await run(binding) { transaction in
            let current = try await Self.currentRow(
                of: binding, key: key, expectedVersion: expectedVersion, transaction)
            var values = given
            let changedColumns = Set(values.keys)
            let stale = binding.derivedFields.filter {
                Self.factorColumns($0, of: binding).contains(where: changedColumns.contains)
            }
            if !stale.isEmpty {
                var state: [String: StorageValue] = [:]
                for (index, column) in binding.entity.columns.enumerated() { state[column.name] = current[index] }
                state.merge(values) { _, new in new }
                try await Self.computeDerived(
                    stale, of: binding, model: model, state: state, into: &values, transaction)
            }
            guard
                let row = try await transaction.update(
                    entity, key: key, values: values,
                    expectedVersion: binding.entity.versionColumn == nil ? nil : expectedVersion.map(Int64.init),
                    filter: binding.visibilityFilter)
            else { throw Self.notFound(binding, id) }
            try await audit?.record(
                .update, of: binding, key: key, written: values, actor: actor, now: now, transaction)
            return row
        }
    }

    // MARK: Delete

    /// Deletes a row (sets its `@softDelete` column when it has one) and returns it as it was last stored.
    public func delete(
        entity: String, id: String, expectedVersion: Int?, actor: String?, now: Int64
    ) async throws(ModelError) -> Row {
        let binding = try writableBinding(entity)
        let key = try Self.key(id, of: binding)
        let audit = auditLog?.isServed(by: adapter, with: binding) == true ? auditLog : nil
        return try await run(binding) { transaction in
            let descriptor = binding.entity
            if let softDelete = descriptor.softDeleteColumn {
                let values = [descriptor.columns[softDelete].name: StorageValue.timestamp(now)]
                guard
                    let row = try await transaction.update(
                        entity, key: key, values: values,
                        expectedVersion: binding.entity.versionColumn == nil ? nil : expectedVersion.map(Int64.init),
                        filter: binding.visibilityFilter)
                else { throw Self.notFound(binding, id) }
                try await audit?.record(
                    .delete, of: binding, key: key, written: values, actor: actor, now: now, transaction)
                return row
            }
            _ = try await Self.currentRow(of: binding, key: key, expectedVersion: expectedVersion, transaction)
            guard let row = try await transaction.delete(entity, key: key, filter: nil) else {
                throw Self.notFound(binding, id)
            }
            try await audit?.record(.delete, of: binding, key: key, written: nil, actor: actor, now: now, transaction)
            return row
        }
    }

    // MARK: Steps

    private func writableBinding(_ entity: String) throws(ModelError) -> EntityBinding {
        guard let binding = model.entities[entity] else {
            throw ModelError(.internalServerError, "Internal server error.", detail: "unknown entity \(entity)")
        }
        guard !binding.isReadonly else { throw ModelError.badInput("\(entity) is read-only.") }
        return binding
    }

    /// Runs `body` in one transaction and maps every failure to a `ModelError`.
    private func run(
        _ binding: EntityBinding, _ body: @escaping @Sendable (any StorageTransaction) async throws -> Row
    ) async throws(ModelError) -> Row {
        do {
            return try await adapter.transaction(body)
        } catch let error as ModelError {
            throw error
        } catch let error as StorageError {
            throw ModelError(error, entity: binding.entity)
        } catch {
            throw ModelError(.internalServerError, "Internal server error.", detail: String(describing: error))
        }
    }

    /// Column name → value for the fields of a coerced input object, checked against the generated input type.
    private func inputValues(
        _ input: InputValue, of binding: EntityBinding, allowed inputType: NamedType?
    ) throws(ModelError) -> [String: StorageValue] {
        guard case .object(let fields) = input else {
            if case .null = input { return [:] }
            throw ModelError.badInput("The input of a \(binding.typeName) mutation must be an input object.")
        }
        guard case .inputObject(let type)? = inputType else {
            throw ModelError.badInput("\(binding.typeName) is read-only.")
        }
        var values: [String: StorageValue] = [:]
        for field in fields {
            guard type.field(field.name) != nil, let column = binding.column(forField: field.name) else {
                let known = binding.fieldColumns[field.name] != nil
                throw ModelError.badInput(
                    known
                        ? "Field `\(field.name)` of \(binding.typeName) is read-only."
                        : "Unknown field `\(field.name)` for \(binding.typeName).", field: field.name)
            }
            let value = try column.storageValue(field.value)
            if value.isNull, !column.isNullable, !column.isPrimaryKey(of: binding.entity) {
                throw ModelError.badInput(
                    "Field `\(field.name)` of \(binding.typeName) must not be null.", field: field.name)
            }
            values[column.name] = value
        }
        return values
    }

    /// `@createdAt` (on create), `@updatedAt` and the initial `@version`.
    static func setServerColumns(
        of binding: EntityBinding, creating: Bool, now: Int64, into values: inout [String: StorageValue]
    ) {
        let columns = binding.entity.columns
        if creating, let index = binding.createdAtColumn { values[columns[index].name] = .timestamp(now) }
        if let index = binding.updatedAtColumn { values[columns[index].name] = .timestamp(now) }
        if creating, let index = binding.entity.versionColumn { values[columns[index].name] = .int(1) }
    }

    /// Every non-null column must have a value before an insert.
    private static func checkRequired(_ binding: EntityBinding, _ values: [String: StorageValue]) throws(ModelError) {
        for column in binding.entity.columns where !column.isNullable {
            if values[column.name] == nil || values[column.name] == .null {
                throw ModelError.badInput(
                    "Field `\(column.field)` of \(binding.typeName) is required.", field: column.field)
            }
        }
    }

    static func key(_ id: String, of binding: EntityBinding) throws(ModelError) -> StorageValue {
        do {
            return try binding.entity.primaryKeyColumn.storageValue(.string(id))
        } catch {
            throw ModelError.badInput(
                "Invalid id \"\(id.prefix(64))\" for \(binding.typeName): expected a UUID.", field: "id")
        }
    }

    static func notFound(_ binding: EntityBinding, _ id: String) -> ModelError {
        ModelError(.notFound, "\(binding.typeName) \(id) not found.")
    }

    /// The visible row with `key`, checked against `expectedVersion`.
    static func currentRow(
        of binding: EntityBinding, key: StorageValue, expectedVersion: Int?, _ transaction: any StorageTransaction
    ) async throws -> Row {
        let descriptor = binding.entity
        let rows = try await transaction.lookup(
            LookupRequest(
                entity: descriptor.name, column: descriptor.primaryKeyColumn.name, keys: [key],
                filter: binding.visibilityFilter))
        guard let row = rows.first else {
            guard case .string(let id) = key else { throw ModelError(.notFound, "\(binding.typeName) not found.") }
            throw notFound(binding, id)
        }
        if let expectedVersion, let versionColumn = descriptor.versionColumn,
            row[versionColumn] != .int(Int64(expectedVersion))
        {
            throw ModelError(.conflict, "The \(binding.typeName) was changed by someone else (version mismatch).")
        }
        return row
    }

    // MARK: Derived fields

    /// The columns of this entity whose change makes `derived` stale.
    static func factorColumns(_ derived: DerivedField, of binding: EntityBinding) -> [String] {
        derived.factors.compactMap { factor in
            switch factor {
            case .field(let name): binding.column(forField: name)?.name
            case .related(let relation, _): binding.relations[relation]?.localColumn
            }
        }
    }

    /// Computes each derived field from `state` (the row as it will be) into `values`.
    static func computeDerived(
        _ derived: [DerivedField], of binding: EntityBinding, model: DataModel, state: [String: StorageValue],
        into values: inout [String: StorageValue], _ transaction: any StorageTransaction
    ) async throws {
        for field in derived {
            var product: Double? = 1
            for factor in field.factors {
                let factorValue: StorageValue
                switch factor {
                case .field(let name):
                    factorValue = binding.column(forField: name).flatMap { state[$0.name] } ?? .null
                case .related(let relationName, let targetField):
                    factorValue = try await relatedValue(
                        relationName, targetField, of: binding, model: model, state: state, transaction)
                }
                switch factorValue {
                case .int(let i): product = product.map { $0 * Double(i) }
                case .double(let d): product = product.map { $0 * d }
                default: product = nil
                }
            }
            let column = binding.entity.columns[field.column]
            switch (product, column.type) {
            case (nil, _): values[column.name] = .null
            case (let p?, .int): values[column.name] = .int(Int64(p.rounded()))
            case (let p?, _): values[column.name] = .double(p)
            }
        }
    }

    private static func relatedValue(
        _ relationName: String, _ targetField: String, of binding: EntityBinding, model: DataModel,
        state: [String: StorageValue], _ transaction: any StorageTransaction
    ) async throws -> StorageValue {
        guard let relation = binding.relations[relationName], let target = model.entities[relation.target],
            let targetColumn = target.fieldColumns[targetField]
        else { return .null }
        let key = state[relation.localColumn] ?? .null
        if key.isNull { return .null }
        let rows = try await transaction.lookup(
            LookupRequest(
                entity: target.typeName, column: relation.remoteColumn, keys: [key], filter: target.visibilityFilter))
        guard let row = rows.first else {
            let field = binding.entity.columns.first { $0.name == relation.localColumn }?.field ?? relationName
            throw ModelError(
                .constraintViolation,
                "Field `\(field)` of \(binding.typeName) refers to a \(target.typeName) that does not exist.",
                field: field)
        }
        return row[targetColumn]
    }
}
