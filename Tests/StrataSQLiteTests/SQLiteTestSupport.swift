import Foundation
import StrataSQLite
import StrataStorage

/// A small model with every column type, for adapter tests.
enum NoteModel {
    static let folder = EntityDescriptor(
        name: "Folder", table: "folders",
        columns: [
            ColumnDescriptor(name: "id", field: "id", type: .int, isNullable: false),
            ColumnDescriptor(name: "name", field: "name", type: .string, isNullable: false, isUnique: true),
        ],
        primaryKey: 0)

    static let noteColumns = [
        ColumnDescriptor(name: "id", field: "id", type: .uuid, isNullable: false),
        ColumnDescriptor(name: "title", field: "title", type: .string, isNullable: false),
        ColumnDescriptor(name: "kind", field: "kind", type: .enumeration(["PLAIN", "RICH"]), isNullable: false),
        ColumnDescriptor(
            name: "folder_id", field: "folderId", type: .int, isNullable: true,
            references: ForeignKey(entity: "Folder", table: "folders", column: "id", onDelete: .restrict)),
        ColumnDescriptor(name: "tags", field: "tags", type: .stringList, isNullable: true),
        ColumnDescriptor(name: "pinned", field: "pinned", type: .bool, isNullable: true),
        ColumnDescriptor(name: "due", field: "due", type: .date, isNullable: true),
        ColumnDescriptor(name: "created_at", field: "createdAt", type: .timestamp, isNullable: true),
        ColumnDescriptor(name: "score", field: "score", type: .double, isNullable: true),
        ColumnDescriptor(name: "body", field: "body", type: .json, isNullable: true),
        ColumnDescriptor(name: "count", field: "count", type: .int, isNullable: true),
        ColumnDescriptor(name: "version", field: "version", type: .int, isNullable: false),
    ]

    static let note = EntityDescriptor(
        name: "Note", table: "notes", columns: noteColumns, primaryKey: 0, versionColumn: 11, indexes: [["title"]])

    static let model = StorageModel(entities: [folder, note])

    static func id(_ n: Int) -> String {
        let hex = String(n, radix: 16)
        return "00000000-0000-4000-8000-" + String(repeating: "0", count: 12 - hex.count) + hex
    }

    /// A full-width note row with the given id number and title, other columns NULL, version 1.
    static func row(_ n: Int, title: String, folder: Int64? = nil) -> Row {
        var values = [StorageValue](repeating: .null, count: noteColumns.count)
        values[0] = .string(id(n))
        values[1] = .string(title)
        values[2] = .string("PLAIN")
        values[3] = folder.map { .int($0) } ?? .null
        values[11] = .int(1)
        return Row(values)
    }
}

/// A fresh temporary database file path, removed (with its WAL files) by `removeDatabase(_:)`.
func temporaryDatabasePath() -> String {
    "/tmp/strata-sqlite-test-\(UInt64.random(in: .min ... .max)).sqlite"
}

func removeDatabase(_ path: String) {
    for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
}

/// A migrated adapter on `path` (":memory:" by default) for `body`, closed afterwards.
func withAdapter(
    path: String = ":memory:", model: StorageModel = NoteModel.model, readers: Int = 2,
    _ body: (SQLiteAdapter) async throws -> Void
) async throws {
    let adapter = try await SQLiteAdapter(path: path, model: model, sourceName: "test", readers: readers)
    do {
        try await adapter.migrate()
        try await body(adapter)
    } catch {
        await adapter.close()
        throw error
    }
    await adapter.close()
}
