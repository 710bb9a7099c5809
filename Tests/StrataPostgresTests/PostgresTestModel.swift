import StrataStorage

/// A small model with one column of every type: `items` (with a unique, a check-constrained enumeration and a
/// version column) and `notes` referencing items with ON DELETE RESTRICT.
enum PostgresTestModel {
    static let item = EntityDescriptor(
        name: "Item", table: "items",
        columns: [
            ColumnDescriptor(name: "id", field: "id", type: .uuid, isNullable: false),
            ColumnDescriptor(name: "name", field: "name", type: .string, isNullable: false, isUnique: true),
            ColumnDescriptor(name: "count", field: "count", type: .int, isNullable: true),
            ColumnDescriptor(name: "ratio", field: "ratio", type: .double, isNullable: true),
            ColumnDescriptor(name: "flag", field: "flag", type: .bool, isNullable: true),
            ColumnDescriptor(name: "at", field: "at", type: .timestamp, isNullable: true),
            ColumnDescriptor(name: "day", field: "day", type: .date, isNullable: true),
            ColumnDescriptor(name: "doc", field: "doc", type: .json, isNullable: true),
            ColumnDescriptor(name: "tags", field: "tags", type: .stringList, isNullable: true),
            ColumnDescriptor(name: "kind", field: "kind", type: .enumeration(["A", "B"]), isNullable: true),
            ColumnDescriptor(name: "version", field: "version", type: .int, isNullable: false),
        ],
        primaryKey: 0, versionColumn: 10)

    static let note = EntityDescriptor(
        name: "Note", table: "notes",
        columns: [
            ColumnDescriptor(name: "id", field: "id", type: .uuid, isNullable: false),
            ColumnDescriptor(
                name: "item_id", field: "itemId", type: .uuid, isNullable: false,
                references: ForeignKey(entity: "Item", table: "items", column: "id", onDelete: .restrict)),
            ColumnDescriptor(name: "body", field: "body", type: .string, isNullable: false),
        ],
        primaryKey: 0)

    static let model = StorageModel(entities: [item, note])

    /// `00000000-0000-0000-0000-00000000000n` style ids.
    static func id(_ n: Int) -> String {
        let hex = String(n, radix: 16)
        return "00000000-0000-4000-8000-" + String(repeating: "0", count: 12 - hex.count) + hex
    }

    /// A valid item row with `values` overriding the defaults.
    static func item(_ n: Int, _ values: [String: StorageValue] = [:]) -> [String: StorageValue] {
        var row: [String: StorageValue] = ["id": .string(id(n)), "name": .string("item \(n)")]
        row.merge(values) { $1 }
        return row
    }
}
