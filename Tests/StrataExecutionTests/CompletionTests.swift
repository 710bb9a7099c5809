import StrataExecution
import StrataJSON
import StrataLanguage
import StrataSchema
import Testing

/// A schema with plain resolvers: abstract types, non-null positions, lists and failing fields.
private let sdl = """
    interface Named { name: String! }
    type Dog implements Named { name: String! barks: Boolean! }
    type Cat implements Named { name: String! lives: Int }
    union Pet = Dog | Cat
    type Owner { name: String! pets: [Pet!]! favourite: Named strictPets: [Pet!]! boom: String brokenNonNull: String! }
    type Query {
      owner: Owner
      strictOwner: Owner!
      owners: [Owner!]
      echo(text: String = "default", times: Int! = 1): [String!]!
      add(a: Int!, b: Int!): Int!
      nums: [Int]
      big: Int
      fail: String
    }
    """

private func makeExecutor() throws -> Executor {
    let schema = try Schema.build(sdl: sdl)
    var resolvers = ResolverTable()
    let rex = OutputValue.object(.map(typeName: "Dog", fields: ["name": .string("Rex"), "barks": .bool(true)]))
    let tom = OutputValue.object(.map(typeName: "Cat", fields: ["name": .string("Tom"), "lives": .int(9)]))
    let badCat = OutputValue.object(.map(typeName: "Cat", fields: ["name": .null]))
    let owner = OutputValue.object(
        .map(
            typeName: "Owner",
            fields: [
                "name": .string("Ann"), "pets": .list([rex, tom]), "favourite": tom, "strictPets": .list([rex, badCat]),
                "brokenNonNull": .null,
            ]))
    resolvers.setEach("Query", "owner") { _, _ in .value(owner) }
    resolvers.setEach("Query", "strictOwner") { _, _ in .value(owner) }
    resolvers.setEach("Query", "owners") { _, _ in .value(.list([owner, owner])) }
    resolvers.setEach("Owner", "boom") { _, _ in .error(FieldError("kaboom", code: .badUserInput)) }
    resolvers.setEach("Query", "echo") { _, args in
        guard case .string(let text) = args["text"], case .int(let times) = args["times"] else { return .value(.null) }
        return .value(.list(Array(repeating: .string(text), count: times)))
    }
    resolvers.setEach("Query", "add") { _, args in
        guard case .int(let a) = args["a"], case .int(let b) = args["b"] else { return .value(.null) }
        return .value(.int(Int64(a + b)))
    }
    resolvers.setEach("Query", "nums") { _, _ in .value(.list([.int(1), .null, .int(3)])) }
    resolvers.setEach("Query", "big") { _, _ in .value(.int(Int64(Int32.max) + 1)) }
    resolvers.setEach("Query", "fail") { _, _ in .error(FieldError("nope")) }
    return Executor(schema: schema, resolvers: resolvers)
}

@Suite struct CompletionTests {
    @Test("abstract types resolve to their runtime object type and fragments apply by type condition")
    func abstractTypes() async throws {
        let h = ExecutionHarness(executor: try makeExecutor())
        try await h.expect(
            """
            { owner { name pets { __typename ... on Dog { barks } ...CatBits ... on Named { name } } favourite { name } } }
            fragment CatBits on Cat { lives }
            """,
            equals: """
                {"data":{"owner":{"name":"Ann","pets":[{"__typename":"Dog","barks":true,"name":"Rex"},{"__typename":"Cat","lives":9,"name":"Tom"}],"favourite":{"name":"Tom"}}}}
                """)
    }

    @Test("a null in a non-null list item nulls the list and bubbles to the nearest nullable field")
    func nullPropagationThroughLists() async throws {
        let h = ExecutionHarness(executor: try makeExecutor())
        try await h.expect(
            "{ owner { name strictPets { ... on Named { name } } } }",
            equals: """
                {"errors":[{"message":"Cannot return null for non-nullable field Cat.name.","locations":[{"line":1,"column":44}],"path":["owner","strictPets",1,"name"],"extensions":{"code":"INTERNAL_SERVER_ERROR"}}],"data":{"owner":null}}
                """)
    }

    @Test("a null bubbling into a non-null root field makes data null")
    func nullPropagationToRoot() async throws {
        let h = ExecutionHarness(executor: try makeExecutor())
        let (json, _) = await h.run("{ strictOwner { brokenNonNull } }")
        #expect(json["data"] == .null)
        let errors = json["errors"]
        guard case .array(let list)? = errors else {
            Issue.record("no errors")
            return
        }
        #expect(list.count == 1)
        #expect(list[0]["path"] == .array([.string("strictOwner"), .string("brokenNonNull")]))
    }

    @Test("a resolver error nulls its field, keeps siblings, and carries path, locations and code")
    func fieldErrors() async throws {
        let h = ExecutionHarness(executor: try makeExecutor())
        try await h.expect(
            "{ owners { name boom } }",
            equals: """
                {"errors":[{"message":"kaboom","locations":[{"line":1,"column":17}],"path":["owners",0,"boom"],"extensions":{"code":"BAD_USER_INPUT"}},{"message":"kaboom","locations":[{"line":1,"column":17}],"path":["owners",1,"boom"],"extensions":{"code":"BAD_USER_INPUT"}}],"data":{"owners":[{"name":"Ann","boom":null},{"name":"Ann","boom":null}]}}
                """)
    }

