import Foundation
import StrataDemoData
import StrataStorage
import Testing

@Suite("Demo data generator")
struct DemoDataGeneratorTests {
    let model: StorageModel

    init() throws { model = try DemoSchemaFixture.model() }

    func entity(_ name: String) throws -> EntityDescriptor { try #require(model[entity: name]) }

    @Test("the same scale generates identical rows, whatever the order entities are asked for")
    func deterministic() throws {
        let first = DemoDataGenerator(model: model, scale: .small)
        let second = DemoDataGenerator(model: model, scale: .small)
        let forward = first.entityOrder.map { first.rows(for: $0) }
        let backward = second.entityOrder.reversed().map { second.rows(for: $0) }.reversed()
        #expect(forward == Array(backward))
        #expect(forward.allSatisfy { !$0.isEmpty })
    }

    @Test("every entity of the default schema gets rows, in foreign-key order")
    func coversTheSchema() throws {
        let generator = DemoDataGenerator(model: model, scale: .small)
        #expect(Set(generator.entityOrder) == Set(model.entities.map(\.name)))
        var seen: Set<String> = []
        for name in generator.entityOrder {
            for column in try entity(name).columns {
                if let target = column.references?.entity { #expect(seen.contains(target), "\(name).\(column.name) → \(target)") }
            }
            seen.insert(name)
        }
        #expect(generator.rows(for: "tasks") == generator.rows(for: "Task"))
        #expect(generator.rows(for: "Nope").isEmpty)
    }

    @Test("counts follow the scale", arguments: [("small", DemoDataScale.small), ("benchmark", DemoDataScale.benchmark)])
    func counts(_ name: String, _ scale: DemoDataScale) throws {
        let generator = DemoDataGenerator(model: model, scale: scale)
        #expect(generator.rows(for: "User").count == scale.users)
        #expect(generator.rows(for: "Project").count == scale.projects)
        #expect(generator.rows(for: "Task").count == scale.projects * scale.tasksPerProject)
        #expect(generator.rows(for: "Laboratory").count == scale.laboratories)
        #expect(generator.rows(for: "EmissionFactor").count == scale.factors)
        #expect(generator.rows(for: "EmissionRecord").count == scale.emissionRecords)
        #expect(generator.rows(for: "Profile").count == scale.users - scale.users / 10)
        #expect(generator.rows(for: "CsvImport").count == scale.laboratories * scale.importsPerLaboratory)
        if name == "benchmark" {
            #expect(scale.users >= 1_000 && scale.tasksPerProject == 100 && scale.projects == 200)
            #expect(scale.emissionRecords == 50_000 && scale.laboratories == 20 && scale.factors == 60)
        }
    }

    @Test("rows are full width, typed like their columns, with declared enum values and canonical ids, every column used")
    func rowsMatchColumns() throws {
        let generator = DemoDataGenerator(model: model, scale: .small)
        for name in generator.entityOrder {
            let descriptor = try entity(name)
            var everSet = Set<Int>()
            for row in generator.rows(for: name) {
                try #require(row.values.count == descriptor.columns.count)
                for (position, value) in row.values.enumerated() where !value.isNull { everSet.insert(position) }
                for (column, value) in zip(descriptor.columns, row.values) {
                    #expect(value.isNull == false || column.isNullable, "\(name).\(column.name) is NULL")
                    #expect(Self.fits(value, column.type), "\(name).\(column.name) = \(value)")
                }
                if let version = descriptor.versionColumn { #expect(row[version] == .int(1)) }
                if let deleted = descriptor.softDeleteColumn { #expect(row[deleted] == .null) }
            }
            // Every column except the soft-delete one is filled somewhere: no column name was missed.
            let unfilled = descriptor.columns.indices.filter { !everSet.contains($0) && $0 != descriptor.softDeleteColumn }
            #expect(unfilled.isEmpty, "\(name) never fills \(unfilled.map { descriptor.columns[$0].name })")
        }
    }

    static func fits(_ value: StorageValue, _ type: ColumnType) -> Bool {
        switch (type, value) {
        case (_, .null): true
        case (.uuid, .string(let s)):
            s.utf8.count == 36 && s == s.lowercased() && s.split(separator: "-").map(\.count) == [8, 4, 4, 4, 12]
        case (.string, .string), (.int, .int), (.bool, .bool), (.timestamp, .timestamp), (.date, .date),
            (.json, .json), (.stringList, .stringList):
            true
        case (.double, .double(let d)): d.isFinite
        case (.enumeration(let values), .string(let s)): values.contains(s)
        default: false
        }
    }

    @Test("primary keys and unique columns are unique, and every foreign key points at a generated row")
    func integrity() throws {
        let generator = DemoDataGenerator(model: model, scale: .small)
        var rowsByEntity: [String: [Row]] = [:]
        for name in generator.entityOrder { rowsByEntity[name] = generator.rows(for: name) }
        for name in generator.entityOrder {
            let descriptor = try entity(name)
            let rows = rowsByEntity[name] ?? []
            for (position, column) in descriptor.columns.enumerated() {
                let values = rows.map { $0[position] }.filter { !$0.isNull }
                if position == descriptor.primaryKey || column.isUnique {
                    #expect(Set(values).count == values.count, "\(name).\(column.name) has duplicates")
                }
                guard let reference = column.references else { continue }
                let target = try entity(reference.entity)
                let targetColumn = try #require(target.columnIndex(reference.column))
                let keys = Set((rowsByEntity[reference.entity] ?? []).map { $0[targetColumn] })
                let dangling = values.filter { !keys.contains($0) }
                #expect(dangling.isEmpty, "\(name).\(column.name) has \(dangling.count) dangling references")
            }
        }
    }

    @Test("content is realistic: NULL shares, tags, unicode names, unique e-mails, exact kg CO2e")
    func realisticContent() throws {
        let generator = DemoDataGenerator(model: model, scale: .benchmark)
        let task = try entity("Task")
        let tasks = generator.rows(for: "Task")
        let unassigned = tasks.filter { $0.demoValue("assignee_id", in: task).isNull }.count
        #expect((tasks.count * 5 / 100)...(tasks.count * 15 / 100) ~= unassigned)
        let undated = tasks.filter { $0.demoValue("due_date", in: task).isNull }.count
        #expect((tasks.count * 25 / 100)...(tasks.count * 42 / 100) ~= undated)
        for row in tasks {
            guard case .stringList(let tags) = row.demoValue("tags", in: task) else { Issue.record("tags"); continue }
            #expect(tags.count <= 3 && Set(tags).count == tags.count)
        }
        #expect(Set(tasks.map { $0.demoValue("tags", in: task) }).contains(.stringList([])))

        let user = try entity("User")
        let users = generator.rows(for: "User")
        let names = users.map { $0.demoValue("name", in: user) }
        #expect(names.contains { if case .string(let s) = $0 { s.hasPrefix("Zoë") } else { false } })
        #expect(names.contains { if case .string(let s) = $0 { s.hasPrefix("Łukasz") } else { false } })
        #expect(names.contains { if case .string(let s) = $0 { s.hasPrefix("李雷") } else { false } })
        #expect(Set(users.map { $0.demoValue("email", in: user) }).count == users.count)

        let factor = try entity("EmissionFactor")
        var values: [StorageValue: Double] = [:]
        for row in generator.rows(for: "EmissionFactor") {
            guard case .double(let v) = row.demoValue("value", in: factor) else { continue }
            values[row.demoValue("id", in: factor)] = v
        }
        let record = try entity("EmissionRecord")
        let records = generator.rows(for: "EmissionRecord")
        for row in records {
            guard case .double(let quantity) = row.demoValue("quantity", in: record),
                case .double(let kg) = row.demoValue("kg_co2e", in: record),
                case .date(let day) = row.demoValue("activity_date", in: record),
                let value = values[row.demoValue("factor_id", in: record)]
            else {
                Issue.record("record columns missing")
                continue
            }
            #expect(kg == quantity * value)
            #expect((quantity * 100).rounded() / 100 == quantity && quantity > 0)
            #expect((19_358..<(19_358 + 730)).contains(day))
        }
        #expect(records.contains { !$0.demoValue("import_id", in: record).isNull })
    }

    @Test("imports report their rows: some with errors, totals matching records and error rows")
    func imports() throws {
        let generator = DemoDataGenerator(model: model, scale: .small)
        let csvImport = try entity("CsvImport")
        let record = try entity("EmissionRecord")
        let error = try entity("CsvImportError")
        let records = generator.rows(for: "EmissionRecord")
        let errors = generator.rows(for: "CsvImportError")
        #expect(!errors.isEmpty)
        for row in generator.rows(for: "CsvImport") {
            let id = row.demoValue("id", in: csvImport)
            let recordCount = records.filter { $0.demoValue("import_id", in: record) == id }.count
            let errorCount = errors.filter { $0.demoValue("import_id", in: error) == id }.count
            #expect(row.demoValue("error_count", in: csvImport) == .int(Int64(errorCount)))
            #expect(row.demoValue("total_rows", in: csvImport) == .int(Int64(recordCount + errorCount)))
            if row.demoValue("status", in: csvImport) == .string("FAILED") { #expect(recordCount == 0) }
        }
    }

    @Test("the small scale loads into the memory adapter with every constraint checked")
    func loadsIntoMemory() async throws {
        let adapter = MemoryAdapter(model: model)
        let generator = DemoDataGenerator(model: model, scale: .small)
        try await generator.load(into: adapter, batchSize: 7)
        for name in generator.entityOrder {
            #expect(adapter.count(name) == generator.rows(for: name).count, "\(name)")
        }
        let task = try entity("Task")
        let pages = try await adapter.related(
            RelatedRequest(
                entity: "Task", foreignKey: "project_id",
                parentKeys: generator.rows(for: "Project").map { $0[0] }, orderBy: [SortKey("id")],
                includeTotalCount: true))
        #expect(pages.map(\.totalCount) == Array(repeating: DemoDataScale.small.tasksPerProject, count: 5))
        #expect(pages[0].rows.first?.demoValue("title", in: task) == generator.rows(for: "Task").first?.demoValue("title", in: task))
    }

    @Test("scales are found by name, by multiplier, and from the environment")
    func scaleNames() {
        #expect(DemoDataScale.named("small") == .small)
        #expect(DemoDataScale.named("benchmark") == .benchmark)
        #expect(DemoDataScale.named("2")?.users == 40)
        #expect(DemoDataScale.named("2")?.emissionRecords == 600)
        #expect(DemoDataScale.named("0.5")?.projects == 3)
        #expect(DemoDataScale.named("0") == nil)
        #expect(DemoDataScale.named("lots") == nil)
        #expect(DemoDataScale.fromEnvironment() == (DemoDataScale.named(Self.environmentScale ?? "small") ?? .small))
    }

    static var environmentScale: String? {
        guard let raw = getenv("STRATA_DEMO_SCALE") else { return nil }
        return String(cString: raw)
    }
}
