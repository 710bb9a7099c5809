import StrataStorage
import Testing

@testable import StrataSQL

@Suite("Rendering reads")
struct SQLRendererReadTests {
    let sqlite = SQLRenderer(dialect: SQLiteDialect(), model: TaskModel.model)
    let postgres = SQLRenderer(dialect: PostgreSQLDialect(), model: TaskModel.model)
    let a = StorageValue.string(TaskModel.ownerA)
    let b = StorageValue.string(TaskModel.ownerB)

    @Test("a lookup selects the requested columns plus the key, dropping NULL and duplicate keys")
    func lookup() throws {
        let request = LookupRequest(
            entity: "Task", column: "id", keys: [a, .null, a, b], filter: .isNull("due"), columns: ["title"])
        let lite = try #require(try sqlite.select(lookup: request).statement)
        #expect(lite.text == #"SELECT "id", "title" FROM "tasks" WHERE "id" IN (?, ?) AND ("due" IS NULL)"#)
        #expect(lite.bindings == [a, b])
        let pg = try #require(try postgres.select(lookup: request).statement)
        #expect(
            pg.text == #"SELECT "id", "title" FROM "tasks" WHERE "id" IN (SELECT unnest($1::uuid[])) AND ("due" IS NULL)"#)
        #expect(pg.bindings == [.stringList([TaskModel.ownerA, TaskModel.ownerB])])
    }

    @Test("a one-key lookup is an equality on a typed parameter on PostgreSQL (several keys: one array)")
    func oneKeyLookup() throws {
        let one = LookupRequest(entity: "Task", column: "id", keys: [a, .null, a], columns: ["title"])
        let pg = try #require(try postgres.select(lookup: one).statement)
        #expect(pg.text == #"SELECT "id", "title" FROM "tasks" WHERE "id" = $1::uuid"#)
        #expect(pg.bindings == [a])
        let lite = try #require(try sqlite.select(lookup: one).statement)
        #expect(lite.text == #"SELECT "id", "title" FROM "tasks" WHERE "id" IN (?)"#)
        #expect(lite.bindings == [a])
    }

    @Test("a repeated filterless lookup shape reuses its statement text, bound to the new keys; the output never changes")
    func lookupTextCache() throws {
        let requests = [
            LookupRequest(entity: "Task", column: "id", keys: [a], columns: ["title"]),
            LookupRequest(entity: "Task", column: "id", keys: [b], columns: ["title"]),
            LookupRequest(entity: "Task", column: "id", keys: [b, a], columns: ["title"]),
            LookupRequest(entity: "Task", column: "id", keys: [a, b, a], columns: ["title"]),
            LookupRequest(entity: "Task", column: "id", keys: [b], columns: ["due"]),
            LookupRequest(entity: "Task", column: "id", keys: [a], columns: nil),
            LookupRequest(entity: "Task", column: "owner_id", keys: [a], columns: ["title"]),
            LookupRequest(entity: "Task", column: "id", keys: [a], filter: .isNull("due"), columns: ["title"]),
            LookupRequest(entity: "Task", column: "id", keys: [b], filter: .isNull("due"), columns: ["title"]),
            // Keys promised distinct (as the loaders send them) share the shapes above.
            LookupRequest(entity: "Task", column: "id", keys: [b], columns: ["title"], keysAreDistinct: true),
            LookupRequest(entity: "Task", column: "id", keys: [a, b], columns: ["title"], keysAreDistinct: true),
            LookupRequest(entity: "Task", column: "id", keys: [a, .null], columns: ["title"], keysAreDistinct: true),
            LookupRequest(entity: "Task", column: "id", keys: [b], columns: nil, keysAreDistinct: true),
        ]
        for dialect in [SQLiteDialect() as any SQLDialect, PostgreSQLDialect()] {
            let cached = SQLRenderer(dialect: dialect, model: TaskModel.model)
            for round in 0..<2 {
                for request in requests {
                    // A fresh renderer has nothing cached: what every lookup must render.
                    let expected = try SQLRenderer(dialect: dialect, model: TaskModel.model).select(lookup: request)
                    let got = try cached.select(lookup: request)
                    #expect(got.statement == expected.statement, "round \(round): \(request)")
                    #expect(got.resultColumns == expected.resultColumns)
                    #expect(got.layout.width == expected.layout.width)
                    #expect(got.layout.positions == expected.layout.positions)
                    #expect(got.layout.types == expected.layout.types)
                    #expect(got.layout.sources(available: 1) == expected.layout.sources(available: 1))
                }
            }
            // One text per shape: (title; 1 key), (title; 2 keys), (due; 1), (all; 1), (owner_id key; 1) — the
            // filtered lookups are not cached, and [a, b, a] is the two-key shape once duplicates are dropped.
            #expect(cached.lookupTexts.count == 5)
        }
        let first = try #require(try sqlite.select(lookup: requests[0]).statement)
        let second = try #require(try sqlite.select(lookup: requests[1]).statement)
        #expect(first.text == second.text)
        #expect(first.bindings == [a] && second.bindings == [b])
    }

