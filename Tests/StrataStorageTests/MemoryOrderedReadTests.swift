import StrataStorage
import Testing

/// The memory adapter caches each table version's sorted orders and patches them across writes. These tests
/// drive it with random writes and compare every ordered read with a plain reference sort of a model of the
/// table, so cached, patched and freshly built orders must all agree with the contract's ordering rules.
@Suite("Memory adapter ordered reads")
struct MemoryOrderedReadTests {
    @Test("ordered lists and related pages match a reference sort across random writes, compactions and bulk loads")
    func randomWritesAndReads() async throws {
        var random = TestRandom(seed: 0x5eed)
        let adapter = try await OrderedReadFixture.adapter()
        var reference = ReferenceTable()
        var serial = 0
        for round in 0..<70 {
            let operation = round < 3 ? 0 : random.below(10)
            // The body is @Sendable: it works on copies of the model and hands them back.
            (reference, serial, random) = try await adapter.transaction { [reference, serial, random] tx in
                var (reference, serial, random) = (reference, serial, random)
                try await OrderedReadFixture.write(
                    operation, tx: tx, reference: &reference, serial: &serial, random: &random)
                return (reference, serial, random)
            }
            for _ in 0..<5 {
                try await OrderedReadFixture.checkList(adapter, reference, random: &random)
            }
            try await OrderedReadFixture.checkRelated(adapter, reference, random: &random)
        }
        #expect(adapter.count("Item") == reference.rows.count)
    }

    @Test("concurrent readers building the same orders on one snapshot all get the reference order")
    func concurrentReaders() async throws {
        var random = TestRandom(seed: 42)
        let adapter = try await OrderedReadFixture.adapter()
        var reference = ReferenceTable()
        var serial = 0
        let rows = (0..<1500).map { _ in OrderedReadFixture.makeRow(&serial, random: &random) }
        try await adapter.transaction { tx in try await tx.insertMany("Item", rows: rows) }
        reference.rows = rows
        let orderings = OrderedReadFixture.orderings
        let expected = orderings.map { reference.sorted(by: $0, filter: nil).map(\.values.first) }
        try await withThrowingTaskGroup(of: Void.self) { group in
            for reader in 0..<8 {
                group.addTask {
                    for step in 0..<orderings.count {
                        let index = (step + reader) % orderings.count
                        let page = try await adapter.list(ListRequest(entity: "Item", orderBy: orderings[index]))
                        #expect(page.rows.map(\.values.first) == expected[index])
                    }
                }
            }
            try await group.waitForAll()
        }
    }

    @Test("reads outside a transaction see neither its uncommitted rows nor a rolled-back one, then the committed ones")
    func transactionIsolation() async throws {
        var random = TestRandom(seed: 7)
        let adapter = try await OrderedReadFixture.adapter()
        var serial = 0
        let rows = (0..<300).map { _ in OrderedReadFixture.makeRow(&serial, random: &random) }
        try await adapter.transaction { tx in try await tx.insertMany("Item", rows: rows) }
        let order = [SortKey("name"), SortKey("id")]
        let before = try await adapter.list(ListRequest(entity: "Item", orderBy: order)).rows
        let extra = OrderedReadFixture.makeRow(&serial, random: &random)
        struct Rollback: Error {}
        await #expect(throws: Rollback.self) {
            try await adapter.transaction { tx in
                try await tx.insertMany("Item", rows: [extra])
                _ = try await tx.delete("Item", key: rows[0].values[0], filter: nil)
                #expect(try await adapter.list(ListRequest(entity: "Item", orderBy: order)).rows == before)
                throw Rollback()
            }
        }
        #expect(try await adapter.list(ListRequest(entity: "Item", orderBy: order)).rows == before)
        try await adapter.transaction { tx in
            try await tx.insertMany("Item", rows: [extra])
            _ = try await tx.delete("Item", key: rows[0].values[0], filter: nil)
        }
        let reference = ReferenceTable(rows: Array(rows.dropFirst()) + [extra])
        let after = try await adapter.list(ListRequest(entity: "Item", orderBy: order)).rows
        #expect(after == reference.sorted(by: order, filter: nil))
    }
}

