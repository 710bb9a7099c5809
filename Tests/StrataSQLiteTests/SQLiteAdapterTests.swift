import Foundation
import StrataSQLite
import StrataStorage
import Testing

@Suite("SQLite adapter")
struct SQLiteAdapterTests {
    @Test("file databases use WAL mode; in-memory databases too, in a temporary file removed on close")
    func walMode() async throws {
        let path = temporaryDatabasePath()
        defer { removeDatabase(path) }
        try await withAdapter(path: path) { adapter in
            let mode = try await adapter.execute(rawSQL: "PRAGMA journal_mode")
            let foreignKeys = try await adapter.execute(rawSQL: "PRAGMA foreign_keys")
            #expect(mode == [[.string("wal")]])
            #expect(foreignKeys == [[.int(1)]])
        }
        var temporary = ""
        try await withAdapter { adapter in
            temporary = adapter.path
            let mode = try await adapter.execute(rawSQL: "PRAGMA journal_mode")
            #expect(mode == [[.string("wal")]])
            #expect(FileManager.default.fileExists(atPath: temporary))
        }
        #expect(!FileManager.default.fileExists(atPath: temporary))
    }

    @Test("a reader is not blocked by an open write transaction and sees only committed data")
    func readerDuringWrite() async throws {
        try await withAdapter { adapter in
            try await adapter.transaction { tx in
                try await tx.insertMany("Note", rows: [NoteModel.row(1, title: "old")])
            }
            let (inserted, insertedSignal) = AsyncStream<Void>.makeStream()
            let (proceed, proceedSignal) = AsyncStream<Void>.makeStream()
            async let writer: Void = adapter.transaction { tx in
                _ = try await tx.update(
                    "Note", key: .string(NoteModel.id(1)), values: ["title": .string("new")], expectedVersion: nil,
                    filter: nil)
                try await tx.insertMany("Note", rows: [NoteModel.row(2, title: "second")])
                #expect(
                    try await tx.lookup(LookupRequest(entity: "Note", column: "id", keys: [.string(NoteModel.id(2))]))
                        .count == 1)
                insertedSignal.yield()
                for await _ in proceed { break }
            }
            for await _ in inserted { break }
            // The write transaction is open and holds the write lock; reads go on.
            let during = try await adapter.list(
                ListRequest(entity: "Note", orderBy: [SortKey("id")], includeTotalCount: true))
            #expect(during.totalCount == 1)
            #expect(during.rows.map { $0[1] } == [.string("old")])
            proceedSignal.yield()
            try await writer
            let after = try await adapter.list(
                ListRequest(entity: "Note", orderBy: [SortKey("id")], includeTotalCount: true))
            #expect(after.rows.map { $0[1] } == [.string("new"), .string("second")])
        }
    }

    @Test("repeated statements reuse their prepared statement; the cache stays bounded")
    func statementCache() async throws {
        let adapter = try await SQLiteAdapter(
            path: ":memory:", model: NoteModel.model, readers: 1, statementCacheCapacity: 3)
        try await adapter.migrate()
        try await adapter.transaction { tx in
            try await tx.insertMany("Note", rows: (1...5).map { NoteModel.row($0, title: "t\($0)") })
        }
        let before = try await adapter.statementCacheStatistics()
        for n in 1...5 {
            let rows = try await adapter.lookup(
                LookupRequest(entity: "Note", column: "id", keys: [.string(NoteModel.id(n))]))
            #expect(rows.count == 1)
        }
        let after = try await adapter.statementCacheStatistics()
        #expect(after.misses - before.misses == 1)
        #expect(after.hits - before.hits == 4)
        for limit in 1...6 {
            _ = try await adapter.list(
                ListRequest(entity: "Note", filter: .compare("count", .greater, .int(Int64(limit))), columns: ["title"])
            )
            _ = try await adapter.list(
                ListRequest(entity: "Note", filter: .isIn("count", (0..<limit).map { .int(Int64($0)) })))
        }
        #expect(try await adapter.statementCacheStatistics().cached <= 3 * 2)
        await adapter.close()
    }

    @Test("a write lock held by another connection makes writers fail with busy after the timeout")
    func busy() async throws {
        let path = temporaryDatabasePath()
        defer { removeDatabase(path) }
        let first = try await SQLiteAdapter(path: path, model: NoteModel.model)
        try await first.migrate()
        let second = try await SQLiteAdapter(path: path, model: NoteModel.model, busyTimeout: .milliseconds(50))
        let (locked, lockedSignal) = AsyncStream<Void>.makeStream()
        let (release, releaseSignal) = AsyncStream<Void>.makeStream()
        async let holder: Void = first.transaction { tx in
            try await tx.insertMany("Note", rows: [NoteModel.row(1, title: "held")])
            lockedSignal.yield()
            for await _ in release { break }
        }
        for await _ in locked { break }
        do {
            try await second.transaction { tx in
                try await tx.insertMany("Note", rows: [NoteModel.row(2, title: "late")])
            }
            Issue.record("expected busy")
        } catch let error as StorageError {
            #expect(error.code == .busy)
        }
        // Reading is still possible from the other process.
        #expect(try await second.list(ListRequest(entity: "Note")).rows.isEmpty)
        releaseSignal.yield()
        try await holder
        try await second.transaction { tx in try await tx.insertMany("Note", rows: [NoteModel.row(2, title: "late")]) }
        #expect(try await first.list(ListRequest(entity: "Note", includeTotalCount: true)).totalCount == 2)
        await second.close()
        await first.close()
    }

    @Test("cancelling a task interrupts its running statement")
    func cancellation() async throws {
        try await withAdapter { adapter in
            let task = Task {
                try await adapter.execute(
                    rawSQL: "WITH RECURSIVE c(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM c) SELECT count(*) FROM c")
            }
            // Cancelled before or while it runs: either way the endless statement must stop.
            for _ in 0..<100 { await Task.yield() }
            task.cancel()
            await #expect(throws: StorageError.self) { try await task.value }
            let after = try await adapter.execute(rawSQL: "SELECT 1")
            #expect(after == [[.int(1)]])
        }
    }

    @Test("each read is recorded as one statement")
    func recording() async throws {
        try await withAdapter { adapter in
            let recorder = StatementRecorder()
            try await StatementRecorder.$current.withValue(recorder) {
                _ = try await adapter.lookup(
                    LookupRequest(entity: "Note", column: "id", keys: [.string(NoteModel.id(1))]))
                _ = try await adapter.list(ListRequest(entity: "Note", offset: 3, limit: 2, includeTotalCount: true))
                _ = try await adapter.related(
                    RelatedRequest(entity: "Note", foreignKey: "folder_id", parentKeys: [.int(1), .int(2)]))
            }
            #expect(recorder.snapshot["test"]?.statements == 3)
        }
    }

    @Test("raw SQL binds values, writes through the writer, and may not leave a transaction open")
    func rawSQL() async throws {
        try await withAdapter { adapter in
            _ = try await adapter.execute(
                rawSQL: "INSERT INTO folders (id, name) VALUES (?, ?)", bindings: [.int(7), .string("x'); --")])
            let rows = try await adapter.execute(
                rawSQL: "SELECT id, name, 1.5, NULL FROM folders WHERE name = ?", bindings: [.string("x'); --")])
            #expect(rows == [[.int(7), .string("x'); --"), .double(1.5), .null]])
            await #expect(throws: StorageError.self) { try await adapter.execute(rawSQL: "BEGIN") }
            await #expect(throws: StorageError.self) { try await adapter.execute(rawSQL: "SELECT 1; SELECT 2") }
            let folders = try await adapter.lookup(LookupRequest(entity: "Folder", column: "id", keys: [.int(7)]))
            #expect(folders.count == 1)
        }
    }

    @Test("an adapter and its connections are freed after use, closed or not")
    func retention() async throws {
        weak var closedOne: SQLiteAdapter?
        weak var droppedOne: SQLiteAdapter?
        var droppedPath = ""
        do {
            let adapter = try await SQLiteAdapter(path: ":memory:", model: NoteModel.model)
            try await adapter.migrate()
            try await adapter.transaction { tx in try await tx.insertMany("Note", rows: [NoteModel.row(1, title: "t")])
            }
            _ = try await adapter.list(ListRequest(entity: "Note"))
            await adapter.close()
            closedOne = adapter
        }
        do {
            let adapter = try await SQLiteAdapter(path: ":memory:", model: NoteModel.model)
            try await adapter.migrate()
            _ = try await adapter.list(ListRequest(entity: "Note"))
            droppedPath = adapter.path
            droppedOne = adapter
        }
        #expect(closedOne == nil)
        #expect(droppedOne == nil)
        #expect(!FileManager.default.fileExists(atPath: droppedPath))
    }

    @Test("a closed adapter refuses work")
    func closed() async throws {
        let adapter = try await SQLiteAdapter(path: ":memory:", model: NoteModel.model)
        try await adapter.migrate()
        await adapter.close()
        await adapter.close()
        do {
            _ = try await adapter.list(ListRequest(entity: "Note"))
            Issue.record("expected closed")
        } catch {
            #expect(error.code == .closed)
        }
    }
}