    @Test("a repeated small list request takes its statement from the cache, identical to a fresh rendering; large filters are not kept")
    func listTextCache() throws {
        let wide = Predicate.and((0..<40).map { _ in Predicate.compare("title", .equal, .string("x")) })
        let requests = [
            ListRequest(entity: "Task", orderBy: [SortKey("id")], limit: 100, columns: ["title"]),
            ListRequest(entity: "Task", orderBy: [SortKey("id")], limit: 50, columns: ["title"]),
            ListRequest(entity: "Task", orderBy: [SortKey("id")], offset: 10, limit: 50, columns: ["title"]),
            ListRequest(entity: "Task", filter: .compare("title", .equal, .string("a")), orderBy: [SortKey("id")], limit: 5),
            ListRequest(entity: "Task", filter: .compare("title", .equal, .string("b")), orderBy: [SortKey("id")], limit: 5),
            ListRequest(
                entity: "Task", filter: .isIn("owner_id", [a, b]), orderBy: [SortKey("id")], limit: 5,
                includeTotalCount: true),
            ListRequest(
                entity: "Task", filter: .isNull("due"), orderBy: [SortKey("id")], offset: 3, limit: 0,
                includeTotalCount: true),
            ListRequest(entity: "Task", filter: wide, orderBy: [SortKey("id")], limit: 5),
            // Canonically equivalent to Swift, different to every database: precomposed and decomposed "é".
            ListRequest(entity: "Task", filter: .compare("title", .equal, .string("\u{E9}")), orderBy: [SortKey("id")], limit: 5),
            ListRequest(entity: "Task", filter: .compare("title", .equal, .string("e\u{301}")), orderBy: [SortKey("id")], limit: 5),
        ]
        for dialect in [SQLiteDialect() as any SQLDialect, PostgreSQLDialect()] {
            let cached = SQLRenderer(dialect: dialect, model: TaskModel.model)
            for round in 0..<2 {
                for request in requests {
                    let expected = try SQLRenderer(dialect: dialect, model: TaskModel.model).select(list: request)
                    let got = try cached.select(list: request)
                    #expect(got.statement == expected.statement, "round \(round): \(request)")
                    #expect(got.resultColumns == expected.resultColumns)
                    #expect(got.includesTotalCount == expected.includesTotalCount)
                    #expect(got.pageStart == expected.pageStart && got.pageEnd == expected.pageEnd)
                    #expect(got.layout.positions == expected.layout.positions)
                    #expect(got.layout.types == expected.layout.types)
                }
            }
            // Every request but the one with 40 conditions, once each (the two "é" spellings apart).
            #expect(cached.listTexts.count == requests.count - 1)
            let precomposed = try #require(try cached.select(list: requests[requests.count - 2]).statement)
            let decomposed = try #require(try cached.select(list: requests[requests.count - 1]).statement)
            #expect(precomposed.bindings.first.map(ByteWiseKey.init) == ByteWiseKey(.string("\u{E9}")))
            #expect(decomposed.bindings.first.map(ByteWiseKey.init) == ByteWiseKey(.string("e\u{301}")))
            // An invalid request is refused every time, and never stored.
            let invalid = ListRequest(entity: "Task", orderBy: [SortKey("nope")], limit: 1)
            #expect(throws: StorageError.self) { try cached.select(list: invalid) }
            #expect(throws: StorageError.self) { try cached.select(list: invalid) }
            #expect(cached.listTexts.count == requests.count - 1)
        }
    }

