import StrataStorage

/// A small model for rendering tests: users ← tasks, with every column type on `tasks`.
enum TaskModel {
    static let user = EntityDescriptor(
        name: "User", table: "users",
        columns: [
            ColumnDescriptor(name: "id", field: "id", type: .uuid, isNullable: false),
            ColumnDescriptor(name: "email", field: "email", type: .string, isNullable: false, isUnique: true),
        ],
        primaryKey: 0)

    static let task = EntityDescriptor(
        name: "Task", table: "tasks",
        columns: [
            ColumnDescriptor(name: "id", field: "id", type: .uuid, isNullable: false),
            ColumnDescriptor(name: "title", field: "title", type: .string, isNullable: false),
            ColumnDescriptor(name: "status", field: "status", type: .enumeration(["OPEN", "DONE"]), isNullable: false),
            ColumnDescriptor(
                name: "owner_id", field: "ownerId", type: .uuid, isNullable: true,
                references: ForeignKey(entity: "User", table: "users", column: "id", onDelete: .setNull)),
            ColumnDescriptor(name: "tags", field: "tags", type: .stringList, isNullable: true),
            ColumnDescriptor(name: "done", field: "done", type: .bool, isNullable: false),
            ColumnDescriptor(name: "due", field: "due", type: .date, isNullable: true),
            ColumnDescriptor(name: "created_at", field: "createdAt", type: .timestamp, isNullable: false),
            ColumnDescriptor(name: "estimate", field: "estimate", type: .double, isNullable: true),
            ColumnDescriptor(name: "meta", field: "meta", type: .json, isNullable: true),
            ColumnDescriptor(name: "version", field: "version", type: .int, isNullable: false),
        ],
        primaryKey: 0, versionColumn: 10, indexes: [["status", "created_at"]])

    static let model = StorageModel(entities: [user, task])

    static let ownerA = "00000000-0000-4000-8000-00000000000a"
    static let ownerB = "00000000-0000-4000-8000-00000000000b"
}
