/// All tables of one memory source at one moment. A value: the adapter publishes immutable snapshots of it and
/// each transaction edits a private copy (copy-on-write, per table).
struct MemoryDatabase: Sendable {
    let schema: MemorySchema
    var tables: [MemoryTable]

    init(schema: MemorySchema) {
        self.schema = schema
        self.tables = schema.entities.map(MemoryTable.init(entity:))
    }

    /// Renumbers slots of tables with many holes and renews changed tables' order caches; run before publishing.
    mutating func compact() {
        for index in tables.indices { tables[index].sealForReading() }
    }
}
