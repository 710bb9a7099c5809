import StrataDemoData
import StrataJSON
import StrataLanguage
import StrataModel
import StrataSchema
import StrataStorage
import Synchronization
import Testing

@testable import StrataExecution

/// A memory adapter whose reads fail as a database that is down fails them.
final class UnavailableReads: StorageAdapter {
    let base: MemoryAdapter

    init(base: MemoryAdapter) { self.base = base }

    var sourceName: String { base.sourceName }
    var model: StorageModel { base.model }

    func lookup(_ request: LookupRequest) async throws(StorageError) -> [Row] {
        throw StorageError(.connectionFailed, "connection refused (test)")
    }

    func list(_ request: ListRequest) async throws(StorageError) -> Page {
        throw StorageError(.connectionFailed, "connection refused (test)")
    }

    func related(_ request: RelatedRequest) async throws(StorageError) -> [Page] { try await base.related(request) }

    func transaction<T: Sendable>(_ body: @Sendable (any StorageTransaction) async throws -> T) async throws -> T {
        try await base.transaction(body)
    }

    func migrate() async throws(StorageError) { try await base.migrate() }
    func close() async { await base.close() }
}

/// A query that is one root lookup or plain list whose objects have a flat selection is answered by `DirectRead`:
/// one storage request written straight into the response. It must answer every such query byte for byte as the
/// general execution does (`directReads` off), with the same storage request, and leave every other query to it.
@Suite struct DirectReadTests {
    struct Fixture {
        let direct: ExecutionHarness
        let general: ExecutionHarness
        let directReads: ProjectingAdapter
        let generalReads: ProjectingAdapter
        let userID: String
        let taskID: String
    }

    static func fixture() async throws -> Fixture {
        let model = try DefaultSchemaFixture.model()
        let memory = MemoryAdapter(model: model.storage, sourceName: "default")
        try await DemoDataGenerator(model: model.storage, scale: .small).load(into: memory)
        let directReads = ProjectingAdapter(base: memory)
        let generalReads = ProjectingAdapter(base: memory)
        var off = ExecutorOptions()
        off.directReads = false
        let direct = ExecutionHarness(executor: Executor(model: model, storage: StorageRouter(single: directReads)))
        let general = ExecutionHarness(
            executor: Executor(model: model, storage: StorageRouter(single: generalReads), options: off))
        let (ids, _) = await ExecutionHarness(executor: Executor(model: model, storage: StorageRouter(single: memory)))
            .run("{ users(first: 1) { id } tasks(first: 1) { id } }")
        guard case .string(let userID)? = ids["data"]?["users"]?.firstItem?["id"],
            case .string(let taskID)? = ids["data"]?["tasks"]?.firstItem?["id"]
        else { throw FixtureError.noRows }
        return Fixture(
            direct: direct, general: general, directReads: directReads, generalReads: generalReads, userID: userID,
            taskID: taskID)
    }

    enum FixtureError: Error { case noRows }

    /// The direct plan the executor keeps for `query` (running it once first), or nil when it has none.
    static func plan(_ harness: ExecutionHarness, _ query: String) async -> DirectRead? {
        _ = await harness.run(query)
        return kept(harness, query)
    }

    /// The direct plan the executor keeps for `query`, which has run.
    static func kept(_ harness: ExecutionHarness, _ query: String) -> DirectRead? {
        guard let plans = harness.executor.documents.get(query)?.plans else { return nil }
        return plans.directReads.withLock { $0.values.first ?? nil }
    }

