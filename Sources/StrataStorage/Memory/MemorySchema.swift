/// The immutable facts the memory adapter derives once from a `StorageModel`: entity positions and the foreign
/// keys resolved to (entity, column) positions in both directions.
final class MemorySchema: Sendable {
    /// A foreign key resolved to positions.
    struct Reference: Sendable {
        var childEntity: Int
        var childColumn: Int
        var parentEntity: Int
        var parentColumn: Int
        var onDelete: ForeignKey.OnDelete
    }

    let model: StorageModel
    let entities: [EntityDescriptor]
    private let entityIndexByName: [String: Int]
    /// Per entity: its own foreign-key columns.
    let outgoing: [[Reference]]
    /// Per entity: the foreign keys of other (or the same) entities that point at it.
    let incoming: [[Reference]]

    init(model: StorageModel) {
        self.model = model
        self.entities = model.entities
        var byName: [String: Int] = [:]
        var byTable: [String: Int] = [:]
        for (i, entity) in model.entities.enumerated() {
            byName[entity.name] = i
            byTable[entity.table] = i
        }
        self.entityIndexByName = byName
        var outgoing = Array(repeating: [Reference](), count: model.entities.count)
        var incoming = Array(repeating: [Reference](), count: model.entities.count)
        for (child, entity) in model.entities.enumerated() {
            for (column, descriptor) in entity.columns.enumerated() {
                guard let fk = descriptor.references,
                    let parent = byName[fk.entity] ?? byTable[fk.table],
                    let parentColumn = model.entities[parent].columnIndex(fk.column)
                else { continue }
                let reference = Reference(
                    childEntity: child, childColumn: column, parentEntity: parent, parentColumn: parentColumn,
                    onDelete: fk.onDelete)
                outgoing[child].append(reference)
                incoming[parent].append(reference)
            }
        }
        self.outgoing = outgoing
        self.incoming = incoming
    }

    func entityIndex(_ name: String) throws(StorageError) -> Int {
        guard let index = entityIndexByName[name] else {
            throw StorageError(.invalidRequest, "Unknown entity.", detail: "entity \(name)")
        }
        return index
    }

    func columnIndex(_ name: String, in entity: Int) throws(StorageError) -> Int {
        guard let index = entities[entity].columnIndex(name) else {
            throw StorageError(
                .invalidRequest, "Unknown column.", detail: "\(entities[entity].name).\(name)", column: name)
        }
        return index
    }

    /// Validates a request's column selection (the memory adapter always returns full rows).
    func validateColumns(_ names: [String]?, in entity: Int) throws(StorageError) {
        guard let names else { return }
        for name in names { _ = try columnIndex(name, in: entity) }
    }
}
