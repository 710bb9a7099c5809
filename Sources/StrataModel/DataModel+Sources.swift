public import StrataStorage

extension DataModel {
    /// The names of the data sources the entities are stored in, sorted.
    public var sources: [String] { Set(entities.values.map(\.source)).sorted() }

    /// The entities one source stores, in dependency order: the model to give that source's adapter.
    /// Relations between entities of different sources have no foreign key in storage.
    public func storageModel(forSource source: String) -> StorageModel {
        StorageModel(entities: storage.entities.filter { entities[$0.name]?.source == source })
    }

    /// The binding of the `@auditLog` type, if the schema has one.
    public var auditLogEntity: EntityBinding? { AuditLogTarget(model: self)?.binding }
}