    @Test("lookups and lists with flat selections answer with the general execution's bytes and storage request")
    func sameBytesAndReads() async throws {
        let f = try await Self.fixture()
        let queries: [(String, [String: JSONValue])] = [
            ("{ user(id: \"\(f.userID)\") { id name email role createdAt } }", [:]),
            ("{ u: user(id: \"\(f.userID)\") { __typename n: name id __typename status emailVerified version } }", [:]),
            ("{ user(id: \"\(f.userID)\") { ...Card } } fragment Card on User { name ... on User { email } }", [:]),
            ("query ($id: ID!) { user(id: $id) { name role } }", ["id": .string(f.userID)]),
            ("query ($id: ID!) { user(id: $id) { name role } }", ["id": .string(f.userID.uppercased())]),
            ("{ task(id: \"\(f.taskID)\") { title description status priority tags dueDate estimateHours } }", [:]),
            // No such key (a well-formed UUID) and a key that cannot be one: null, as before.
            ("{ user(id: \"00000000-0000-4000-8000-00000000dead\") { name } }", [:]),
            ("{ user(id: \"not-a-uuid\") { name } }", [:]),
            // Plain lists: filtered, ordered, paged, empty, from variables.
            ("{ users(first: 5) { id name email role createdAt } }", [:]),
            ("{ tasks(first: 7, orderBy: [{ field: TITLE, direction: DESC }]) { __typename title status tags dueDate } }", [:]),
            ("{ t: tasks(where: { status: { eq: TODO } }, first: 3) { id title } }", [:]),
            ("{ users(where: { name: { eq: \"nobody at all\" } }) { id } }", [:]),
            ("query ($n: Int) { projects(first: $n) { name description } }", ["n": .int(4)]),
        ]
        for (query, variables) in queries {
            let direct = await f.direct.run(query, variables: variables).response
            let general = await f.general.run(query, variables: variables).response
            #expect(direct.bodyText == general.bodyText, "\(query)")
            #expect(direct.errors.isEmpty, "\(query): \(direct.bodyText)")
        }
        #expect(f.directReads.reads == f.generalReads.reads)
        #expect(f.directReads.reads.count == 12)
        let found = await f.direct.run("{ user(id: \"\(f.userID)\") { name } }").json
        if case .string(let name)? = found["data"]?["user"]?["name"] { #expect(!name.isEmpty) } else {
            Issue.record("no user: \(found)")
        }
    }

    @Test("objects with one to-one relation of flat objects: the same bytes and requests, relation batches included")
    func oneRelation() async throws {
        let f = try await Self.fixture()
        let queries = [
            "{ tasks(first: 40) { id title status project { name } } }",
            "{ tasks(first: 40) { project { __typename name } title } }",
            "{ tasks(first: 40) { title assignee { name email } dueDate } }",
            "{ projects(first: 7) { owner { name } } }",
            "{ task(id: \"\(f.taskID)\") { title project { id name description } } }",
            "{ user(id: \"\(f.userID)\") { name profile { bio } } }",
        ]
        for query in queries {
            let direct = await f.direct.run(query).response
            let general = await f.general.run(query).response
            #expect(Self.kept(f.direct, query) != nil, "\(query)")
            #expect(direct.bodyText == general.bodyText, "\(query)")
            #expect(direct.errors.isEmpty, "\(query): \(direct.bodyText)")
        }
        #expect(f.directReads.reads == f.generalReads.reads)
        // Tasks with and without an assignee, and projects shared by several tasks, were all written.
        let (assigned, _) = await f.direct.run("{ tasks(first: 40) { assignee { name } } }")
        guard case .array(let tasks)? = assigned["data"]?["tasks"] else {
            Issue.record("\(assigned)")
            return
        }
        #expect(tasks.contains { $0["assignee"] == .null })
        #expect(tasks.contains { $0["assignee"] != .null })

        // Split at `maxBatchSize` keys per lookup, as the loaders split them.
        let model = try DefaultSchemaFixture.model()
        let memory = MemoryAdapter(model: model.storage, sourceName: "default")
        try await DemoDataGenerator(model: model.storage, scale: .small).load(into: memory)
        var small = ExecutorOptions(maxBatchSize: 3)
        let smallReads = ProjectingAdapter(base: memory)
        let generalSmallReads = ProjectingAdapter(base: memory)
        let direct = ExecutionHarness(executor: Executor(model: model, storage: StorageRouter(single: smallReads), options: small))
        small.directReads = false
        let general = ExecutionHarness(
            executor: Executor(model: model, storage: StorageRouter(single: generalSmallReads), options: small))
        let query = "{ tasks(first: 40) { title assignee { name } } }"
        #expect((await direct.run(query)).response.bodyText == (await general.run(query)).response.bodyText)
        // The batches go concurrently (in any order) both ways.
        #expect(smallReads.reads.first == generalSmallReads.reads.first)
        #expect(Set(smallReads.reads) == Set(generalSmallReads.reads))
        #expect(smallReads.reads.count == generalSmallReads.reads.count)
        #expect(smallReads.reads.count > 2)
    }