// MARK: - Fixture

/// Parents and items covering every orderable column type, with NULLs, ties, shared prefixes longer than 8 bytes,
/// non-ASCII text and both zeros.
private enum OrderedReadFixture {
    static let parentCount = 6
    static let kinds = ["A", "B", "C"]
    static let texts = [
        "apple", "apple pie", "apple pie with cream", "apple pie with crumble", "applesauce", "Zebra", "éclair",
        "e\u{301}clair", "日本", "日本語", "", "longprefix-0000000001", "longprefix-0000000002",
        "longprefix-00000000010",
    ]
    static let doubles: [Double] = [-1.5, -0.0, 0.0, 2.25, 1e300, -1e300]

    static let parent = EntityDescriptor(
        name: "Parent", table: "parents",
        columns: [ColumnDescriptor(name: "id", field: "id", type: .uuid, isNullable: false)], primaryKey: 0)

    static let item = EntityDescriptor(
        name: "Item", table: "items",
        columns: [
            ColumnDescriptor(name: "id", field: "id", type: .uuid, isNullable: false),
            ColumnDescriptor(name: "name", field: "name", type: .string, isNullable: true),
            ColumnDescriptor(name: "score", field: "score", type: .int, isNullable: true),
            ColumnDescriptor(name: "weight", field: "weight", type: .double, isNullable: true),
            ColumnDescriptor(name: "flag", field: "flag", type: .bool, isNullable: true),
            ColumnDescriptor(name: "at", field: "at", type: .timestamp, isNullable: true),
            ColumnDescriptor(name: "day", field: "day", type: .date, isNullable: true),
            ColumnDescriptor(name: "kind", field: "kind", type: .enumeration(kinds), isNullable: false),
            ColumnDescriptor(name: "doc", field: "doc", type: .json, isNullable: true),
            ColumnDescriptor(
                name: "parent_id", field: "parentId", type: .uuid, isNullable: false,
                references: ForeignKey(entity: "Parent", table: "parents", column: "id")),
        ],
        primaryKey: 0)

    static let orderings: [[SortKey]] = [
        [SortKey("id")],
        [SortKey("id", descending: true)],
        [SortKey("name"), SortKey("id")],
        [SortKey("name", descending: true), SortKey("score")],
        [SortKey("score", descending: true), SortKey("weight"), SortKey("id")],
        [SortKey("weight"), SortKey("flag", descending: true)],
        [SortKey("flag"), SortKey("at", descending: true), SortKey("id")],
        [SortKey("day"), SortKey("doc")],
        [SortKey("kind"), SortKey("doc", descending: true), SortKey("name")],
        [SortKey("at")],
    ]

    static let filters: [Predicate?] = [
        nil, nil,
        .compare("score", .greater, .int(0)),
        .isNull("name"),
        .compare("kind", .equal, .string("B")),
        .startsWith("name", "apple pie"),
        .not(.compare("flag", .equal, .bool(true))),
    ]

    static func parentID(_ n: Int) -> StorageValue { .string(fixtureID(1, n)) }

    static func adapter() async throws -> MemoryAdapter {
        let adapter = MemoryAdapter(model: StorageModel(entities: [parent, item]), sourceName: "test")
        try await adapter.load("Parent", rows: (0..<parentCount).map { Row([parentID($0)]) })
        return adapter
    }

    static func makeRow(_ serial: inout Int, random: inout TestRandom) -> Row {
        serial += 1
        var values = [StorageValue.string(fixtureID(2, serial))]
        values += randomValues(&random)
        return Row(values)
    }

