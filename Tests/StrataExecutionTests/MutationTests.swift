import StrataExecution
import StrataJSON
import StrataStorage
import Testing

/// Mutations on the memory backend: serial execution, audit entries, optimistic locking, nothing half-applied.
@Suite struct MutationTests {
    private func firstID(_ h: ExecutionHarness, _ query: String, _ path: [String]) async -> String? {
        var (json, _) = await h.run(query)
        json = json["data"] ?? .null
        for key in path { json = json[key] ?? .null }
        if case .array(let items) = json { json = items.first ?? .null }
        if case .string(let id)? = json["id"] { return id }
        return nil
    }

    @Test("create, update and delete a task, each with its audit entry")
    func createUpdateDelete() async throws {
        let (executor, _) = try await DefaultSchemaFixture.executor()
        let h = ExecutionHarness(executor: executor)
        guard let project = await firstID(h, "{ projects(first: 1) { id } }", ["projects"]),
            let user = await firstID(h, "{ users(first: 1) { id } }", ["users"])
        else {
            Issue.record("no fixtures")
            return
        }
        let (created, _) = await h.run(
            """
            mutation ($p: ID!, $u: ID!) { createTask(input: { title: "Écrire 📄", status: TODO, priority: HIGH, tags: ["a"], projectId: $p, createdById: $u }) { id title version project { id } } }
            """, variables: ["p": .string(project), "u": .string(user)])
        #expect(created["errors"] == nil, "\(created)")
        guard case .string(let taskID)? = created["data"]?["createTask"]?["id"] else { return }
        #expect(created["data"]?["createTask"]?["title"] == .string("Écrire 📄"))
        #expect(created["data"]?["createTask"]?["version"] == .int(1))

        let (updated, _) = await h.run(
            #"mutation ($id: ID!) { updateTask(id: $id, input: { status: COMPLETED }, expectedVersion: 1) { status version } }"#,
            variables: ["id": .string(taskID)])
        #expect(updated["data"]?["updateTask"] == json(#"{"status":"COMPLETED","version":2}"#), "\(updated)")

        let (stale, _) = await h.run(
            #"mutation ($id: ID!) { updateTask(id: $id, input: { status: TODO }, expectedVersion: 1) { status } }"#,
            variables: ["id": .string(taskID)])
        #expect(stale["errors"]?.firstItem?["extensions"]?["code"] == .string("CONFLICT"))

        let (deleted, _) = await h.run(#"mutation ($id: ID!) { deleteTask(id: $id) { id } }"#, variables: ["id": .string(taskID)])
        #expect(deleted["data"]?["deleteTask"]?["id"] == .string(taskID))
        let (gone, _) = await h.run(#"query ($id: ID!) { task(id: $id) { id } }"#, variables: ["id": .string(taskID)])
        #expect(gone["data"]?["task"] == .null)

        let (audit, _) = await h.run(
            #"query ($id: ID!) { activityLogs(where: { entityId: { eq: $id } }, orderBy: [{ field: CREATED_AT }]) { action entityType } }"#,
            variables: ["id": .string(taskID)])
        #expect(
            audit["data"]?["activityLogs"]
                == json(#"[{"action":"CREATE","entityType":"Task"},{"action":"UPDATE","entityType":"Task"},{"action":"DELETE","entityType":"Task"}]"#),
            "\(audit)")
    }

    @Test("invalid input is BAD_USER_INPUT and writes nothing, not even an audit entry")
    func invalidInputWritesNothing() async throws {
        let (executor, adapter) = try await DefaultSchemaFixture.executor()
        let h = ExecutionHarness(executor: executor)
        let before = try await adapter.list(ListRequest(entity: "ActivityLog", includeTotalCount: true)).totalCount
        let (json, _) = await h.run(
            #"mutation { createTask(input: { title: "x", status: TODO, priority: HIGH, tags: [], projectId: "00000000-0000-4000-8000-000000000000", createdById: "00000000-0000-4000-8000-000000000000" }) { id } }"#)
        let code = json["errors"]?.firstItem?["extensions"]?["code"]
        #expect(code == .string("CONSTRAINT_VIOLATION") || code == .string("BAD_USER_INPUT"), "\(json)")
        let after = try await adapter.list(ListRequest(entity: "ActivityLog", includeTotalCount: true)).totalCount
        #expect(before == after)
    }

    @Test("mutation fields run serially: the second sees the first's write")
    func serialMutations() async throws {
        let (executor, _) = try await DefaultSchemaFixture.executor()
        let h = ExecutionHarness(executor: executor)
        guard let lab = await firstID(h, "{ laboratories(first: 1) { id } }", ["laboratories"]) else { return }
        let (json, _) = await h.run(
            """
            mutation ($id: ID!) {
              a: updateLaboratory(id: $id, input: { city: "Lyon" }) { version }
              b: updateLaboratory(id: $id, input: { city: "Nice" }) { version city }
            }
            """, variables: ["id": .string(lab)])
        #expect(json["errors"] == nil, "\(json)")
        guard case .int(let a)? = json["data"]?["a"]?["version"], case .int(let b)? = json["data"]?["b"]?["version"] else {
            Issue.record("\(json)")
            return
        }
        #expect(b == a + 1)
        #expect(json["data"]?["b"]?["city"] == .string("Nice"))
    }

    @Test("an emission record's kgCO2e is quantity × factor value, recomputed on update")
    func derivedEmissions() async throws {
        let (executor, _) = try await DefaultSchemaFixture.executor()
        let h = ExecutionHarness(executor: executor)
        let (records, _) = await h.run("{ emissionRecords(first: 1) { id quantity kgCO2e factor { value } } }")
        guard let record = records["data"]?["emissionRecords"]?.firstItem, case .string(let id)? = record["id"],
            case .double(let value)? = record["factor"]?["value"]
        else {
            Issue.record("\(records)")
            return
        }
        let (updated, _) = await h.run(
            "mutation ($id: ID!) { updateEmissionRecord(id: $id, input: { quantity: 12.5 }) { quantity kgCO2e } }",
            variables: ["id": .string(id)])
        #expect(updated["data"]?["updateEmissionRecord"]?["kgCO2e"] == .double(12.5 * value), "\(updated)")
    }
}