    @Test("the direct plan itself answers a lookup (it does not hand it back to the general execution)")
    func planAnswers() async throws {
        let f = try await Self.fixture()
        let query = "query ($id: ID!) { user(id: $id) { id name email } }"
        _ = await f.direct.run(query, variables: ["id": .string(f.userID)])
        let plan = try #require(await Self.plan(f.direct, query))
        let executor = f.direct.executor
        let response = try #require(
            await plan.run(
                variables: ["id": .string(f.userID)], schema: executor.schema, source: Source(query),
                storage: executor.storage, trees: executor.trees, maxBatchSize: 1_000))
        let general = await f.general.run(query, variables: ["id": .string(f.userID)]).response
        #expect(response.bodyText == general.bodyText)
    }

    @Test("queries that are not one flat lookup get no direct plan, and answer as before")
    func otherShapesAreGeneral() async throws {
        let f = try await Self.fixture()
        let queries = [
            "{ user(id: \"\(f.userID)\") { name ownedProjects { name } } }",
            "{ user(id: \"\(f.userID)\") { name } task(id: \"\(f.taskID)\") { title } }",
            "{ tasks(first: 5) { title project { name } assignee { name } } }",
            "{ tasks(first: 5) { title project { name owner { name } } } }",
            "{ tasks(first: 5) { title p: project { name } project { id } } }",
            "{ users(first: 2) { name ownedProjects { name } } }",
            "{ usersConnection(first: 2) { edges { node { name } } } }",
            "{ __typename user(id: \"\(f.userID)\") { name } }",
        ]
        for query in queries {
            #expect(await Self.plan(f.direct, query) == nil, "\(query)")
            let direct = await f.direct.run(query).response
            let general = await f.general.run(query).response
            #expect(direct.bodyText == general.bodyText, "\(query)")
        }
        #expect(await Self.plan(f.direct, "{ user(id: \"\(f.userID)\") { name } }") != nil)
        #expect(await Self.plan(f.direct, "{ users(first: 2) { name } }") != nil)
    }

    @Test("a failed lookup or list gives the general execution's error, path and null")
    func failedLookup() async throws {
        let model = try DefaultSchemaFixture.model()
        let memory = MemoryAdapter(model: model.storage, sourceName: "default")
        let down = UnavailableReads(base: memory)
        var off = ExecutorOptions()
        off.directReads = false
        let direct = ExecutionHarness(executor: Executor(model: model, storage: StorageRouter(single: down)))
        let general = ExecutionHarness(executor: Executor(model: model, storage: StorageRouter(single: down), options: off))
        let query = "{\n  me: user(id: \"00000000-0000-4000-8000-000000000001\") { name }\n}"
        let a = await direct.run(query)
        let b = await general.run(query)
        #expect(a.response.bodyText == b.response.bodyText)
        #expect(a.json["data"] == json(#"{"me":null}"#))
        #expect(a.json["errors"]?.firstItem?["extensions"]?["code"] == .string("SERVICE_UNAVAILABLE"))
        #expect(a.json["errors"]?.firstItem?["path"] == json(#"["me"]"#))
        #expect(a.json["errors"]?.firstItem?["locations"] == json(#"[{"line":2,"column":3}]"#))
        #expect(a.response.errors.count == 1)
        #expect(a.response.errors.first?.underlyingDescription == b.response.errors.first?.underlyingDescription)
        // A non-null list: the null reaches `data`.
        let list = "{ users(first: 3) { name } }"
        let c = await direct.run(list)
        #expect(c.response.bodyText == (await general.run(list)).response.bodyText)
        #expect(c.json["data"] == .null)
        #expect(c.json["errors"]?.firstItem?["path"] == json(#"["users"]"#))
        #expect(await Self.plan(direct, list) != nil)
    }

    @Test("a row the flat writer does not take is completed by the general execution, errors and all")
    func badRowFallsBack() async throws {
        let items = [
            DirectCompletionTests.item(1, kind: "BOGUS", size: .string("NOPE")),
            DirectCompletionTests.item(2, kind: "SMALL", size: .string("LARGE")),
        ]
        var off = ExecutorOptions()
        off.directReads = false
        let direct = try await DirectCompletionTests.executor(items: items)
        let general = try await DirectCompletionTests.executor(items: items, options: off)
        for n in 1...2 {
            let query = "{ item(id: \"00000000-0000-4000-8000-00000000000\(n)\") { name kind size count } }"
            let a = await direct.run(query).response
            let b = await general.run(query).response
            #expect(a.bodyText == b.bodyText, "\(n)")
            #expect(a.errors.count == (n == 1 ? 1 : 0), "\(a.bodyText)")
        }
    }
}
