public import StrataStorage

/// Deterministic demo rows for the default schema (schema.graphql): users and their work, laboratories and their
/// emissions. The same scale gives byte-identical rows on every run and machine: each row draws from its own
/// seeded generator, ids are derived from (entity, index), and every clock value is a fixed offset from
/// 2024-01-01T00:00:00Z.
///
/// Rows are full width, in the column order of the entity the given `StorageModel` declares; columns are found
/// by their SQL name (snake_case of the field name unless `@column(name:)` says otherwise). Entities of the model
/// the generator does not know get no rows; columns it does not know stay NULL.
public struct DemoDataGenerator: Sendable {
    public let model: StorageModel
    public let scale: DemoDataScale

    /// The entities the generator fills, in an order where every foreign key points backwards.
    public static let entityNames = [
        "User", "Profile", "Session", "Project", "Task", "Laboratory", "LaboratoryMember", "EmissionFactor",
        "CsvImport", "CsvImportError", "EmissionRecord", "ActivityLog",
    ]

    public init(model: StorageModel, scale: DemoDataScale = .small) {
        self.model = model
        self.scale = scale
    }

    /// The entities of `model` that get rows, in foreign-key order (load them in this order).
    public var entityOrder: [String] {
        Self.entityNames.filter { model[entity: $0] != nil }
    }

    /// All rows of an entity (by entity name, e.g. `Task`, or table name, e.g. `tasks`).
    public func rows(for entity: String) -> [Row] {
        guard let descriptor = descriptor(entity) else { return [] }
        switch descriptor.name {
        case "User": return users(descriptor)
        case "Profile": return profiles(descriptor)
        case "Session": return sessions(descriptor)
        case "Project": return projects(descriptor)
        case "Task": return tasks(descriptor)
        case "ActivityLog": return activityLog(descriptor)
        case "Laboratory": return laboratories(descriptor)
        case "LaboratoryMember": return laboratoryMembers(descriptor)
        case "EmissionFactor": return emissionFactors(descriptor)
        case "EmissionRecord": return emissionRecords(descriptor)
        case "CsvImport": return csvImports(descriptor)
        case "CsvImportError": return csvImportErrors(descriptor)
        default: return []
        }
    }

    /// Inserts every entity's rows in `entityOrder`, one transaction per entity, `insertMany` in batches.
    public func load(into adapter: any StorageAdapter, batchSize: Int = 1_000) async throws {
        for entity in entityOrder {
            let rows = rows(for: entity)
            if rows.isEmpty { continue }
            let size = max(1, batchSize)
            try await adapter.transaction { transaction in
                var start = 0
                while start < rows.count {
                    let end = min(start + size, rows.count)
                    try await transaction.insertMany(entity, rows: Array(rows[start..<end]))
                    start = end
                }
            }
        }
    }

    private func descriptor(_ name: String) -> EntityDescriptor? {
        if let entity = model[entity: name] { return entity }
        return model.entities.first { $0.table == name }
    }
}
