import Foundation
import StrataDemoData
import StrataJSON
import StrataModel
import StrataStorage
import Testing

/// Statements per request grow with the depth of the selection, never with the number of rows, on every backend.
@Suite struct BatchingConformanceTests {
    static let nested = "{ projects(first: 50) { tasks(first: 20) { assignee { name } } } }"
    static let nestedAll = "{ projects(first: 1000) { tasks(first: 20) { assignee { name } } } }"

    /// 500 projects (3 tasks each) over 40 users, plus a little of everything else.
    static let manyProjects = DemoDataScale(
        users: 40, sessionsPerUser: 1, projects: 500, tasksPerProject: 3, laboratories: 2, membersPerLaboratory: 3,
        factors: 3, emissionRecords: 20, importsPerLaboratory: 1)

    static func demoDatabase(_ backend: ConformanceBackend, scale: DemoDataScale) async throws -> ConformanceDatabase? {
        let model = try ConformanceSchema.model()
        let generator = DemoDataGenerator(model: model.storage, scale: scale)
        var rows: [String: [Row]] = [:]
        for entity in generator.entityOrder { rows[entity] = generator.rows(for: entity) }
        return try await ConformanceDatabase.open(backend, dataset: FixtureDataset(rows: rows))
    }

    static func projectCount(_ json: JSONValue) -> Int {
        if case .array(let items)? = json["data"]?["projects"] { return items.count }
        return -1
    }

    @Test("projects → tasks → assignee is 3 statements with 5 projects and with 500", arguments: ConformanceBackend.allCases)
    func nestedListsAreThreeStatements(backend: ConformanceBackend) async throws {
        guard let small = try await Self.demoDatabase(backend, scale: .small) else { return }
        for query in [Self.nested, Self.nestedAll] {
            let (json, statements) = await small.counting(query)
            #expect(json["errors"] == nil, "\(json.serialized().prefix(300))")
            #expect(Self.projectCount(json) == 5)
            #expect(statements == 3, "\(backend) small: \(statements) statements for \(query)")
        }
        await small.close()

        guard let large = try await Self.demoDatabase(backend, scale: Self.manyProjects) else { return }
        let (json50, statements50) = await large.counting(Self.nested)
        #expect(json50["errors"] == nil)
        #expect(Self.projectCount(json50) == 50)
        #expect(statements50 == 3, "\(backend) 500 projects, first 50: \(statements50)")
        let (json500, statements500) = await large.counting(Self.nestedAll)
        #expect(json500["errors"] == nil)
        #expect(Self.projectCount(json500) == 500)
        #expect(statements500 == 3, "\(backend) 500 projects, all: \(statements500)")
        await large.close()
    }

    static func projects(_ json: JSONValue) -> [JSONValue] {
        if case .array(let items)? = json["data"]?["projects"] { return items }
        return []
    }

