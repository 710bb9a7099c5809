import Foundation
import StrataExecution
import StrataJSON
import StrataModel
import StrataStorage
import Testing

/// SQL-injection payloads through every argument kind stay data: filters match only rows whose stored bytes
/// really satisfy them, created rows read back byte-identical, and every table keeps its rows.
@Suite struct InjectionTests {
    static let payloads: [String] = [
        "'; DROP TABLE tasks; --",
        "\" OR \"1\"=\"1",
        "' OR 1=1 --",
        "\\'; SELECT pg_sleep(5); --",
        "%' --",
        "%",
        "_",
        "\\",
        "\u{2019} OR \u{2018}1\u{2019}=\u{2018}1",
        "\u{FF07}; DROP TABLE users; --",
        "$1",
        "?",
        "?1 OR ?2",
        "Robert'); DROP TABLE users;--",
        "') UNION SELECT id, email FROM users --",
        "*/ OR 1=1 /*",
        "1; DELETE FROM projects",
        "\u{01}\u{07}\u{08}\u{0B}\u{0C}\u{1B}\u{7F}\t\r\n",
        "e0000000-0000-4000-8000-000000000001' OR '1'='1",
    ]

    static let taskCount = 16

    @Test("injection payloads stay data in lookups, filters, cursors, enums and mutations", arguments: ConformanceBackend.allCases)
    func payloadsStayData(backend: ConformanceBackend) async throws {
        let model = try ConformanceSchema.model()
        let dataset = try FixtureDataset.standard(model)
        guard let database = try await ConformanceDatabase.open(backend, dataset: dataset) else { return }
        let before = try await database.rowCounts()
        #expect(before == dataset.counts(model))
        var titles = Self.column(dataset, model, entity: "Task", field: "title")
        var tags = Self.listColumn(dataset, model, entity: "Task", field: "tags")
        let started = ContinuousClock.now
        var created = 0

        for (index, payload) in Self.payloads.enumerated() {
            let label = "\(backend) payload #\(index) \(payload.debugDescription)"
            let p: [String: JSONValue] = ["p": .string(payload)]

            // Lookups: no such id (or not an id at all): null, no error.
            let lookup = await database.run("query ($p: ID!) { task(id: $p) { id } project(id: $p) { id } }", variables: p)
            #expect(lookup.json == Self.parse(#"{"data":{"task":null,"project":null}}"#), "\(label): \(lookup.response.bodyText)")

            // String filters, by variable: exactly the rows an honest byte-wise test selects.
            let bytes = Array(payload.utf8)
            func ids(where predicate: (String) -> Bool) -> [String] {
                titles.filter { predicate($0.value) }.map(\.key).sorted()
            }
            let expectations: [(String, [String])] = [
                ("{ title: { eq: $p } }", ids { Array($0.utf8) == bytes }),
                ("{ title: { neq: $p } }", ids { Array($0.utf8) != bytes }),
                ("{ title: { in: [$p] } }", ids { Array($0.utf8) == bytes }),
                ("{ title: { notIn: [$p, \"x\"] } }", ids { Array($0.utf8) != bytes && $0 != "x" }),
                ("{ title: { contains: $p } }", ids { Self.utf8($0, contains: bytes) }),
                ("{ title: { startsWith: $p } }", ids { Array($0.utf8).starts(with: bytes) }),
                ("{ title: { endsWith: $p } }", ids { Array($0.utf8.reversed()).starts(with: bytes.reversed()) }),
                ("{ title: { gte: $p, lte: $p } }", ids { Array($0.utf8) == bytes }),
                (
                    "{ tags: { has: $p } }",
                    tags.filter { $0.value.contains { Array($0.utf8) == bytes } }.map(\.key).sorted()
                ),
                ("{ OR: [{ title: { eq: $p } }, { description: { eq: $p } }] }", ids { Array($0.utf8) == bytes }),
            ]
            for (filter, expected) in expectations {
                let result = await database.run(
                    "query ($p: String!) { tasks(where: \(filter)) { id } }", variables: p)
                #expect(
                    Self.ids(result.json["data"]?["tasks"]) == expected,
                    "\(label) \(filter): \(result.response.bodyText)")
            }

            // The same payload written inline as a GraphQL string literal.
            let literal = JSONValue.string(payload).serialized()
            let inline = await database.run("{ tasks(where: { title: { eq: \(literal) } }) { id } }")
            #expect(Self.ids(inline.json["data"]?["tasks"]) == ids { Array($0.utf8) == bytes }, "\(label) inline")

            // ID filters: a payload is not an id, so it matches nothing or is refused as bad input.
            let idFilter = await database.run(
                "query ($p: ID!) { tasks(where: { id: { eq: $p } }) { id } byIn: tasks(where: { projectId: { in: [$p] } }) { id } }",
                variables: p)
            Self.expectEmptyOrBadInput(idFilter.json, label: "\(label) id filter")

            // Cursors: the payload raw and base64-encoded are both invalid cursors.
            for cursor in [payload, Data(payload.utf8).base64EncodedString(), Data(("o:1" + payload).utf8).base64EncodedString()] {
                let paged = await database.run(
                    "query ($c: String) { tasksConnection(after: $c) { totalCount } }", variables: ["c": .string(cursor)])
                #expect(Self.codes(paged.json) == ["BAD_USER_INPUT"], "\(label) cursor \(cursor): \(paged.response.bodyText)")
            }

            // orderBy takes enum values only: the payload as an enum variable is refused before any I/O.
            let ordered = await database.run(
                "query ($f: TaskOrderField!) { tasks(orderBy: [{ field: $f }]) { id } }", variables: ["f": p["p"]!])
            #expect(ordered.json["data"] == nil || ordered.json["data"] == .null, "\(label) orderBy")
            #expect(!Self.codes(ordered.json).isEmpty, "\(label) orderBy: \(ordered.response.bodyText)")
            #expect(!Self.codes(ordered.json).contains("INTERNAL_SERVER_ERROR"), "\(label) orderBy")

            // Mutations: the payload in every string input is stored and read back byte for byte.
            let taskID = String(format: "e0000000-0000-4000-8000-0000000001%02d", index)
            let create = await database.run(
                """
                mutation ($id: ID!, $p: String!) {
                  createTask(input: { id: $id, title: $p, description: $p, status: TODO, priority: LOW, tags: [$p, "plain"],
                    projectId: "d0000000-0000-4000-8000-000000000001", createdById: "a0000000-0000-4000-8000-000000000001" }) {
                    title description tags
                  }
                }
                """, variables: ["id": .string(taskID), "p": .string(payload)])
            let echoed = Self.parse(
                #"{"data":{"createTask":{"title":\#(literal),"description":\#(literal),"tags":[\#(literal),"plain"]}}}"#)
            #expect(create.json.isByteIdentical(to: echoed), "\(label) create: \(create.response.bodyText)")
            created += 1
            titles[taskID] = payload + payload
            tags[taskID] = [payload, "plain"]

            let update = await database.run(
                "mutation ($id: ID!, $p: String!) { updateTask(id: $id, input: { title: $p, description: null }) { title description } }",
                variables: ["id": .string(taskID), "p": .string(payload + payload)])
            let doubled = JSONValue.string(payload + payload).serialized()
            #expect(
                update.json.isByteIdentical(to: Self.parse(#"{"data":{"updateTask":{"title":\#(doubled),"description":null}}}"#)),
                "\(label) update: \(update.response.bodyText)")

            let readBack = await database.run(
                "query ($id: ID!) { task(id: $id) { title description tags } }", variables: ["id": .string(taskID)])
            #expect(
                readBack.json.isByteIdentical(
                    to: Self.parse(
                        #"{"data":{"task":{"title":\#(doubled),"description":null,"tags":[\#(literal),"plain"]}}}"#)),
                "\(label) read back: \(readBack.response.bodyText)")

            let found = await database.run(
                "query ($p: String!) { tasks(where: { title: { eq: $p } }) { id } }", variables: ["p": .string(payload + payload)])
            #expect(Self.ids(found.json["data"]?["tasks"]) == [taskID], "\(label) find created")

            let user = await database.run(
                """
                mutation ($p: String!, $email: String!) {
                  createUser(input: { email: $email, name: $p, role: GUEST, status: ACTIVE, emailVerified: false }) { name email }
                }
                """, variables: ["p": .string(payload), "email": .string(payload + "@x")])
            #expect(
                user.json.isByteIdentical(
                    to: Self.parse(
                        #"{"data":{"createUser":{"name":\#(literal),"email":\#(JSONValue.string(payload + "@x").serialized())}}}"#)),
                "\(label) createUser: \(user.response.bodyText)")
        }

        // Every table is still there with exactly the rows it should have.
        var expectedCounts = dataset.counts(model)
        expectedCounts["Task", default: 0] += created
        expectedCounts["User", default: 0] += created
        // One audit entry per createTask, updateTask and createUser.
        expectedCounts["ActivityLog", default: 0] += created * 3
        let after = try await database.rowCounts()
        #expect(after == expectedCounts)
        // Nothing slept: pg_sleep(5) never ran.
        #expect(ContinuousClock.now - started < .seconds(60))
        await database.close()
    }

    static func parse(_ text: String) -> JSONValue {
        (try? JSONParser.parse(text)) ?? .string("<invalid JSON \(text)>")
    }

    static func codes(_ json: JSONValue) -> [String] {
        guard case .array(let errors)? = json["errors"] else { return [] }
        return errors.compactMap { error in
            if case .string(let code)? = error["extensions"]?["code"] { return code }
            return nil
        }
    }

    static func ids(_ list: JSONValue?) -> [String] {
        guard case .array(let items)? = list else { return ["<no list: \(list?.serialized() ?? "nil")>"] }
        return items.compactMap { item in
            if case .string(let id)? = item["id"] { return id }
            return nil
        }.sorted()
    }

    static func expectEmptyOrBadInput(_ json: JSONValue, label: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let codes = codes(json)
        if codes.isEmpty {
            #expect(
                json == parse(#"{"data":{"tasks":[],"byIn":[]}}"#), "\(label): \(json.serialized())",
                sourceLocation: sourceLocation)
        } else {
            #expect(codes.allSatisfy { $0 == "BAD_USER_INPUT" }, "\(label): \(json.serialized())", sourceLocation: sourceLocation)
        }
    }

    static func utf8(_ text: String, contains needle: [UInt8]) -> Bool {
        let haystack = Array(text.utf8)
        if needle.isEmpty { return true }
        guard haystack.count >= needle.count else { return false }
        for start in 0...(haystack.count - needle.count) where Array(haystack[start..<start + needle.count]) == needle {
            return true
        }
        return false
    }

    /// Primary key → string value of one column, from the dataset.
    static func column(_ dataset: FixtureDataset, _ model: DataModel, entity: String, field: String) -> [String: String] {
        guard let binding = model.entities[entity], let index = binding.fieldColumns[field] else { return [:] }
        var result: [String: String] = [:]
        for row in dataset.rows[entity] ?? [] {
            if case .string(let key) = row[binding.entity.primaryKey], case .string(let value) = row[index] {
                result[key] = value
            }
        }
        return result
    }

    static func listColumn(_ dataset: FixtureDataset, _ model: DataModel, entity: String, field: String) -> [String: [String]] {
        guard let binding = model.entities[entity], let index = binding.fieldColumns[field] else { return [:] }
        var result: [String: [String]] = [:]
        for row in dataset.rows[entity] ?? [] {
            if case .string(let key) = row[binding.entity.primaryKey], case .stringList(let value) = row[index] {
                result[key] = value
            }
        }
        return result
    }
}
