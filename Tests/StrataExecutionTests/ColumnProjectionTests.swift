import StrataDemoData
import StrataExecution
import StrataJSON
import StrataModel
import StrataStorage
import Synchronization
import Testing

/// A memory adapter that behaves like the SQL adapters about `columns` — columns not asked for come back as
/// `.null` — and records every read request it serves.
final class ProjectingAdapter: StorageAdapter {
    enum Read: Sendable, Hashable {
        case lookup(LookupRequest)
        case list(ListRequest)
        case related(RelatedRequest)

        var entity: String {
            switch self {
            case .lookup(let r): r.entity
            case .list(let r): r.entity
            case .related(let r): r.entity
            }
        }

        var columns: [String]? {
            switch self {
            case .lookup(let r): r.columns
            case .list(let r): r.columns
            case .related(let r): r.columns
            }
        }
    }

    let base: MemoryAdapter
    private let log = Mutex<[Read]>([])

    init(base: MemoryAdapter) { self.base = base }

    var sourceName: String { base.sourceName }
    var model: StorageModel { base.model }
    var reads: [Read] { log.withLock { $0 } }

    /// Blanks the columns a request did not ask for (the primary key and `required` always stay).
    private func narrow(_ row: Row, entity name: String, columns: [String]?, required: String?) -> Row {
        guard let columns, let entity = model[entity: name] else { return row }
        var kept = Set(columns)
        kept.insert(entity.primaryKeyColumn.name)
        if let required { kept.insert(required) }
        var values = row.values
        for (index, column) in entity.columns.enumerated() where !kept.contains(column.name) { values[index] = .null }
        return Row(values)
    }

    func lookup(_ request: LookupRequest) async throws(StorageError) -> [Row] {
        log.withLock { $0.append(.lookup(request)) }
        return try await base.lookup(request).map {
            narrow($0, entity: request.entity, columns: request.columns, required: request.column)
        }
    }

    func list(_ request: ListRequest) async throws(StorageError) -> Page {
        log.withLock { $0.append(.list(request)) }
        var page = try await base.list(request)
        page.rows = page.rows.map { narrow($0, entity: request.entity, columns: request.columns, required: nil) }
        return page
    }

    func related(_ request: RelatedRequest) async throws(StorageError) -> [Page] {
        log.withLock { $0.append(.related(request)) }
        return try await base.related(request).map { page in
            var page = page
            page.rows = page.rows.map {
                narrow($0, entity: request.entity, columns: request.columns, required: request.foreignKey)
            }
            return page
        }
    }

    func transaction<T: Sendable>(_ body: @Sendable (any StorageTransaction) async throws -> T) async throws -> T {
        try await base.transaction(body)
    }

    func migrate() async throws(StorageError) { try await base.migrate() }
    func close() async { await base.close() }
}

/// The executor asks storage for the columns a selection reads, and answers exactly as with whole rows.
@Suite struct ColumnProjectionTests {
    static func fixture(resolvers: ResolverTable = ResolverTable()) async throws
        -> (projected: Executor, whole: Executor, adapter: ProjectingAdapter)
    {
        let model = try DefaultSchemaFixture.model()
        let memory = MemoryAdapter(model: model.storage, sourceName: "default")
        try await DemoDataGenerator(model: model.storage, scale: .small).load(into: memory)
        let adapter = ProjectingAdapter(base: memory)
        return (
            Executor(model: model, storage: StorageRouter(single: adapter), resolvers: resolvers),
            Executor(model: model, storage: StorageRouter(single: memory), resolvers: resolvers), adapter
        )
    }

    static func columns(_ read: ProjectingAdapter.Read) -> Set<String>? { read.columns.map(Set.init) }

    @Test("a nested query with fragments asks each read for the columns its sub-selection reads")
    func nestedFragmentsSelectColumns() async throws {
        let (executor, _, adapter) = try await Self.fixture()
        let (json, _) = await ExecutionHarness(executor: executor).run(
            """
            { projects(first: 5) { ...Card } }
            fragment Card on Project {
              label: name
              owner { ...Person }
              tasks(first: 3) { ... on Task { title } assignee { ...Person } }
            }
            fragment Person on User { name }
            """)
        #expect(json["errors"] == nil)
        let reads = adapter.reads
        let lists = reads.filter { if case .list = $0 { true } else { false } }
        let related = reads.filter { if case .related = $0 { true } else { false } }
        let lookups = reads.filter { if case .lookup = $0 { true } else { false } }
        #expect(lists.map(Self.columns) == [["id", "name", "owner_id"]])
        #expect(related.map(Self.columns) == [["id", "title", "project_id", "assignee_id"]])
        #expect(!lookups.isEmpty)
        #expect(lookups.allSatisfy { $0.entity == "User" && Self.columns($0) == ["id", "name"] })
        // Owners at step 2, assignees at step 3: one shape with the same columns, so no user is fetched twice.
        let keys = lookups.flatMap { read -> [StorageValue] in if case .lookup(let r) = read { r.keys } else { [] } }
        #expect(Set(keys).count == keys.count)
    }

