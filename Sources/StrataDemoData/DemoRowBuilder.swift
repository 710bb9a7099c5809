import StrataStorage

/// Builds full-width rows of one entity by column name. Column positions are resolved once; a column the
/// generator sets but the model lacks is skipped, and a model column the generator does not know stays NULL.
struct DemoRowBuilder {
    let entity: EntityDescriptor
    private var values: [StorageValue]

    init(_ entity: EntityDescriptor) {
        self.entity = entity
        self.values = Array(repeating: .null, count: entity.columns.count)
    }

    /// The position of a column, looked up by name.
    func column(_ name: String) -> Int? { entity.columnIndex(name) }

    mutating func set(_ column: Int?, _ value: StorageValue) {
        if let column { values[column] = value }
    }

    /// The row built so far; the builder starts the next row from all-NULL.
    mutating func finish() -> Row {
        let row = Row(values)
        for i in values.indices { values[i] = .null }
        return row
    }
}
