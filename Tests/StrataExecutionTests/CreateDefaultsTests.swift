import StrataExecution
import StrataJSON
import Testing

/// `@default(value:)` in schema.graphql: a create that omits the field stores the default, introspection shows it
/// as the input field's default value, and an explicit value still wins.
@Suite struct CreateDefaultsTests {
    @Test("createTask without status, priority and tags stores TODO, MEDIUM and []")
    func omittedFieldsTakeTheirDefaults() async throws {
        let (executor, _) = try await DefaultSchemaFixture.executor()
        let h = ExecutionHarness(executor: executor)
        let (ids, _) = await h.run("{ projects(first: 1) { id } users(first: 1) { id } }")
        let project = try #require(ids["data"]?["projects"]?.firstItem?["id"])
        let user = try #require(ids["data"]?["users"]?.firstItem?["id"])
        let (created, _) = await h.run(
            """
            mutation ($p: ID!, $u: ID!) {
              plain: createTask(input: { title: "defaults", projectId: $p, createdById: $u }) { status priority tags }
              explicit: createTask(input: { title: "given", priority: LOW, tags: ["x"], projectId: $p, createdById: $u }) {
                status priority tags
              }
            }
            """, variables: ["p": project, "u": user])
        #expect(created["errors"] == nil, "\(created)")
        #expect(created["data"]?["plain"] == json(#"{"status":"TODO","priority":"MEDIUM","tags":[]}"#), "\(created)")
        #expect(created["data"]?["explicit"] == json(#"{"status":"TODO","priority":"LOW","tags":["x"]}"#), "\(created)")
    }

    @Test("introspection shows the defaults on the create input and none on the update input")
    func introspectionShowsDefaults() async throws {
        let (executor, _) = try await DefaultSchemaFixture.executor()
        let h = ExecutionHarness(executor: executor)
        let (result, _) = await h.run(
            """
            { create: __type(name: "CreateTaskInput") { inputFields { name defaultValue } }
              update: __type(name: "UpdateTaskInput") { inputFields { name defaultValue } } }
            """)
        func defaults(_ type: String) -> [String: JSONValue] {
            guard case .array(let fields)? = result["data"]?[type]?["inputFields"] else { return [:] }
            var out: [String: JSONValue] = [:]
            for field in fields { if case .string(let name)? = field["name"] { out[name] = field["defaultValue"] ?? .null } }
            return out
        }
        let create = defaults("create")
        #expect(create["status"] == .string("TODO"))
        #expect(create["priority"] == .string("MEDIUM"))
        #expect(create["tags"] == .string("[]"))
        #expect(create["title"] == .null)
        #expect(!defaults("update").isEmpty)
        #expect(defaults("update").values.allSatisfy { $0 == .null })
    }
}
