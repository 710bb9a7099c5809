import HTTPTypes
import StrataTesting
import Testing

/// GraphQL over HTTP: requests, media types and status codes (served in-process through the router).
@Suite("GraphQL over HTTP")
struct GraphQLOverHTTPTests {
    static let graphQLResponseJSON = "application/graphql-response+json; charset=utf-8"
    static let json = "application/json; charset=utf-8"

    @Test("POST with a JSON body executes the query and answers 200 graphql-response+json")
    func postQuery() async throws {
        try await TestSchema.withApp { app in
            try await app.test { client in
                let response = try await client.post("{ books(orderBy: {field: PAGES, direction: ASC}) { title pages } }")
                #expect(response.status == 200)
                #expect(response.header("Content-Type") == Self.graphQLResponseJSON)
                #expect(response.text == #"{"data":{"books":[{"title":"Notes","pages":80},{"title":"Engines","pages":120},{"title":"C","pages":270}]}}"#)
            }
        }
    }

    @Test("GET with query, variables and operationName in the query string executes the query")
    func getQuery() async throws {
        try await TestSchema.withApp { app in
            try await app.test { client in
                let response = try await client.get(
                    "query A { authors { name } } query B($id: ID!) { author(id: $id) { name books { title } } }",
                    variables: ["id": .string(TestSchema.brian)], operationName: "B")
                #expect(response.status == 200)
                #expect(response.text == #"{"data":{"author":{"name":"Brian","books":[{"title":"C"}]}}}"#)
            }
        }
    }

    /// Request errors: 400 with graphql-response+json, 200 with application/json.
    static let requestErrors: [(name: String, query: String, variables: [String: JSONValue]?, operationName: String?, code: String)] = [
        ("parse error", "{ books { title ", nil, nil, "GRAPHQL_PARSE_FAILED"),
        ("validation error", "{ books { isbn } }", nil, nil, "GRAPHQL_VALIDATION_FAILED"),
        ("variable coercion error", "query($n: Int!) { books(first: $n) { title } }", ["n": .string("many")], nil, "BAD_USER_INPUT"),
        ("missing required variable", "query($n: Int!) { books(first: $n) { title } }", nil, nil, "BAD_USER_INPUT"),
        ("unknown operation", "query A { books { title } }", nil, "Nope", "OPERATION_RESOLUTION_FAILURE"),
    ]

    @Test("request errors get 400 under application/graphql-response+json", arguments: requestErrors.indices)
    func requestErrorWithGraphQLResponseJSON(_ index: Int) async throws {
        let error = Self.requestErrors[index]
        try await TestSchema.withApp { app in
            try await app.test { client in
                let response = try await client.post(
                    error.query, variables: error.variables, operationName: error.operationName,
                    accept: "application/graphql-response+json")
                #expect(response.status == 400, "\(error.name)")
                #expect(response.header("Content-Type") == Self.graphQLResponseJSON)
                let body = try #require(response.graphQL)
                #expect(body.errorCodes == Array(repeating: error.code, count: body.errors.count))
                #expect(!body.errors.isEmpty)
                #expect(body.data == nil, "request errors have no data entry")
            }
        }
    }

    @Test("request errors get 200 under application/json", arguments: requestErrors.indices)
    func requestErrorWithJSON(_ index: Int) async throws {
        let error = Self.requestErrors[index]
        try await TestSchema.withApp { app in
            try await app.test { client in
                let response = try await client.post(
                    error.query, variables: error.variables, operationName: error.operationName, accept: "application/json")
                #expect(response.status == 200, "\(error.name)")
                #expect(response.header("Content-Type") == Self.json)
                let body = try #require(response.graphQL)
                #expect(body.errorCodes.first == error.code)
            }
        }
    }

    @Test("a parse error sent with GET also gets 400 under graphql-response+json")
    func getParseError() async throws {
        try await TestSchema.withApp { app in
            try await app.test { client in
                let response = try await client.get("{ books {")
                #expect(response.status == 400)
                #expect(response.graphQL?.errorCodes == ["GRAPHQL_PARSE_FAILED"])
            }
        }
    }