    @Test(
        "a project's owner waits one step and shares the users statement with its tasks' assignees",
        arguments: ConformanceBackend.allCases)
    func ownersJoinAssigneeLookups(backend: ConformanceBackend) async throws {
        guard let database = try await Self.demoDatabase(backend, scale: Self.manyProjects) else { return }
        let (json, statements) = await database.counting(
            "{ projects(first: 50) { name owner { name } tasks(first: 20) { title assignee { name } } } }")
        #expect(json["errors"] == nil, "\(json.serialized().prefix(300))")
        // projects; tasks; owners ∪ assignees.
        #expect(statements == 3, "\(backend): \(statements)")

        // The same owners and tasks as when each is asked for alone.
        let (owners, ownerStatements) = await database.counting("{ projects(first: 50) { owner { name } } }")
        let (tasks, _) = await database.counting(
            "{ projects(first: 50) { tasks(first: 20) { title assignee { name } } } }")
        #expect(ownerStatements == 2)
        let together = Self.projects(json)
        #expect(together.count == 50)
        #expect(together.map { $0["owner"] } == Self.projects(owners).map { $0["owner"] })
        #expect(together.map { $0["tasks"] } == Self.projects(tasks).map { $0["tasks"] })
        #expect(together.contains { $0["owner"]?["name"] != nil && $0["owner"]?["name"] != .null })

        // When the tasks fetched bring no assignee lookup after all, the owners still come (one step later).
        let (empty, emptyStatements) = await database.counting(
            #"{ projects(first: 50) { owner { name } tasks(first: 20, where: { title: { eq: "no such task" } }) { assignee { name } } } }"#)
        #expect(empty["errors"] == nil)
        #expect(emptyStatements == 3, "\(backend): \(emptyStatements)")
        #expect(Self.projects(empty).map { $0["owner"] } == Self.projects(owners).map { $0["owner"] })
        #expect(Self.projects(empty).allSatisfy { $0["tasks"] == .array([]) })
        await database.close()
    }

    @Test("fragments asking for the same relation share one fetch; aliases fetch once per argument set", arguments: ConformanceBackend.allCases)
    func fragmentsAndAliases(backend: ConformanceBackend) async throws {
        guard let database = try await Self.demoDatabase(backend, scale: .small) else { return }
        let (fragments, fragmentStatements) = await database.counting(
            """
            { projects(first: 5) { ...A ...B } }
            fragment A on Project { owner { name } tasks(first: 3) { title } }
            fragment B on Project { owner { email } tasks(first: 3) { status } }
            """)
        #expect(fragments["errors"] == nil)
        #expect(fragmentStatements == 3, "\(backend): \(fragmentStatements)")

        let (aliases, aliasStatements) = await database.counting(
            """
            { projects(first: 5) {
                a: tasks(first: 2) { title }
                b: tasks(first: 2) { id }
                c: tasks(first: 3) { title }
                d: tasks(first: 3, where: { status: { eq: TODO } }) { title }
                e: tasks(where: { status: { eq: TODO } }, first: 3) { id }
            } }
            """)
        #expect(aliases["errors"] == nil)
        // projects, tasks(first: 2), tasks(first: 3), tasks(first: 3, where: …) — `e` is `d` with its arguments reordered.
        #expect(aliasStatements == 4, "\(backend): \(aliasStatements)")
        await database.close()
    }

    /// `{ <list>(first: 5) { id <r1> { id <r2> { id } } } }` for every relation r1 of every entity and every
    /// relation r2 of r1's target (connection twins included).
    static func depthTwoQueries(_ model: DataModel) -> [String] {
        func selection(_ relation: RelationBinding, _ field: String, inner: String) -> String {
            if relation.isConnection { return "\(field)(first: 3) { totalCount nodes { id \(inner) } }" }
            if relation.kind == .hasMany { return "\(field)(first: 3) { id \(inner) }" }
            return "\(field) { id \(inner) }"
        }
        var queries: [String] = []
        for typeName in model.entities.keys.sorted() {
            guard let binding = model.entities[typeName] else { continue }
            for (field1, relation1) in binding.relations.sorted(by: { $0.key < $1.key }) {
                guard let target = model.entities[relation1.target] else { continue }
                queries.append("{ \(binding.names.plural)(first: 5) { id \(selection(relation1, field1, inner: "")) } }")
                for (field2, relation2) in target.relations.sorted(by: { $0.key < $1.key }) {
                    let inner = selection(relation2, field2, inner: "")
                    queries.append(
                        "{ \(binding.names.plural)(first: 5) { id \(selection(relation1, field1, inner: inner)) } }")
                }
            }
        }
        return queries
    }

    @Test("every relation at depth 1 and 2 takes at most depth + 1 statements, the same on every backend")
    func everyRelationAtDepthTwo() async throws {
        let model = try ConformanceSchema.model()
        let queries = Self.depthTwoQueries(model)
        #expect(queries.count > 50)
        var reference: [Int] = []
        guard let memory = try await Self.demoDatabase(.memory, scale: .small) else { return }
        for query in queries {
            let (json, statements) = await memory.counting(query)
            #expect(json["errors"] == nil, "\(query): \(json.serialized().prefix(300))")
            // One statement for the root list plus at most one per relation level (a level whose parents have no
            // keys, or whose rows the request already holds, needs none).
            let levels = query.components(separatedBy: "{ id").count - 1
            #expect(statements >= 1 && statements <= levels, "memory \(query): \(statements)")
            reference.append(statements)
        }
        await memory.close()
        for backend in [ConformanceBackend.sqlite, .postgres] {
            guard let database = try await Self.demoDatabase(backend, scale: .small) else { continue }
            for (index, query) in queries.enumerated() {
                let (json, statements) = await database.counting(query)
                #expect(json["errors"] == nil, "\(backend) \(query): \(json.serialized().prefix(300))")
                #expect(statements == reference[index], "\(backend) \(query): \(statements), memory \(reference[index])")
            }
            await database.close()
        }
    }

    @Test("extensions.statements reports what the recorder counted", arguments: ConformanceBackend.allCases)
    func reportedStatementsMatchRecorder(backend: ConformanceBackend) async throws {
        guard let database = try await Self.demoDatabase(backend, scale: .small) else { return }
        for query in [
            Self.nested, "{ tasksConnection(first: 2) { totalCount nodes { project { owner { email } } } } }",
            #"{ task(id: "00000000-0000-4000-8000-000000000000") { id } }"#,
        ] {
            let (json, statements) = await database.counting(query, reportStatements: true)
            #expect(json["errors"] == nil)
            var reported = 0
            if case .object(let sources)? = json["extensions"]?["statements"] {
                for source in sources {
                    if case .int(let count)? = source.value["count"] { reported += Int(count) }
                }
            }
            #expect(reported == statements, "\(backend) \(query): reported \(reported), recorded \(statements)")
            #expect(statements > 0)
        }
        await database.close()
    }
}