    @Test("connections look through edges, node and nodes; cursors and page info need no column")
    func connectionsSelectNodeColumns() async throws {
        let (executor, _, adapter) = try await Self.fixture()
        let (json, _) = await ExecutionHarness(executor: executor).run(
            """
            { tasksConnection(first: 4) {
                pageInfo { hasNextPage endCursor }
                edges { cursor node { status } }
                nodes { dueDate }
            } }
            """)
        #expect(json["errors"] == nil)
        guard case .list(let request)? = adapter.reads.first else {
            Issue.record("no list read: \(adapter.reads)")
            return
        }
        #expect(Set(request.columns ?? []) == ["id", "status", "due_date"])
        #expect(request.includeTotalCount == false)
    }

    @Test("totalCount behind a fragment spread is still counted, and nothing else is")
    func totalCountThroughFragments() async throws {
        let (executor, _, adapter) = try await Self.fixture()
        let (json, _) = await ExecutionHarness(executor: executor).run(
            """
            { projects(first: 2) { tasksConnection(first: 2) { ...Counted } } }
            fragment Counted on TaskConnection { totalCount nodes { title } }
            """)
        #expect(json["errors"] == nil)
        let related = adapter.reads.compactMap { if case .related(let r) = $0 { r } else { nil } }
        #expect(related.count == 1)
        #expect(related.first?.includeTotalCount == true)
        #expect(Set(related.first?.columns ?? []) == ["id", "title", "project_id"])
    }

    @Test("two fields of one step reading one entity share one read with the union of their columns")
    func sameStepUnion() async throws {
        let (executor, whole, adapter) = try await Self.fixture()
        let query = "{ tasks(first: 6) { project { name } again: project { status } } }"
        let (json, statements) = await ExecutionHarness(executor: executor).counting(query)
        #expect(statements == 2)
        let lookups = adapter.reads.compactMap { if case .lookup(let r) = $0 { r } else { nil } }
        #expect(lookups.count == 1)
        #expect(Set(lookups.first?.columns ?? []) == ["id", "name", "status"])
        #expect(json == (await ExecutionHarness(executor: whole).run(query)).json)
    }

    @Test("a row cached with fewer columns is fetched again when a later step needs more")
    func narrowCacheIsRefetched() async throws {
        let (executor, whole, adapter) = try await Self.fixture()
        let query = "{ tasks(first: 3) { project { name tasks(first: 2) { project { status description } } } } }"
        let (json, _) = await ExecutionHarness(executor: executor).run(query)
        #expect(json["errors"] == nil)
        #expect(json == (await ExecutionHarness(executor: whole).run(query)).json)
        let lookups = adapter.reads.compactMap { if case .lookup(let r) = $0 { r } else { nil } }
        #expect(lookups.count == 2)
        #expect(Set(lookups.last?.columns ?? []) == ["id", "name", "status", "description"])
    }

    @Test("a type with an application resolver is read whole")
    func applicationResolverReadsWholeRows() async throws {
        var resolvers = ResolverTable()
        resolvers.setEach("User", "name") { parent, _ in
            guard case .row(_, let row) = parent else { return .value(.null) }
            // Reads a column the selection never names: only a whole row has it.
            return .value(.stored(row[1]))
        }
        let (executor, whole, adapter) = try await Self.fixture(resolvers: resolvers)
        let query = "{ projects(first: 3) { name owner { name } } }"
        let (json, _) = await ExecutionHarness(executor: executor).run(query)
        #expect(json["errors"] == nil)
        #expect(json == (await ExecutionHarness(executor: whole).run(query)).json)
        let lookups = adapter.reads.compactMap { if case .lookup(let r) = $0 { r } else { nil } }
        #expect(lookups.count == 1)
        #expect(lookups.first?.columns == nil)
        let lists = adapter.reads.compactMap { if case .list(let r) = $0 { r } else { nil } }
        #expect(lists.first?.columns != nil)
    }

    static let sameAnswerQueries: [String] = [
        #"{ user(id: "00000001-0000-4000-8000-000000000002") { id name email role createdAt profile { firstName } } }"#,
        "{ users(first: 4, orderBy: [{ field: EMAIL, direction: DESC }]) { email __typename ownedProjects { name } } }",
        """
        { projects(first: 5) { ...Card } }
        fragment Card on Project { pid: id label: name owner { ...Person } items: tasks(first: 3) { ... on Task { heading: title } assignee { ...Person } } }
        fragment Person on User { displayName: name }
        """,
        """
        { tasksConnection(first: 5, where: { status: { eq: TODO } }) {
            totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
            edges { cursor node { title tags project { name status } createdBy { email } } }
        } }
        """,
        "{ projects(first: 3) { tasksConnection(first: 2) { totalCount nodes { title dueDate estimateHours } } } }",
        "{ laboratories(first: 2) { name members(first: 2) { role user { name } laboratory { code } } emissionRecords(first: 2) { id } } }",
        "{ users(first: 3) { profile { user { email profile { bio } } } sessions(first: 1) { ipAddress user { status } } } }",
        "{ tasks(first: 4) { ... @include(if: false) { description } project { ... on Project { version } } } }",
    ]

    @Test("answers are the same as with whole rows", arguments: sameAnswerQueries)
    func sameAnswers(query: String) async throws {
        let (executor, whole, adapter) = try await Self.fixture()
        let projected = await ExecutionHarness(executor: executor).run(query).json
        let reference = await ExecutionHarness(executor: whole).run(query).json
        #expect(projected["errors"] == nil, "\(projected.serialized().prefix(400))")
        #expect(projected == reference)
        #expect(adapter.reads.contains { $0.columns != nil })
    }
}
