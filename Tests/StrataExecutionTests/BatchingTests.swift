import StrataDemoData
import StrataExecution
import StrataJSON
import StrataStorage
import Testing

/// Proof by counting: statements per request grow with depth, never with rows.
@Suite struct BatchingTests {
    static let nested = "{ projects(first: 500) { tasks(first: 20) { assignee { name } } } }"

    @Test("projects → tasks → assignee is 3 statements with a few projects", .timeLimit(.minutes(1)))
    func nestedSmall() async throws {
        let (executor, _) = try await DefaultSchemaFixture.executor(scale: .small)
        let (json, statements) = await ExecutionHarness(executor: executor).counting(Self.nested)
        #expect(json["errors"] == nil)
        #expect(statements == 3)
    }

    @Test("projects → tasks → assignee is still 3 statements with 200 projects and 20,000 tasks", .timeLimit(.minutes(2)))
    func nestedBenchmarkScale() async throws {
        let (executor, _) = try await DefaultSchemaFixture.executor(scale: .benchmark)
        let (json, statements) = await ExecutionHarness(executor: executor).counting(Self.nested)
        #expect(json["errors"] == nil)
        guard case .array(let projects)? = json["data"]?["projects"] else {
            Issue.record("no projects")
            return
        }
        #expect(projects.count >= 200)
        #expect(statements == 3)
    }

    /// Tasks listed in project order share their project with their neighbours; the loaders skip a key equal to
    /// the previous one (registering and completing). Every task must still get its own project, whether its
    /// neighbour had the same one or not, and a key seen again after others must not be lost.
    @Test("grouped and interleaved to-one keys each resolve to their own row, in one lookup")
    func groupedKeysResolveToTheirOwnRows() async throws {
        let (executor, _) = try await DefaultSchemaFixture.executor()
        let harness = ExecutionHarness(executor: executor)
        let (json, statements) = await harness.counting(
            "{ tasks(first: 100, orderBy: [{ field: PROJECT_ID }, { field: ID }]) { id projectId project { id } } }")
        #expect(json["errors"] == nil)
        #expect(statements == 2)
        guard case .array(let tasks)? = json["data"]?["tasks"] else {
            Issue.record("no tasks")
            return
        }
        #expect(tasks.count > 50)
        var projects = Set<String>()
        var runs = 0
        var previous: JSONValue?
        for task in tasks {
            #expect(task["project"]?["id"] == task["projectId"])
            if case .string(let id)? = task["projectId"] { projects.insert(id) }
            if task["projectId"] != previous { runs += 1 }
            previous = task["projectId"]
        }
        #expect(projects.count > 1)
        #expect(runs < tasks.count)  // some neighbours share a project: the skip was exercised

        // The same keys interleaved (ordered by task id): still one lookup, still each task's own project.
        let (mixed, mixedStatements) = await harness.counting("{ tasks(first: 100) { projectId project { id } } }")
        #expect(mixedStatements == 2)
        if case .array(let rows)? = mixed["data"]?["tasks"] {
            for row in rows { #expect(row["project"]?["id"] == row["projectId"]) }
        }
    }

    /// Completion reads each to-one result through the slot its key got when it was registered; parents without a
    /// key (null assignee) hold no slot. A slot taken from the wrong parent, or a null read as a key, would show
    /// as a task with someone else's assignee, or an assignee where there is none.
    @Test("nullable to-one keys, interleaved with nulls, each complete to their own row or to null")
    func nullableToOneKeysCompleteThroughTheirSlots() async throws {
        let (executor, _) = try await DefaultSchemaFixture.executor()
        let (json, statements) = await ExecutionHarness(executor: executor).counting(
            "{ tasks(first: 200) { assigneeId assignee { id } } }")
        #expect(json["errors"] == nil)
        #expect(statements == 2)
        guard case .array(let tasks)? = json["data"]?["tasks"] else {
            Issue.record("no tasks")
            return
        }
        var withAssignee = 0
        var withoutAssignee = 0
        for task in tasks {
            if task["assigneeId"] == .null {
                withoutAssignee += 1
                #expect(task["assignee"] == .null)
            } else {
                withAssignee += 1
                #expect(task["assignee"]?["id"] == task["assigneeId"])
            }
        }
        #expect(withAssignee > 0)
        #expect(withoutAssignee > 0)
    }

    @Test("the same relation asked for twice through fragments is fetched once")
    func fragmentsShareFetches() async throws {
        let (executor, _) = try await DefaultSchemaFixture.executor()
        let (json, statements) = await ExecutionHarness(executor: executor).counting(
            """
            { projects(first: 5) { ...A ...B } }
            fragment A on Project { owner { name } tasks(first: 3) { title } }
            fragment B on Project { owner { email } tasks(first: 3) { status } }
            """)
        #expect(json["errors"] == nil)
        #expect(statements == 3)
    }

    @Test("aliases with different arguments fetch once per distinct argument set")
    func aliasesWithDifferentArguments() async throws {
        let (executor, _) = try await DefaultSchemaFixture.executor()
        let (json, statements) = await ExecutionHarness(executor: executor).counting(
            """
            { projects(first: 5) {
                a: tasks(first: 2) { title }
                b: tasks(first: 2) { id }
                c: tasks(first: 3) { title }
                d: tasks(first: 3, where: { status: { eq: TODO } }) { title }
            } }
            """)
        #expect(json["errors"] == nil)
        // projects, tasks(first: 2), tasks(first: 3), tasks(first: 3, where: …)
        #expect(statements == 4)
    }

    @Test("a key already loaded in the request is not fetched again")
    func perRequestCache() async throws {
        let (executor, _) = try await DefaultSchemaFixture.executor()
        let h = ExecutionHarness(executor: executor)
        let (first, _) = await h.run("{ projects(first: 1) { owner { id } } }")
        guard case .string(let owner)? = first["data"]?["projects"]?.firstItem?["owner"]?["id"] else {
            Issue.record("no owner")
            return
        }
        // The owner is looked up at step 1 and again (same key, same shape) at step 3: one lookup statement.
        let (json, statements) = await h.counting(
            "query ($id: ID!) { user(id: $id) { id } projects(first: 1) { owner { ownedProjects(first: 1) { owner { id } } } } }",
            variables: ["id": .string(owner)])
        #expect(json["errors"] == nil)
        // Step 1: the user lookup and the projects list (2). Step 2: the owner is the user already loaded (0).
        // Step 3: ownedProjects (1). Step 4: the owner again (0).
        #expect(statements == 3)
    }

    @Test("a maximum batch size splits a large key set into a few statements")
    func maxBatchSize() async throws {
        let (executor, _) = try await DefaultSchemaFixture.executor(options: ExecutorOptions(maxBatchSize: 2))
        let (json, statements) = await ExecutionHarness(executor: executor).counting(
            "{ projects(first: 5) { owner { id } } }")
        #expect(json["errors"] == nil)
        guard case .array(let projects)? = json["data"]?["projects"] else { return }
        let owners = Set(projects.compactMap { $0["owner"]?["id"] })
        // 1 list statement + ceil(distinct owners / 2) lookups.
        #expect(statements == 1 + (owners.count + 1) / 2)
    }
}

extension JSONValue {
    var firstItem: JSONValue? {
        if case .array(let items) = self { return items.first }
        return nil
    }
}
