import StrataJSON
import StrataLanguage
import StrataSchema
import StrataStorage
import Testing

@testable import StrataExecution

/// Planning kept with a cached document must answer every later request exactly as planning afresh does, and
/// must never carry one request's variables into another's.
@Suite struct PlanCacheTests {
    private static let sdl = """
        interface Named { name: String! }
        type Dog implements Named { name: String! barks: Boolean! }
        type Cat implements Named { name: String! lives: Int }
        union Pet = Dog | Cat
        type Query { pets: [Pet!]! greet(name: String! = "you", times: Int = 1): String! }
        """

    private static func executor(documentCacheCapacity: Int = 1_000) throws -> Executor {
        var resolvers = ResolverTable()
        let rex = OutputValue.object(.map(typeName: "Dog", fields: ["name": .string("Rex"), "barks": .bool(true)]))
        let tom = OutputValue.object(.map(typeName: "Cat", fields: ["name": .string("Tom"), "lives": .int(9)]))
        resolvers.setEach("Query", "pets") { _, _ in .value(.list([rex, tom, rex])) }
        resolvers.setEach("Query", "greet") { _, arguments in
            guard case .string(let name) = arguments["name"], case .int(let times) = arguments["times"] else {
                return .error(FieldError("bad arguments"))
            }
            return .value(.string(Array(repeating: "hi \(name)", count: Int(times)).joined(separator: ", ")))
        }
        return Executor(
            schema: try Schema.build(sdl: sdl), resolvers: resolvers,
            options: ExecutorOptions(documentCacheCapacity: documentCacheCapacity))
    }

    @Test("a repeated document answers from its planned selections exactly as an executor without a cache does")
    func repeatedDocumentsMatchFreshPlanning() async throws {
        let cached = ExecutionHarness(executor: try Self.executor())
        let uncached = ExecutionHarness(executor: try Self.executor(documentCacheCapacity: 0))
        let query = """
            { pets { __typename ... on Dog { barks } ...CatBits ... on Named { name } }
              a: greet b: greet(name: "Ann", times: 2) }
            fragment CatBits on Cat { lives }
            """
        let expected = try await uncached.run(query).response.bodyText
        #expect(expected.contains(#""barks":true"#) && expected.contains(#""lives":9"#))
        for _ in 0..<3 {
            #expect(await cached.run(query).response.bodyText == expected)
        }
        // One planned selection per (selection, concrete type): the root, then `pets` as Dog and as Cat.
        let entry = try #require(cached.executor.documents.get(query))
        #expect(entry.plans?.count == 3)
        #expect(uncached.executor.documents.get(query) == nil)
    }

    @Test("@skip and @include that read variables are applied per request: such a document keeps no plans")
    func variableDirectivesAreCollectedPerRequest() async throws {
        let h = ExecutionHarness(executor: try Self.executor())
        let query = """
            query ($withName: Boolean!, $skipBarks: Boolean!) {
              pets { ... on Dog { barks @skip(if: $skipBarks) name @include(if: $withName) } }
            }
            """
        try await h.expect(
            query, variables: ["withName": .bool(true), "skipBarks": .bool(false)],
            equals: #"{"data":{"pets":[{"barks":true,"name":"Rex"},{},{"barks":true,"name":"Rex"}]}}"#)
        try await h.expect(
            query, variables: ["withName": .bool(false), "skipBarks": .bool(true)],
            equals: #"{"data":{"pets":[{},{},{}]}}"#)
        try await h.expect(
            query, variables: ["withName": .bool(true), "skipBarks": .bool(true)],
            equals: #"{"data":{"pets":[{"name":"Rex"},{},{"name":"Rex"}]}}"#)
        let entry = try #require(h.executor.documents.get(query))
        #expect(entry.plans == nil)
    }

    @Test("arguments that read variables are coerced for each request; literal ones once")
    func variableArgumentsAreCoercedPerRequest() async throws {
        let h = ExecutionHarness(executor: try Self.executor())
        let query = #"query ($name: String!, $times: Int) { mixed: greet(name: $name, times: $times) fixed: greet(times: 2) }"#
        try await h.expect(
            query, variables: ["name": .string("Ann"), "times": .int(1)],
            equals: #"{"data":{"mixed":"hi Ann","fixed":"hi you, hi you"}}"#)
        try await h.expect(
            query, variables: ["name": .string("Bob"), "times": .int(3)],
            equals: #"{"data":{"mixed":"hi Bob, hi Bob, hi Bob","fixed":"hi you, hi you"}}"#)
        // A variable left out takes the argument's default; the plan does not keep the previous request's value.
        try await h.expect(
            query, variables: ["name": .string("Cy")], equals: #"{"data":{"mixed":"hi Cy","fixed":"hi you, hi you"}}"#)
        #expect(h.executor.documents.get(query)?.plans?.count == 1)
    }

    @Test("a storage read's column projection is worked out once and asks for the same columns every time")
    func projectionIsMemoizedPerPlannedField() async throws {
        let (executor, _, adapter) = try await ColumnProjectionTests.fixture()
        let h = ExecutionHarness(executor: executor)
        let query = """
            { projects(first: 3) { ...Card } }
            fragment Card on Project { label: name owner { name } tasks(first: 2) { title assignee { email } } }
            """
        let first = await h.run(query)
        let readsOfFirst = adapter.reads
        let second = await h.run(query)
        let readsOfSecond = Array(adapter.reads.dropFirst(readsOfFirst.count))
        #expect(first.json["errors"] == nil)
        #expect(first.response.bodyText == second.response.bodyText)
        #expect(readsOfSecond.map(ColumnProjectionTests.columns) == readsOfFirst.map(ColumnProjectionTests.columns))
        #expect(readsOfFirst.map(ColumnProjectionTests.columns).first == ["id", "name", "owner_id"])
    }
}