    /// Values for every column but the primary key.
    static func randomValues(_ random: inout TestRandom) -> [StorageValue] {
        func maybe(_ value: StorageValue) -> StorageValue { random.below(5) == 0 ? .null : value }
        let text = texts[random.below(texts.count)]
        return [
            maybe(.string(random.below(3) == 0 ? text + String(random.below(4)) : text)),
            maybe(.int(random.below(12) == 0 ? .max : Int64(random.below(11)) - 5)),
            maybe(.double(doubles[random.below(doubles.count)])),
            maybe(.bool(random.below(2) == 0)),
            maybe(.timestamp(Int64(random.below(7)) * 1_000_000 - 3_000_000)),
            maybe(.date(Int32(random.below(5)) - 2)),
            .string(kinds[random.below(kinds.count)]),
            maybe(.json(texts[random.below(texts.count)])),
            parentID(random.below(parentCount)),
        ]
    }

    /// One random write transaction body, mirrored into `reference`.
    static func write(
        _ operation: Int, tx: any StorageTransaction, reference: inout ReferenceTable, serial: inout Int,
        random: inout TestRandom
    ) async throws {
        switch operation {
        case 0, 1, 2:  // a few inserts
            let rows = (0..<(1 + random.below(5))).map { _ in makeRow(&serial, random: &random) }
            try await tx.insertMany("Item", rows: rows)
            reference.rows += rows
        case 3, 4, 5:  // a few updates
            for _ in 0..<(1 + random.below(4)) where !reference.rows.isEmpty {
                let position = random.below(reference.rows.count)
                let fresh = randomValues(&random)
                var values: [String: StorageValue] = [:]
                var updated = reference.rows[position].values
                for (offset, column) in item.columns.dropFirst().enumerated() where random.below(2) == 0 {
                    values[column.name] = fresh[offset]
                    updated[offset + 1] = fresh[offset]
                }
                _ = try await tx.update(
                    "Item", key: updated[0], values: values, expectedVersion: nil, filter: nil)
                reference.rows[position] = Row(updated)
            }
        case 6, 7:  // a few deletes
            for _ in 0..<(1 + random.below(3)) where !reference.rows.isEmpty {
                let position = random.below(reference.rows.count)
                _ = try await tx.delete("Item", key: reference.rows[position].values[0], filter: nil)
                reference.rows.remove(at: position)
            }
        case 8:  // a bulk load: more changes than are worth patching
            let rows = (0..<(150 + random.below(300))).map { _ in makeRow(&serial, random: &random) }
            try await tx.insertMany("Item", rows: rows)
            reference.rows += rows
        default:  // delete most rows: the table compacts and renumbers its slots
            var kept: [Row] = []
            for row in reference.rows {
                if random.below(10) < 7 {
                    _ = try await tx.delete("Item", key: row.values[0], filter: nil)
                } else {
                    kept.append(row)
                }
            }
            reference.rows = kept
        }
    }

    static func checkList(
        _ adapter: MemoryAdapter, _ reference: ReferenceTable, random: inout TestRandom
    ) async throws {
        let order = orderings[random.below(orderings.count)]
        let filter = filters[random.below(filters.count)]
        let offset = random.below(4) == 0 ? random.below(40) : 0
        let limit: Int? = random.below(4) == 0 ? nil : random.below(60)
        let count = random.below(2) == 0
        let page = try await adapter.list(
            ListRequest(
                entity: "Item", filter: filter, orderBy: order, offset: offset, limit: limit,
                includeTotalCount: count))
        let all = reference.sorted(by: order, filter: filter)
        let expected = Array(all.dropFirst(offset).prefix(limit ?? Int.max))
        #expect(
            page.rows == expected,
            "order \(order) filter \(String(describing: filter)) offset \(offset) limit \(String(describing: limit))")
        #expect(page.totalCount == (count ? all.count : nil))
    }

    static func checkRelated(
        _ adapter: MemoryAdapter, _ reference: ReferenceTable, random: inout TestRandom
    ) async throws {
        let order = orderings[random.below(orderings.count)]
        let filter = filters[random.below(filters.count)]
        let offset = random.below(3) == 0 ? random.below(5) : 0
        let limit: Int? = random.below(4) == 0 ? nil : random.below(12)
        var parents = (0..<parentCount).map(parentID)
        parents += [parentID(1), .null, .string(fixtureID(1, 999))]
        let pages = try await adapter.related(
            RelatedRequest(
                entity: "Item", foreignKey: "parent_id", parentKeys: parents, filter: filter, orderBy: order,
                offset: offset, limit: limit, includeTotalCount: true))
        #expect(pages.count == parents.count)
        let sorted = reference.sorted(by: order, filter: filter)
        for (parent, page) in zip(parents, pages) {
            let all = sorted.filter { $0.values[9] == parent }
            #expect(
                page.rows == Array(all.dropFirst(offset).prefix(limit ?? Int.max)), "order \(order) parent \(parent)")
            #expect(page.totalCount == all.count)
        }
    }
}