    @Test("a stored lookup's layout follows its result columns when they change")
    func storedLayoutFollowsColumns() throws {
        let renderer = SQLRenderer(dialect: SQLiteDialect(), model: TaskModel.model)
        let request = LookupRequest(entity: "Task", column: "id", keys: [a], columns: ["title"], keysAreDistinct: true)
        _ = try renderer.select(lookup: request)
        var hit = try renderer.select(lookup: request)
        #expect(hit.layout.positions == hit.decodedPositions)
        #expect(hit.layout.positions.count == 2)
        hit.resultColumns.removeLast()
        #expect(hit.layout.positions.count == hit.resultColumns.count)
        #expect(hit.layout.positions == hit.decodedPositions)
    }

    @Test("a stored lookup shape still checks promised keys: a NULL is dropped, a key of another type refused")
    func lookupTextCacheChecksKeys() throws {
        for renderer in [sqlite, postgres] {
            let shape = LookupRequest(entity: "Task", column: "id", keys: [a, b], columns: ["title"])
            _ = try renderer.select(lookup: shape)
            let withNull = LookupRequest(
                entity: "Task", column: "id", keys: [b, .null], columns: ["title"], keysAreDistinct: true)
            let fresh = SQLRenderer(dialect: renderer.dialect, model: TaskModel.model)
            #expect(try renderer.select(lookup: withNull).statement == fresh.select(lookup: withNull).statement)
            #expect(try #require(try renderer.select(lookup: withNull).statement).bindings == [b])
            let wrongType = LookupRequest(
                entity: "Task", column: "id", keys: [.int(1), .int(2)], columns: ["title"], keysAreDistinct: true)
            #expect(throws: StorageError.self) { try renderer.select(lookup: wrongType) }
        }
    }

    @Test("keys promised distinct are bound as given, still type-checked; a null breaks the promise and is dropped")
    func distinctKeysPromise() throws {
        let promised = LookupRequest(entity: "Task", column: "id", keys: [b, a], columns: [], keysAreDistinct: true)
        let lite = try #require(try sqlite.select(lookup: promised).statement)
        #expect(lite.bindings == [b, a])

        let withNull = LookupRequest(
            entity: "Task", column: "id", keys: [a, .null, a], columns: [], keysAreDistinct: true)
        #expect(try #require(try sqlite.select(lookup: withNull).statement).bindings == [a])

        let wrongType = LookupRequest(entity: "Task", column: "id", keys: [.int(1)], keysAreDistinct: true)
        #expect(throws: StorageError.self) { try sqlite.select(lookup: wrongType) }

        let related = RelatedRequest(
            entity: "Task", foreignKey: "owner_id", parentKeys: [b, a], limit: 2, columns: [], keysAreDistinct: true)
        let pageSQL = try #require(try sqlite.select(related: related).statement)
        #expect(pageSQL.bindings.prefix(2) == [b, a])
        let relatedWrongType = RelatedRequest(
            entity: "Task", foreignKey: "owner_id", parentKeys: [.bool(true)], keysAreDistinct: true)
        #expect(throws: StorageError.self) { try postgres.select(related: relatedWrongType) }
    }

