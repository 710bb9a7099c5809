import Foundation
import StrataSQLite
import StrataStorage
import Testing

@Suite("SQLite data, constraints and migrations")
struct SQLiteDataTests {
    @Test("every column type round-trips, edge values included")
    func roundTrip() async throws {
        try await withAdapter { adapter in
            let values: [[StorageValue]] = [
                [
                    .string("PLAIN"), .stringList([]), .bool(false), .date(Int32.min), .timestamp(Int64.min),
                    .double(-Double.greatestFiniteMagnitude), .json("{}"), .int(Int64.min),
                ],
                [
                    .string("RICH"),
                    .stringList(["", "a\"b", "back\\slash", "line\nbreak\t\u{1}", "日本 🎉", "'; DROP TABLE notes; --"]),
                    .bool(true), .date(Int32.max), .timestamp(Int64.max), .double(Double.leastNonzeroMagnitude),
                    .json("{\"k\": [1, 2.5, \"é\"]}"), .int(Int64.max),
                ],
                [
                    .string("PLAIN"), .stringList(["x"]), .bool(true), .date(0), .timestamp(0), .double(-0.0),
                    .json("null"), .int(0),
                ],
                [
                    .string("RICH"), .stringList(["y", "y"]), .null, .date(-719_162), .timestamp(-1), .double(0.1),
                    .json(""), .null,
                ],
                [.string("PLAIN"), .null, .null, .date(2_932_896), .null, .null, .null, .null],
            ]
            var written: [Row] = []
            for (n, v) in values.enumerated() {
                written.append(
                    Row([
                        .string(NoteModel.id(n + 1)), .string(n == 0 ? "" : "title \(n) ✓"), v[0], .null, v[1], v[2],
                        v[3], v[4], v[5], v[6], v[7], .int(1),
                    ]))
            }
            let rows = written
            try await adapter.transaction { tx in try await tx.insertMany("Note", rows: rows) }
            let read = try await adapter.list(ListRequest(entity: "Note", orderBy: [SortKey("id")]))
            #expect(read.rows == written)
            let negativeZero = try await adapter.lookup(
                LookupRequest(entity: "Note", column: "id", keys: [.string(NoteModel.id(3))]))
            if case .double(let d) = negativeZero.first?[8] { #expect(d == 0) }
            let stored = try await adapter.execute(
                rawSQL: "SELECT due, created_at, pinned, tags FROM notes WHERE id = ?",
                bindings: [.string(NoteModel.id(3))])
            #expect(stored == [[.string("1970-01-01"), .int(0), .int(1), .string("[\"x\"]")]])
        }
    }

    @Test("constraint violations map to storage error codes with the column")
    func constraints() async throws {
        try await withAdapter { adapter in
            try await adapter.transaction { tx in
                _ = try await tx.insert("Folder", values: ["id": .int(1), "name": .string("inbox")])
                try await tx.insertMany("Note", rows: [NoteModel.row(1, title: "a", folder: 1)])
            }
            func expect(
                _ code: StorageError.Code, column: String?,
                _ body: @Sendable @escaping (any StorageTransaction) async throws -> Void
            ) async {
                do {
                    try await adapter.transaction(body)
                    Issue.record("expected \(code)")
                } catch let error as StorageError {
                    #expect(error.code == code, "\(error.debugDescription)")
                    #expect(error.column == column, "\(error.debugDescription)")
                } catch {
                    Issue.record("unexpected \(error)")
                }
            }
            await expect(.uniqueViolation, column: "name") { tx in
                _ = try await tx.insert("Folder", values: ["id": .int(2), "name": .string("inbox")])
            }
            await expect(.uniqueViolation, column: "id") { tx in
                _ = try await tx.insert("Folder", values: ["id": .int(1), "name": .string("other")])
            }
            await expect(.foreignKeyViolation, column: nil) { tx in
                try await tx.insertMany("Note", rows: [NoteModel.row(2, title: "b", folder: 9)])
            }
            await expect(.foreignKeyViolation, column: nil) { tx in
                _ = try await tx.delete("Folder", key: .int(1), filter: nil)
            }
            // One row's insert or update names the reference that points nowhere, as PostgreSQL does.
            await expect(.foreignKeyViolation, column: "folder_id") { tx in
                _ = try await tx.insert(
                    "Note",
                    values: [
                        "id": .string(NoteModel.id(4)), "title": .string("d"), "kind": .string("PLAIN"),
                        "folder_id": .int(9),
                    ])
            }
            await expect(.foreignKeyViolation, column: "folder_id") { tx in
                _ = try await tx.update(
                    "Note", key: .string(NoteModel.id(1)), values: ["folder_id": .int(9)], expectedVersion: nil,
                    filter: nil)
            }
            await expect(.notNullViolation, column: "title") { tx in
                _ = try await tx.insert("Note", values: ["id": .string(NoteModel.id(3)), "kind": .string("PLAIN")])
            }
            await expect(.checkViolation, column: "kind") { tx in
                _ = try await tx.update(
                    "Note", key: .string(NoteModel.id(1)), values: ["kind": .string("HTML")], expectedVersion: nil,
                    filter: nil)
            }
            // The database itself enforces what validation checks, for SQL that bypasses the renderer.
            let raw: [(String, StorageError.Code, String?)] = [
                ("INSERT INTO notes (id, title, kind, version) VALUES ('x', 't', 'HTML', 1)", .checkViolation, "kind"),
                (
                    "INSERT INTO notes (id, title, kind, version) VALUES ('x', NULL, 'PLAIN', 1)", .notNullViolation,
                    "title"
                ),
                (
                    "INSERT INTO notes (id, title, kind, pinned, version) VALUES ('x', 't', 'PLAIN', 2, 1)",
                    .checkViolation, "pinned"
                ),
                ("INSERT INTO folders (id, name) VALUES (5, 'inbox')", .uniqueViolation, "name"),
            ]
            for (sql, code, column) in raw {
                do {
                    _ = try await adapter.execute(rawSQL: sql)
                    Issue.record("expected \(code) from \(sql)")
                } catch let error as StorageError {
                    #expect(error.code == code, "\(error.debugDescription)")
                    #expect(error.column == column, "\(error.debugDescription)")
                }
            }
            #expect(try await adapter.list(ListRequest(entity: "Note", includeTotalCount: true)).totalCount == 1)
        }
    }

    @Test("a stale expected version is a conflict; a missing row is nil")
    func conflicts() async throws {
        try await withAdapter { adapter in
            try await adapter.transaction { tx in try await tx.insertMany("Note", rows: [NoteModel.row(1, title: "a")])
            }
            let updated = try await adapter.transaction { tx in
                try await tx.update(
                    "Note", key: .string(NoteModel.id(1)), values: ["title": .string("b")], expectedVersion: 1,
                    filter: nil)
            }
            #expect(updated?[11] == .int(2))
            do {
                _ = try await adapter.transaction { tx in
                    try await tx.update(
                        "Note", key: .string(NoteModel.id(1)), values: ["title": .string("c")], expectedVersion: 1,
                        filter: nil)
                }
                Issue.record("expected a conflict")
            } catch let error as StorageError {
                #expect(error.code == .conflict)
            }
            let missing = try await adapter.transaction { tx in
                try await tx.update("Note", key: .string(NoteModel.id(9)), values: [:], expectedVersion: 1, filter: nil)
            }
            #expect(missing == nil)
        }
    }

    @Test("like the memory adapter, a missing row or a stale version is reported before bad update values")
    func updatePrecedence() async throws {
        try await withAdapter { adapter in
            try await adapter.transaction { tx in try await tx.insertMany("Note", rows: [NoteModel.row(1, title: "a")]) }
            let bad: [String: StorageValue] = ["title": .int(3)]
            let missing = try await adapter.transaction { tx in
                try await tx.update("Note", key: .string(NoteModel.id(9)), values: bad, expectedVersion: nil, filter: nil)
            }
            #expect(missing == nil)
            let cases: [(Int64?, StorageError.Code)] = [(5, .conflict), (1, .invalidRequest), (nil, .invalidRequest)]
            for (expected, code) in cases {
                do {
                    _ = try await adapter.transaction { tx in
                        try await tx.update("Note", key: .string(NoteModel.id(1)), values: bad, expectedVersion: expected, filter: nil)
                    }
                    Issue.record("expected \(code)")
                } catch let error as StorageError {
                    #expect(error.code == code)
                }
            }
        }
    }

    @Test("migrate is idempotent and adds new columns and indexes to existing tables, keeping data")
    func migrations() async throws {
        let path = temporaryDatabasePath()
        defer { removeDatabase(path) }
        try await withAdapter(path: path) { adapter in
            try await adapter.migrate()
            try await adapter.transaction { tx in
                try await tx.insertMany("Note", rows: [NoteModel.row(1, title: "kept")])
            }
        }
        var columns = NoteModel.noteColumns
        columns.append(ColumnDescriptor(name: "summary", field: "summary", type: .string, isNullable: true))
        columns.append(
            ColumnDescriptor(name: "stage", field: "stage", type: .enumeration(["NEW", "OLD"]), isNullable: false))
        let note = EntityDescriptor(
            name: "Note", table: "notes", columns: columns, primaryKey: 0, versionColumn: 11,
            indexes: [["title"], ["summary"]])
        let grown = StorageModel(entities: [NoteModel.folder, note])
        try await withAdapter(path: path, model: grown) { adapter in
            try await adapter.migrate()
            let names = try await adapter.execute(rawSQL: "SELECT name FROM pragma_table_info('notes') ORDER BY cid")
                .map { $0[0] }
            #expect(names.suffix(2) == [.string("summary"), .string("stage")])
            let indexes = try await adapter.execute(rawSQL: "SELECT name FROM pragma_index_list('notes')").map { $0[0] }
            #expect(indexes.contains(.string("notes_summary_idx")))
            let rows = try await adapter.lookup(
                LookupRequest(entity: "Note", column: "id", keys: [.string(NoteModel.id(1))]))
            #expect(rows.first?[1] == .string("kept"))
            #expect(rows.first?[12] == .null)
            #expect(rows.first?[13] == .string("NEW"))
            let updated = try await adapter.transaction { tx in
                try await tx.update(
                    "Note", key: .string(NoteModel.id(1)), values: ["summary": .string("s"), "stage": .string("OLD")],
                    expectedVersion: nil, filter: nil)
            }
            #expect(updated?[12] == .string("s"))
        }
    }

    @Test("injection payloads are stored and matched as data")
    func injection() async throws {
        let payloads = [
            "'; DROP TABLE notes; --", "\" OR 1=1 --", "\u{2019} OR \u{2018}1\u{2019}=\u{2019}1", "%' OR title LIKE '%",
            "?; DELETE FROM folders",
        ]
        try await withAdapter { adapter in
            let rows = payloads.enumerated().map { NoteModel.row($0.offset + 1, title: $0.element) }
            try await adapter.transaction { tx in try await tx.insertMany("Note", rows: rows) }
            for (n, payload) in payloads.enumerated() {
                let page = try await adapter.list(
                    ListRequest(entity: "Note", filter: .compare("title", .equal, .string(payload))))
                #expect(page.rows.map { $0[0] } == [.string(NoteModel.id(n + 1))])
                let contains = try await adapter.list(ListRequest(entity: "Note", filter: .contains("title", payload)))
                #expect(contains.rows.count == 1)
            }
            do {
                _ = try await adapter.transaction { tx in
                    try await tx.insert(
                        "Note",
                        values: [
                            "id": .string(NoteModel.id(9)), "title": .string("x\0'; DROP TABLE notes; --"),
                            "kind": .string("PLAIN"),
                        ])
                }
                Issue.record("NUL must be rejected")
            } catch let error as StorageError {
                #expect(error.code == .invalidRequest)
            }
            #expect(
                try await adapter.list(ListRequest(entity: "Note", includeTotalCount: true)).totalCount
                    == payloads.count)
        }
    }

    @Test("a throwing transaction rolls back; a failed statement inside one leaves earlier writes in place")
    func rollback() async throws {
        struct Abort: Error {}
        try await withAdapter { adapter in
            await #expect(throws: Abort.self) {
                try await adapter.transaction { tx in
                    try await tx.insertMany("Note", rows: [NoteModel.row(1, title: "gone")])
                    throw Abort()
                }
            }
            #expect(try await adapter.list(ListRequest(entity: "Note")).rows.isEmpty)
            let count = try await adapter.transaction { tx in
                try await tx.insertMany("Note", rows: [NoteModel.row(1, title: "kept")])
                do {
                    try await tx.insertMany(
                        "Note", rows: [NoteModel.row(2, title: "b"), NoteModel.row(1, title: "dup")])
                } catch let error as StorageError where error.code == .uniqueViolation {}
                return try await tx.lookup(
                    LookupRequest(
                        entity: "Note", column: "id", keys: [.string(NoteModel.id(1)), .string(NoteModel.id(2))])
                ).count
            }
            #expect(count == 1)
            #expect(try await adapter.list(ListRequest(entity: "Note")).rows.map { $0[1] } == [.string("kept")])
        }
    }
}