/// Live item rows in insertion (slot) order, the final tie-breaker, with a plain reference implementation of the
/// contract's ordering: NULLs last in both directions, text by UTF-8 bytes, numbers numerically.
private struct ReferenceTable: Sendable {
    var rows: [Row] = []

    func sorted(by keys: [SortKey], filter: Predicate?) -> [Row] {
        let columns = keys.map { key in OrderedReadFixture.item.columnIndex(key.column)! }
        let matching = rows.enumerated().filter { Self.matches(filter, $0.element) }
        return matching.sorted { a, b in
            for (key, column) in zip(keys, columns) {
                let order = Self.compare(a.element.values[column], b.element.values[column], descending: key.descending)
                if order != 0 { return order < 0 }
            }
            return a.offset < b.offset
        }.map(\.element)
    }

    static func compare(_ x: StorageValue, _ y: StorageValue, descending: Bool) -> Int {
        if x.isNull || y.isNull { return x.isNull == y.isNull ? 0 : (x.isNull ? 1 : -1) }
        let order: Int
        switch (x, y) {
        case (.string(let a), .string(let b)), (.json(let a), .json(let b)):
            order = a.utf8.lexicographicallyPrecedes(b.utf8) ? -1 : (a.utf8.elementsEqual(b.utf8) ? 0 : 1)
        case (.int(let a), .int(let b)), (.timestamp(let a), .timestamp(let b)):
            order = a < b ? -1 : (a == b ? 0 : 1)
        case (.double(let a), .double(let b)):
            order = a < b ? -1 : (a == b ? 0 : 1)
        case (.date(let a), .date(let b)):
            order = a < b ? -1 : (a == b ? 0 : 1)
        case (.bool(let a), .bool(let b)):
            order = a == b ? 0 : (a ? 1 : -1)
        default:
            Issue.record("unexpected values \(x) and \(y)")
            return 0
        }
        return descending ? -order : order
    }

    /// The few predicate shapes `OrderedReadFixture.filters` uses.
    static func matches(_ filter: Predicate?, _ row: Row) -> Bool {
        guard let filter else { return true }
        let item = OrderedReadFixture.item
        switch filter {
        case .compare(let name, .greater, .int(let bound)):
            if case .int(let value) = row.values[item.columnIndex(name)!] { return value > bound }
            return false
        case .compare(let name, .equal, let operand):
            let value = row.values[item.columnIndex(name)!]
            return !value.isNull && compare(value, operand, descending: false) == 0
        case .isNull(let name):
            return row.values[item.columnIndex(name)!].isNull
        case .startsWith(let name, let prefix):
            if case .string(let value) = row.values[item.columnIndex(name)!] {
                return Array(value.utf8).starts(with: Array(prefix.utf8))
            }
            return false
        case .not(let inner):
            return !matches(inner, row)
        default:
            Issue.record("unsupported filter \(filter)")
            return false
        }
    }
}

/// A small deterministic generator (SplitMix64), so failures reproduce.
private struct TestRandom: Sendable {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Uniform-enough in `0..<bound` for tests.
    mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }
}