    @Test("a lookup without keys needs no statement")
    func emptyLookup() throws {
        let query = try sqlite.select(lookup: LookupRequest(entity: "Task", column: "id", keys: [.null]))
        #expect(query.statement == nil)
        #expect(query.rows(from: []).isEmpty)
    }

    @Test("a first page with its total uses COUNT(*) OVER () and LIMIT")
    func firstPageWithTotal() throws {
        let request = ListRequest(
            entity: "Task", filter: .compare("done", .equal, .bool(false)),
            orderBy: [SortKey("created_at", descending: true), SortKey("id")], limit: 10, includeTotalCount: true,
            columns: ["title"])
        let lite = try #require(try sqlite.select(list: request).statement)
        #expect(
            lite.text
                == #"SELECT "id", "title", COUNT(*) OVER () AS "__strata_total" FROM "tasks" WHERE "done" = ? ORDER BY "created_at" DESC NULLS LAST, "id" ASC NULLS LAST LIMIT ?"#
        )
        #expect(lite.bindings == [.bool(false), .int(10)])
        let pg = try #require(try postgres.select(list: request).statement)
        #expect(
            pg.text
                == #"SELECT "id", "title", COUNT(*) OVER () AS "__strata_total" FROM "tasks" WHERE "done" = $1::boolean ORDER BY "created_at" DESC NULLS LAST, "id" ASC NULLS LAST LIMIT $2::bigint"#
        )
    }

    @Test("a later page without a total uses LIMIT and OFFSET")
    func laterPage() throws {
        let request = ListRequest(entity: "Task", orderBy: [SortKey("id")], offset: 20, limit: 10, columns: ["title"])
        let lite = try #require(try sqlite.select(list: request).statement)
        #expect(lite.text == #"SELECT "id", "title" FROM "tasks" ORDER BY "id" ASC NULLS LAST LIMIT ? OFFSET ?"#)
        #expect(lite.bindings == [.int(10), .int(20)])
        let noLimit = try #require(
            try sqlite.select(list: ListRequest(entity: "Task", offset: 5, columns: [])).statement)
        #expect(noLimit.text == #"SELECT "id" FROM "tasks" LIMIT -1 OFFSET ?"#)
        let pg = try #require(try postgres.select(list: ListRequest(entity: "Task", offset: 5, columns: [])).statement)
        #expect(pg.text == #"SELECT "id" FROM "tasks" OFFSET $1::bigint"#)
    }

    @Test("a later page with its total is cut by row number and keeps a count carrier")
    func laterPageWithTotal() throws {
        let request = ListRequest(
            entity: "Task", orderBy: [SortKey("id")], offset: 20, limit: 10, includeTotalCount: true, columns: ["title"]
        )
        let query = try sqlite.select(list: request)
        let lite = try #require(query.statement)
        #expect(
            lite.text
                == #"SELECT "id", "title", "__strata_rn", "__strata_total" FROM (SELECT "id", "title", ROW_NUMBER() OVER (ORDER BY "id" ASC NULLS LAST) AS "__strata_rn", COUNT(*) OVER () AS "__strata_total" FROM "tasks") AS "__strata_page" WHERE ("__strata_rn" > ? AND "__strata_rn" <= ?) OR "__strata_rn" = 1 ORDER BY "__strata_rn""#
        )
        #expect(lite.bindings == [.int(20), .int(30)])
        // Past the end: only the carrier comes back, and it yields the total with no rows.
        let page = query.page(from: [[a, .string("t"), .int(1), .int(7)]].map(query.decoded))
        #expect(page == Page(rows: [], totalCount: 7))
        let full = query.page(from: [[a, .string("t"), .int(1), .int(30)], [b, .string("u"), .int(21), .int(30)]].map(query.decoded))
        #expect(full.rows.map { $0[0] } == [b])
        #expect(full.totalCount == 30)
        #expect(full.rows[0].values.count == TaskModel.task.columns.count)
        #expect(full.rows[0][2] == .null)
    }

    @Test("a zero limit with a total still counts")
    func zeroLimit() throws {
        let query = try sqlite.select(list: ListRequest(entity: "Task", limit: 0, includeTotalCount: true))
        let statement = try #require(query.statement)
        #expect(statement.text.contains(#"WHERE ("__strata_rn" > ? AND "__strata_rn" <= ?) OR "__strata_rn" = 1"#))
        #expect(statement.bindings == [.int(0), .int(0)])
        let carrier = [StorageValue](repeating: .null, count: TaskModel.task.columns.count) + [.int(1), .int(4)]
        #expect(query.page(from: [query.decoded(carrier)]) == Page(rows: [], totalCount: 4))
    }

    @Test("related pages without a count read only each parent's first rows, through a lateral join or a subquery")
    func relatedPerParentPage() throws {
        let request = RelatedRequest(
            entity: "Task", foreignKey: "owner_id", parentKeys: [a, b, a],
            filter: .not(.compare("status", .equal, .string("DONE"))), orderBy: [SortKey("due"), SortKey("id")],
            offset: 1, limit: 2, includeTotalCount: false, columns: ["title"])
        let lite = try #require(try sqlite.select(related: request).statement)
        #expect(
            lite.text
                == #"SELECT "id", "title", "owner_id", "due" FROM (VALUES (?), (?)) AS "__strata_parents" JOIN "tasks" ON "tasks"."id" IN (SELECT "id" FROM "tasks" WHERE "owner_id" = "__strata_parents".column1 AND (("status" = ?) IS NOT TRUE) ORDER BY "due" ASC NULLS LAST, "id" ASC NULLS LAST LIMIT ?)"#
        )
        #expect(lite.bindings == [a, b, .string("DONE"), .int(3)])
        let pg = try #require(try postgres.select(related: request).statement)
        #expect(
            pg.text
                == #"SELECT "id", "title", "owner_id", "due" FROM unnest($1::uuid[]) AS "__strata_parents" (column1) CROSS JOIN LATERAL (SELECT "id", "title", "owner_id", "due" FROM "tasks" WHERE "owner_id" = "__strata_parents".column1 AND (("status" = $2::text) IS NOT TRUE) ORDER BY "due" ASC NULLS LAST, "id" ASC NULLS LAST LIMIT $3::bigint) AS "__strata_page""#
        )
        // No row number: the page's first `offset` rows are cut per parent in Swift, as on SQLite.
        #expect(pg.bindings == [.stringList([TaskModel.ownerA, TaskModel.ownerB]), .string("DONE"), .int(3)])
    }

    /// A per-parent page row in result order: id, title, owner_id, due (the entity's order).
    func taskRow(_ id: String, _ owner: StorageValue, _ due: StorageValue) -> [StorageValue] {
        [.string(id), .string("t\(id)"), owner, due]
    }

    @Test(
        "per-parent pages are ordered and cut per parent in Swift, NULLs last, ties by the next key",
        arguments: ["sqlite", "postgres"])
    func perParentPageOrderedInSwift(dialect: String) throws {
        let request = RelatedRequest(
            entity: "Task", foreignKey: "owner_id", parentKeys: [a, b],
            orderBy: [SortKey("due", descending: true), SortKey("id")], offset: 1, limit: 2, includeTotalCount: false,
            columns: ["title"])
        let query = try (dialect == "sqlite" ? sqlite : postgres).select(related: request)
        let results = [
            taskRow("4", a, .null), taskRow("1", a, .date(10)), taskRow("3", a, .date(20)),
            taskRow("2", a, .date(20)), taskRow("9", b, .date(1)),
        ]
        let pages = query.pages(from: results.map(query.decoded))
        // a in order: 2 (20), 3 (20), 1 (10), 4 (NULL); offset 1, limit 2 → 3, 1. b has one row, before the page.
        #expect(pages[0].rows.map { $0[0] } == [.string("3"), .string("1")])
        #expect(pages[1].rows.isEmpty)
    }

    @Test(
        "per-parent rows that arrive in order are only cut, and equal keys keep their arrival order",
        arguments: ["sqlite", "postgres"])
    func perParentPageAlreadyInOrder(dialect: String) throws {
        let request = RelatedRequest(
            entity: "Task", foreignKey: "owner_id", parentKeys: [a, b],
            orderBy: [SortKey("due")], offset: 1, limit: 2, includeTotalCount: false, columns: ["title"])
        let query = try (dialect == "sqlite" ? sqlite : postgres).select(related: request)
        let results = [
            taskRow("1", a, .date(1)), taskRow("3", a, .date(2)), taskRow("2", a, .date(2)), taskRow("4", a, .null),
            taskRow("8", b, .date(5)), taskRow("7", b, .date(6)), taskRow("6", b, .date(7)),
        ]
        let pages = query.pages(from: results.map(query.decoded))
        // The ordering is `due` alone (ties by arrival): a → 1, 3, 2, 4 → offset 1, limit 2 → 3, 2.
        #expect(pages[0].rows.map { $0[0] } == [.string("3"), .string("2")])
        #expect(pages[1].rows.map { $0[0] } == [.string("7"), .string("6")])
    }

    @Test("related rows of all parents come from one windowed statement")
    func related() throws {
        let request = RelatedRequest(
            entity: "Task", foreignKey: "owner_id", parentKeys: [a, b],
            filter: .not(.compare("status", .equal, .string("DONE"))), orderBy: [SortKey("due"), SortKey("id")],
            offset: 1, limit: 2, includeTotalCount: true, columns: ["title"])
        let lite = try #require(try sqlite.select(related: request).statement)
        #expect(
            lite.text
                == #"SELECT "id", "title", "owner_id", "__strata_rn", "__strata_total" FROM (SELECT "id", "title", "owner_id", ROW_NUMBER() OVER (PARTITION BY "owner_id" ORDER BY "due" ASC NULLS LAST, "id" ASC NULLS LAST) AS "__strata_rn", COUNT(*) OVER (PARTITION BY "owner_id") AS "__strata_total" FROM "tasks" WHERE "owner_id" IN (?, ?) AND (("status" = ?) IS NOT TRUE)) AS "__strata_page" WHERE ("__strata_rn" > ? AND "__strata_rn" <= ?) OR "__strata_rn" = 1"#
        )
        #expect(lite.bindings == [a, b, .string("DONE"), .int(1), .int(3)])
        let pg = try #require(try postgres.select(related: request).statement)
        #expect(
            pg.text
                == #"SELECT "id", "title", "owner_id", "__strata_rn", "__strata_total" FROM (SELECT "id", "title", "owner_id", ROW_NUMBER() OVER (PARTITION BY "owner_id" ORDER BY "due" ASC NULLS LAST, "id" ASC NULLS LAST) AS "__strata_rn", COUNT(*) OVER (PARTITION BY "owner_id") AS "__strata_total" FROM "tasks" WHERE "owner_id" = ANY($1::uuid[]) AND (("status" = $2::text) IS NOT TRUE)) AS "__strata_page" WHERE ("__strata_rn" > $3::bigint AND "__strata_rn" <= $4::bigint) OR "__strata_rn" = 1"#
        )
        #expect(pg.bindings == [.stringList([TaskModel.ownerA, TaskModel.ownerB]), .string("DONE"), .int(1), .int(3)])
    }

    @Test("related results are grouped per parent key, aligned with duplicates and NULL keys")
    func relatedAssembly() throws {
        let request = RelatedRequest(
            entity: "Task", foreignKey: "owner_id",
            parentKeys: [a, .null, b, a, .string(TaskModel.ownerA.uppercased())],
            orderBy: [SortKey("id")], offset: 1, limit: 1, includeTotalCount: true, columns: [])
        let query = try sqlite.select(related: request)
        #expect(query.statement?.bindings.count == 5)  // two keys (the uppercase one is another key), 1, 2
        let x = StorageValue.string("x")
        let y = StorageValue.string("y")
        let results: [[StorageValue]] = [
            [x, a, .int(1), .int(2)],  // carrier of a (row 1 is before the page)
            [y, a, .int(2), .int(2)],
            [x, b, .int(1), .int(1)],  // b's only row: carrier, page empty
        ]
        let pages = query.pages(from: results.map(query.decoded))
        #expect(pages.count == 5)
        #expect(pages[0].rows.map { $0[0] } == [y])
        #expect(pages[0].totalCount == 2)
        #expect(pages[1] == Page(rows: [], totalCount: 0))
        #expect(pages[2] == Page(rows: [], totalCount: 1))
        #expect(pages[3] == pages[0])
        #expect(pages[4] == Page(rows: [], totalCount: 0))
    }

    @Test("each parent's related rows come out in row-number order whatever order the database returns them in")
    func relatedAssemblyReordersRows() throws {
        let request = RelatedRequest(
            entity: "Task", foreignKey: "owner_id", parentKeys: [a, b],
            orderBy: [SortKey("id")], offset: 0, limit: 3, includeTotalCount: true, columns: [])
        let query = try sqlite.select(related: request)
        let (r1, r2, r3) = (StorageValue.string("r1"), StorageValue.string("r2"), StorageValue.string("r3"))
        let results: [[StorageValue]] = [
            [r2, a, .int(2), .int(3)],
            [r1, b, .int(1), .int(1)],
            [r3, a, .int(3), .int(3)],
            [r1, a, .int(1), .int(3)],
        ]
        let pages = query.pages(from: results.map(query.decoded))
        #expect(pages[0].rows.map { $0[0] } == [r1, r2, r3])
        #expect(pages[0].totalCount == 3)
        #expect(pages[1].rows.map { $0[0] } == [r1])
    }

    @Test("requests naming unknown things or with mistyped values are invalid")
    func invalidRequests() {
        let requests: [() throws -> Void] = [
            { _ = try sqlite.select(lookup: LookupRequest(entity: "Nope", column: "id", keys: [a])) },
            { _ = try sqlite.select(lookup: LookupRequest(entity: "Task", column: "nope", keys: [a])) },
            { _ = try sqlite.select(lookup: LookupRequest(entity: "Task", column: "id", keys: [.int(1)])) },
            { _ = try sqlite.select(lookup: LookupRequest(entity: "Task", column: "id", keys: [a], columns: ["x"])) },
            { _ = try sqlite.select(list: ListRequest(entity: "Task", offset: -1)) },
            { _ = try sqlite.select(list: ListRequest(entity: "Task", limit: -1)) },
            { _ = try sqlite.select(list: ListRequest(entity: "Task", orderBy: [SortKey("tags")])) },
            { _ = try sqlite.select(list: ListRequest(entity: "Task", filter: .compare("done", .equal, .int(1)))) },
            { _ = try sqlite.select(list: ListRequest(entity: "Task", filter: .contains("done", "x"))) },
            { _ = try sqlite.select(list: ListRequest(entity: "Task", filter: .listContains("title", "x"))) },
            {
                _ = try sqlite.select(
                    list: ListRequest(entity: "Task", filter: .compare("tags", .equal, .stringList(["x"]))))
            },
            {
                _ = try sqlite.select(
                    related: RelatedRequest(entity: "Task", foreignKey: "owner_id", parentKeys: [.int(3)]))
            },
        ]
        for request in requests {
            do {
                try request()
                Issue.record("expected an invalid request")
            } catch let error as StorageError {
                #expect(error.code == .invalidRequest)
            } catch {
                Issue.record("unexpected \(error)")
            }
        }
    }
}
