import StrataExecution
import StrataJSON
import StrataLanguage
import StrataSchema
import Testing

/// Filtered, ordered, paginated and nested reads of the default schema on the memory backend.
@Suite struct StorageQueryTests {
    @Test("a lookup by id returns the row; an unknown or malformed id returns null")
    func lookup() async throws {
        let (executor, _) = try await DefaultSchemaFixture.executor()
        let h = ExecutionHarness(executor: executor)
        let (list, _) = await h.run("{ users(first: 1) { id email } }")
        let first = list["data"]?["users"]?.firstItem
        guard case .string(let id)? = first?["id"] else {
            Issue.record("no user")
            return
        }
        let (found, _) = await h.run("query ($id: ID!) { user(id: $id) { id email } }", variables: ["id": .string(id)])
        #expect(found["data"]?["user"] == first)
        let (missing, _) = await h.run(#"{ a: user(id: "00000000-0000-4000-8000-999999999999") { id } b: user(id: "not-a-uuid") { id } }"#)
        #expect(missing["data"] == json(#"{"a":null,"b":null}"#))
        #expect(missing["errors"] == nil)
    }

    @Test("where filters combine with AND, OR and NOT; orderBy sorts with the key as tie-breaker")
    func filterAndOrder() async throws {
        let (executor, _) = try await DefaultSchemaFixture.executor()
        let h = ExecutionHarness(executor: executor)
        let (all, _) = await h.run("{ tasks(first: 10000, orderBy: [{ field: PRIORITY, direction: DESC }, { field: TITLE }]) { title priority status } }")
        guard case .array(let tasks)? = all["data"]?["tasks"] else {
            Issue.record("no tasks: \(all)")
            return
        }
        #expect(!tasks.isEmpty)
        let priorities = tasks.compactMap { if case .string(let p)? = $0["priority"] { p } else { nil } }
        // TaskPriority declares LOW, MEDIUM, HIGH, CRITICAL: descending is CRITICAL first, not MEDIUM (alphabetical).
        let declared = ["LOW", "MEDIUM", "HIGH", "CRITICAL"]
        let ranks = priorities.map { declared.firstIndex(of: $0) ?? -1 }
        #expect(ranks == ranks.sorted(by: >))
        #expect(priorities.first == "CRITICAL")
        let (filtered, _) = await h.run(
            """
            { tasks(first: 10000, where: { OR: [{ status: { eq: TODO } }, { status: { eq: COMPLETED } }], NOT: { priority: { in: [LOW] } } }) { status priority } }
            """)
        guard case .array(let matching)? = filtered["data"]?["tasks"] else {
            Issue.record("no filtered tasks: \(filtered)")
            return
        }
        let expected = tasks.filter {
            ($0["status"] == .string("TODO") || $0["status"] == .string("COMPLETED")) && $0["priority"] != .string("LOW")
        }
        #expect(matching.count == expected.count)
        #expect(matching.allSatisfy { $0["priority"] != .string("LOW") })
    }

    @Test("connections page with cursors: pageInfo, edges, nodes and totalCount stay consistent")
    func connectionPaging() async throws {
        let (executor, _) = try await DefaultSchemaFixture.executor()
        let h = ExecutionHarness(executor: executor)
        let query = """
            query ($after: String) {
              tasksConnection(first: 7, after: $after, orderBy: [{ field: TITLE }]) {
                totalCount
                pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
                edges { cursor node { id } }
                nodes { id }
              }
            }
            """
        var after: JSONValue = .null
        var seen: [JSONValue] = []
        var total: JSONValue?
        for _ in 0..<1000 {
            let (page, _) = await h.run(query, variables: ["after": after])
            let connection = page["data"]?["tasksConnection"]
            #expect(page["errors"] == nil)
            total = connection?["totalCount"]
            guard case .array(let edges)? = connection?["edges"], case .array(let nodes)? = connection?["nodes"] else { break }
            #expect(edges.map { $0["node"] } == nodes.map { Optional($0) })
            #expect(connection?["pageInfo"]?["endCursor"] == edges.last?["cursor"] ?? .null)
            #expect(connection?["pageInfo"]?["hasPreviousPage"] == .bool(after != .null))
            seen.append(contentsOf: nodes)
            guard connection?["pageInfo"]?["hasNextPage"] == .bool(true), let end = connection?["pageInfo"]?["endCursor"] else { break }
            after = end
        }
        #expect(total == .int(Int64(seen.count)))
        #expect(Set(seen).count == seen.count)
    }

    @Test("a malformed cursor and an oversized page are BAD_USER_INPUT field errors")
    func badPageArguments() async throws {
        let (executor, _) = try await DefaultSchemaFixture.executor()
        let h = ExecutionHarness(executor: executor)
        let (json, _) = await h.run(#"{ tasks(after: "bogus") { id } }"#)
        #expect(json["errors"]?.firstItem?["extensions"]?["code"] == .string("BAD_USER_INPUT"))
        let (big, _) = await h.run("{ tasks(first: 20000) { id } }")
        #expect(big["errors"]?.firstItem?["extensions"]?["code"] == .string("BAD_USER_INPUT"))
        // A page so large that its estimated cost passes the default limit is refused before execution.
        let (huge, _) = await h.run("{ tasks(first: 1000000) { id } }")
        #expect(huge["errors"]?.firstItem?["extensions"]?["code"] == .string("QUERY_TOO_COMPLEX"))
    }

    @Test("to-many relations take their own filter, order and page; to-one relations resolve")
    func nestedRelations() async throws {
        let (executor, _) = try await DefaultSchemaFixture.executor()
        let h = ExecutionHarness(executor: executor)
        let (json, _) = await h.run(
            """
            { projects(first: 3) { id owner { id } tasks(first: 2, orderBy: [{ field: TITLE, direction: DESC }]) { title project { id } }
              tasksConnection(first: 1) { totalCount pageInfo { hasNextPage } } } }
            """)
        #expect(json["errors"] == nil)
        guard case .array(let projects)? = json["data"]?["projects"] else {
            Issue.record("no projects: \(json)")
            return
        }
        for project in projects {
            guard case .array(let tasks)? = project["tasks"] else { continue }
            #expect(tasks.count <= 2)
            #expect(tasks.allSatisfy { $0["project"]?["id"] == project["id"] })
            let titles = tasks.compactMap { if case .string(let t)? = $0["title"] { t } else { nil } }
            #expect(titles == titles.sorted(by: >))
        }
    }

    @Test("the standard introspection query rebuilds the served schema")
    func introspectionRoundTrip() async throws {
        let (executor, _) = try await DefaultSchemaFixture.executor()
        let h = ExecutionHarness(executor: executor)
        let (result, response) = await h.run(standardIntrospectionQuery)
        #expect(result["errors"] == nil, "\(response.bodyText.prefix(500))")
        let document = try IntrospectionToSDL.document(from: result)
        let rebuilt = try Schema.build(sdl: print(document))
        // The rebuilt schema answers the same introspection query identically: nothing was lost.
        let again = await ExecutionHarness(executor: Executor(schema: rebuilt, resolvers: ResolverTable())).run(standardIntrospectionQuery)
        #expect(again.json == result)
        #expect(rebuilt.typeNames.count == executor.schema.typeNames.count)
    }
}
