internal import StrataJSON
internal import StrataLanguage
internal import StrataSchema
internal import StrataStorage

/// The `@auditLog` type and how to fill its entries: `entityType`, `entityId`, `action`, `actorId`, `changes`
/// plus its server-set columns.
struct AuditLogTarget: Sendable {
    let binding: EntityBinding

    init?(model: DataModel) {
        let candidates = model.entities.values.filter { binding in
            model.schema.types[binding.typeName]?.appliedDirectives.contains { $0.name.value == "auditLog" } == true
        }
        guard let binding = candidates.first else { return nil }
        self.binding = binding
    }

    /// Whether the entry can be written in the same transaction as a write of `entity` through `adapter`.
    func isServed(by adapter: any StorageAdapter, with entity: EntityBinding) -> Bool {
        entity.source == binding.source && adapter.model[entity: binding.typeName] != nil
    }

    /// Inserts the entry for one write. `written` maps column names of `entity` to the values written
    /// (nil for a hard delete); `changes` holds them by GraphQL field name, in output formats and column order.
    func record(
        _ action: WriteRunner.Action, of entity: EntityBinding, key: StorageValue, written: [String: StorageValue]?,
        actor: String?, now: Int64, _ transaction: any StorageTransaction
    ) async throws {
        var values: [String: StorageValue] = [:]
        func set(_ field: String, _ value: StorageValue) throws(ModelError) {
            guard let column = binding.column(forField: field) else { return }
            switch (value, column.type) {
            case (.string(let text), .json): values[column.name] = .json(JSONValue.string(text).serialized())
            case (.json(let text), .string): values[column.name] = .string(text)
            case (.string(let text), .uuid):
                values[column.name] = .string(UUIDText.canonical(text) ?? text)
            default: values[column.name] = value
            }
        }
        try set(binding.entity.primaryKeyColumn.field, .string(UUIDValue.random()))
        try set("entityType", .string(entity.typeName))
        try set("entityId", key)
        try set("action", .string(action.rawValue))
        try set("actorId", actor.map { .string($0) } ?? .null)
        if let written {
            var members: [JSONMember] = []
            for column in entity.entity.columns {
                guard let value = written[column.name] else { continue }
                members.append(JSONMember(column.field, column.outputJSON(value)))
            }
            try set("changes", .json(JSONValue.object(members).serialized()))
        } else {
            try set("changes", .null)
        }
        WriteRunner.setServerColumns(of: binding, creating: true, now: now, into: &values)
        _ = try await transaction.insert(binding.typeName, values: values)
    }
}