    @Test("a field selected twice (in the selection and in a fragment) fails once, located at both selections")
    func mergedFieldErrorLocations() async throws {
        let h = ExecutionHarness(executor: try makeExecutor())
        try await h.expect(
            "{ owner { boom ...F } }\nfragment F on Owner { boom }",
            equals: """
                {"errors":[{"message":"kaboom","locations":[{"line":1,"column":11},{"line":2,"column":23}],"path":["owner","boom"],"extensions":{"code":"BAD_USER_INPUT"}}],"data":{"owner":{"boom":null}}}
                """)
    }

    @Test("a nullable variable given as null for a non-null argument with a default is a field error at the variable")
    func nullVariableForNonNullArgument() async throws {
        let h = ExecutionHarness(executor: try makeExecutor())
        try await h.expect(
            "query Q($t: Int) { echo(times: $t) }", variables: ["t": .null],
            equals: """
                {"errors":[{"message":"Argument \\"times\\" of non-null type \\"Int!\\" must not be null.","locations":[{"line":1,"column":32}],"path":["echo"],"extensions":{"code":"BAD_USER_INPUT"}}],"data":null}
                """)
        // Left out, the variable leaves the argument to its default.
        try await h.expect("query Q($t: Int) { echo(times: $t) }", equals: #"{"data":{"echo":["default"]}}"#)
    }

    @Test("@skip or @include whose variable is given as null fails the operation at the variable, without data")
    func nullCondition() async throws {
        let h = ExecutionHarness(executor: try makeExecutor())
        let query = "query Q($hide: Boolean = false) { nums @skip(if: $hide) }"
        try await h.expect(
            query, variables: ["hide": .null],
            equals: """
                {"errors":[{"message":"Argument \\"if\\" of non-null type \\"Boolean!\\" must not be null.","locations":[{"line":1,"column":50}],"extensions":{"code":"BAD_USER_INPUT"}}],"data":null}
                """)
        try await h.expect(query, variables: ["hide": .bool(true)], equals: #"{"data":{}}"#)
    }

    @Test("nullable list items may be null; Int results outside 32 bits are field errors")
    func leafCoercion() async throws {
        let h = ExecutionHarness(executor: try makeExecutor())
        let (json, _) = await h.run("{ nums big }")
        #expect(json["data"]?["nums"] == .array([.int(1), .null, .int(3)]))
        #expect(json["data"]?["big"] == .null)
        #expect(json["errors"] != nil)
    }

    @Test("arguments use defaults, literals and variables; aliases keep their own arguments")
    func argumentsAndAliases() async throws {
        let h = ExecutionHarness(executor: try makeExecutor())
        try await h.expect(
            """
            query Q($n: Int!, $t: String) { a: echo b: echo(text: "x", times: 2) c: echo(text: $t, times: $n) sum: add(a: 2, b: $n) }
            """,
            variables: ["n": .int(3), "t": .string("v")],
            equals: """
                {"data":{"a":["default"],"b":["x","x"],"c":["v","v","v"],"sum":5}}
                """)
    }

    @Test("@skip and @include remove fields, fragments and inline fragments")
    func skipAndInclude() async throws {
        let h = ExecutionHarness(executor: try makeExecutor())
        try await h.expect(
            """
            query ($yes: Boolean!) { owner { name @skip(if: $yes) ... @include(if: false) { pets { __typename } } ...F @include(if: $yes) } }
            fragment F on Owner { favourite { name } }
            """,
            variables: ["yes": .bool(true)],
            equals: #"{"data":{"owner":{"favourite":{"name":"Tom"}}}}"#)
    }

    @Test("variables are coerced per the spec and bad ones fail the request with BAD_USER_INPUT")
    func variableCoercion() async throws {
        let h = ExecutionHarness(executor: try makeExecutor())
        let (ok, _) = await h.run("query ($n: Int!) { add(a: 1, b: $n) }", variables: ["n": .double(2.0)])
        #expect(ok["data"]?["add"] == .int(3))
        let (bad, response) = await h.run("query ($n: Int!) { add(a: 1, b: $n) }", variables: ["n": .string("2")])
        #expect(bad["data"] == nil)
        #expect(response.outcome == .requestError(.badUserInput))
        let (missing, _) = await h.run("query ($n: Int!) { add(a: 1, b: $n) }")
        #expect(missing["errors"]?.isNull == false)
        #expect(missing["data"] == nil)
    }

    @Test("parse and validation failures are request errors without data")
    func requestErrors() async throws {
        let h = ExecutionHarness(executor: try makeExecutor())
        let (parse, parseResponse) = await h.run("{ owner { ")
        #expect(parse["data"] == nil)
        #expect(parseResponse.outcome == .requestError(.parseFailed))
        let (invalid, invalidResponse) = await h.run("{ owner { nope } }")
        #expect(invalid["data"] == nil)
        #expect(invalidResponse.outcome == .requestError(.validationFailed))
    }

    @Test("operation selection by name; several operations without a name is an error")
    func operationSelection() async throws {
        let h = ExecutionHarness(executor: try makeExecutor())
        try await h.expect("query A { add(a: 1, b: 1) } query B { add(a: 2, b: 2) }", operationName: "B", equals: #"{"data":{"add":4}}"#)
        let (json, response) = await h.run("query A { add(a: 1, b: 1) } query B { add(a: 2, b: 2) }")
        #expect(json["data"] == nil)
        #expect(response.outcome == .requestError(.operationNotFound))
    }

    @Test("a repeated document is served from the document cache with the same answer")
    func documentCache() async throws {
        let h = ExecutionHarness(executor: try makeExecutor())
        let first = await h.run("{ add(a: 40, b: 2) }")
        let second = await h.run("{ add(a: 40, b: 2) }")
        #expect(first.response.bodyText == second.response.bodyText)
        #expect(first.json["data"]?["add"] == .int(42))
    }
}