    @Test("a mutation over GET is refused with 405 and Allow: POST, and nothing is written")
    func mutationOverGET() async throws {
        try await TestSchema.withApp { app in
            try await app.test { client in
                let response = try await client.get(#"mutation { createAuthor(input: {name: "Eve"}) { id } }"#)
                #expect(response.status == 405)
                #expect(response.header("Allow") == "POST")
                #expect(response.graphQL?.errorCodes == ["BAD_REQUEST"])
            }
            let authors = await app.execute("{ authors { name } }")
            #expect(authors.data == .object([JSONMember("authors", .array([
                .object([JSONMember("name", .string("Ada"))]), .object([JSONMember("name", .string("Brian"))]),
            ]))]))
        }
    }

    @Test("HEAD answers as GET would, and refuses a mutation with 405 without writing")
    func headAnswersAsGET() async throws {
        try await TestSchema.withApp { app in
            try await app.test { client in
                let accept = ["Accept": "application/graphql-response+json"]
                let query = StrataTestClient.formEncode("{ authors { name } }")
                let head = try await client.request(.head, "/graphql?query=\(query)", headers: accept)
                #expect(head.status == 200)
                #expect(head.header("Content-Type") == Self.graphQLResponseJSON)
                let bad = try await client.request(.head, "/graphql?query=%7B", headers: accept)
                #expect(bad.status == 400)
                let mutation = StrataTestClient.formEncode(#"mutation { createAuthor(input: {name: "Eve"}) { id } }"#)
                let refused = try await client.request(.head, "/graphql?query=\(mutation)", headers: accept)
                #expect(refused.status == 405)
                #expect(refused.header("Allow") == "POST")
            }
            let authors = await app.execute("{ authors { name } }")
            #expect(authors.data == .object([JSONMember("authors", .array([
                .object([JSONMember("name", .string("Ada"))]), .object([JSONMember("name", .string("Brian"))]),
            ]))]))
        }
    }

    @Test("a mutation over POST runs")
    func mutationOverPOST() async throws {
        try await TestSchema.withApp { app in
            try await app.test { client in
                let response = try await client.post(#"mutation { createAuthor(input: {name: "Eve"}) { name } }"#)
                #expect(response.status == 200)
                #expect(response.text == #"{"data":{"createAuthor":{"name":"Eve"}}}"#)
            }
        }
    }

    @Test("Content-Type other than application/json gets 415 with a JSON error", arguments: [
        "text/plain", "application/x-www-form-urlencoded", "application/graphql", "application/json; charset=latin1",
    ])
    func unsupportedContentType(_ contentType: String) async throws {
        try await TestSchema.withApp { app in
            try await app.test { client in
                let response = try await client.request(
                    .post, "/graphql", headers: ["Content-Type": contentType], body: Array(#"{"query":"{ authors { name } }"}"#.utf8))
                #expect(response.status == 415)
                #expect(response.graphQL?.errorCodes == ["BAD_REQUEST"])
            }
        }
    }

    @Test("a POST without Content-Type gets 415")
    func missingContentType() async throws {
        try await TestSchema.withApp { app in
            try await app.test { client in
                let response = try await client.request(.post, "/graphql", body: Array(#"{"query":"{ authors { name } }"}"#.utf8))
                #expect(response.status == 415)
            }
        }
    }

    @Test("application/json with charset=utf-8 is accepted")
    func jsonWithCharset() async throws {
        try await TestSchema.withApp { app in
            try await app.test { client in
                let response = try await client.request(
                    .post, "/graphql", headers: ["Content-Type": "Application/JSON; charset=UTF-8"],
                    body: Array(#"{"query":"{ authors { name } }"}"#.utf8))
                #expect(response.status == 200)
            }
        }
    }

    @Test("bodies that are not well-formed GraphQL-over-HTTP requests get 400 with a BAD_REQUEST error", arguments: [
        "{", "[]", "\"query\"", "{}", #"{"query": 42}"#, #"{"query": null}"#, #"{"query": "{ authors { name } }", "variables": [1]}"#,
        #"{"query": "{ authors { name } }", "variables": "{}"}"#, #"{"query": "{ authors { name } }", "operationName": 1}"#,
        #"{"query": "{ authors { name } }", "extensions": 3}"#, "",
    ])
    func malformedBody(_ body: String) async throws {
        try await TestSchema.withApp { app in
            try await app.test { client in
                for accept in ["application/graphql-response+json", "application/json"] {
                    let response = try await client.request(
                        .post, "/graphql", headers: ["Content-Type": "application/json", "Accept": accept], body: Array(body.utf8))
                    #expect(response.status == 400, "\(body) with \(accept)")
                    let json = try #require(response.json)
                    #expect(json["errors"]?[index: 0]?["extensions"]?["code"] == .string("BAD_REQUEST"))
                    #expect(json["errors"]?[index: 0]?["message"] != nil)
                }
            }
        }
    }

    @Test("a request naming a JSON key twice gets 400 naming the key, in the body and in GET parameters", arguments: [
        (#"{"query": "{ authors { name } }", "query": "mutation { deleteAuthor(id: \"x\") { id } }"}"#, #""query""#),
        (#"{"query": "query($n: Int) { books(first: $n) { title } }", "variables": {"n": 1, "n": 3}}"#, #""n" more than once at variables"#),
        (#"{"query": "{ authors { name } }", "extensions": {"a": [{"b": 1, "b": 2}]}}"#, #""b" more than once at extensions.a.0"#),
    ])
    func repeatedKeys(_ body: String, _ named: String) async throws {
        try await TestSchema.withApp { app in
            try await app.test { client in
                let response = try await client.request(
                    .post, "/graphql", headers: ["Content-Type": "application/json"], body: Array(body.utf8))
                #expect(response.status == 400)
                let json = try #require(response.json)
                #expect(json["errors"]?[index: 0]?["extensions"]?["code"] == .string("BAD_REQUEST"))
                guard case .string(let message)? = json["errors"]?[index: 0]?["message"] else {
                    Issue.record("no message")
                    return
                }
                #expect(message.contains(named), "\(message)")
                #expect(json["data"] == nil)
                let get = try await client.request(
                    .get, "/graphql?query=%7Bauthors%7Bname%7D%7D&variables=" + StrataTestClient.formEncode(#"{"a": {"x": 1, "x": 2}}"#))
                #expect(get.status == 400)
            }
            // The first query of the repeated-"query" body was not run as a mutation either way.
            let authors = await app.execute("{ authors { name } }")
            #expect(authors.data?["authors"]?[index: 1] != nil)
        }
    }

    @Test("a body that starts with a UTF-8 byte order mark is read as the JSON after it")
    func byteOrderMark() async throws {
        try await TestSchema.withApp { app in
            try await app.test { client in
                let response = try await client.request(
                    .post, "/graphql", headers: ["Content-Type": "application/json"],
                    body: [0xEF, 0xBB, 0xBF] + Array(#"{"query":"{ authors { name } }"}"#.utf8))
                #expect(response.status == 200)
                #expect(response.graphQL?.errors.isEmpty == true)
                let bomOnly = try await client.request(
                    .post, "/graphql", headers: ["Content-Type": "application/json"], body: [0xEF, 0xBB, 0xBF])
                #expect(bomOnly.status == 400)
            }
        }
    }

    @Test("null variables, operationName and extensions are allowed")
    func nullOptionalParameters() async throws {
        try await TestSchema.withApp { app in
            try await app.test { client in
                let response = try await client.request(
                    .post, "/graphql", headers: ["Content-Type": "application/json"],
                    body: Array(#"{"query":"{ authors { name } }","variables":null,"operationName":null,"extensions":null}"#.utf8))
                #expect(response.status == 200)
                #expect(response.graphQL?.errors.isEmpty == true)
            }
        }
    }

    @Test("GET variables that are not a JSON object get 400")
    func getBadVariables() async throws {
        try await TestSchema.withApp { app in
            try await app.test { client in
                let notJSON = try await client.request(.get, "/graphql?query=%7Bauthors%7Bname%7D%7D&variables=%7Bnope")
                #expect(notJSON.status == 400)
                let notObject = try await client.request(.get, "/graphql?query=%7Bauthors%7Bname%7D%7D&variables=%5B1%5D")
                #expect(notObject.status == 400)
                let noQuery = try await client.request(.get, "/graphql?variables=%7B%7D")
                #expect(noQuery.status == 400)
            }
        }
    }

    @Test("a body over maxBodyBytes gets 413 PAYLOAD_TOO_LARGE")
    func oversizedBody() async throws {
        try await TestSchema.withApp(maxBodyBytes: 256) { app in
            try await app.test { client in
                let padding = String(repeating: " ", count: 400)
                let response = try await client.post("{ authors { name } }" + padding)
                #expect(response.status == 413)
                #expect(response.graphQL?.errorCodes == ["PAYLOAD_TOO_LARGE"])
                let small = try await client.post("{ authors { name } }")
                #expect(small.status == 200)
            }
        }
    }

    @Test("Accept that allows neither JSON media type gets 406", arguments: [
        "text/html", "application/xml", "application/graphql-response+json;q=0, application/json;q=0",
        "text/*", "application/json; charset=latin1",
    ])
    func notAcceptable(_ accept: String) async throws {
        try await TestSchema.withApp { app in
            try await app.test { client in
                let response = try await client.post("{ authors { name } }", accept: accept)
                #expect(response.status == 406)
                #expect(response.header("Content-Type") == Self.json)
                #expect(response.graphQL?.errorCodes == ["BAD_REQUEST"])
            }
        }
    }

    @Test("the response media type follows Accept", arguments: [
        (nil, graphQLResponseJSON),
        ("*/*", json),
        ("application/*", json),
        ("application/graphql-response+json, */*", graphQLResponseJSON),
        ("application/json", json),
        ("application/graphql-response+json", graphQLResponseJSON),
        ("application/graphql-response+json, application/json;q=0.9", graphQLResponseJSON),
        ("application/graphql-response+json;q=0.5, application/json", json),
        ("text/html, application/json;q=0.8", json),
        ("*/*;q=0.1, application/json", json),
    ] as [(String?, String)])
    func negotiation(_ accept: String?, _ expected: String) async throws {
        try await TestSchema.withApp { app in
            try await app.test { client in
                let response = try await client.post("{ authors { name } }", accept: accept)
                #expect(response.status == 200)
                #expect(response.header("Content-Type") == expected)
            }
        }
    }

    @Test("a field error during execution gets 200 under graphql-response+json: the data entry is present")
    func executionErrorIs200() async throws {
        try await TestSchema.withApp { app in
            try await app.test { client in
                let response = try await client.post("{ books(first: -1) { title } }")
                #expect(response.status == 200)
                let body = try #require(response.graphQL)
                #expect(body.data == .null)
                #expect(body.errorCodes == ["BAD_USER_INPUT"])
                #expect(body.errors.first?["path"] == .array([.string("books")]))
            }
        }
    }

    @Test("other methods on /graphql get 405 listing GET, HEAD, POST and OPTIONS; unknown paths get 404")
    func methodsAndPaths() async throws {
        try await TestSchema.withApp { app in
            try await app.test { client in
                let put = try await client.request(.put, "/graphql", headers: ["Content-Type": "application/json"], body: Array("{}".utf8))
                #expect(put.status == 405)
                #expect(put.header("Allow") == "GET, HEAD, POST, OPTIONS")
                let missing = try await client.request(.get, "/nope")
                #expect(missing.status == 404)
                #expect(missing.graphQL?.errorCodes == ["NOT_FOUND"])
            }
        }
    }
}

extension JSONValue {
    subscript(index index: Int) -> JSONValue? {
        guard case .array(let items) = self, items.indices.contains(index) else { return nil }
        return items[index]
    }
}
