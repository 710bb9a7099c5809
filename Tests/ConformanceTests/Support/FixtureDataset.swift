import Foundation
import StrataJSON
import StrataModel
import StrataSchema
import StrataStorage

/// `Fixtures/dataset.json`: rows per GraphQL type, keyed by GraphQL field names, in GraphQL's value forms
/// (DateTime text with an offset, Date text, UUIDs, JSON values, enum names, string lists).
///
/// Conversion goes through the model: each field's column type (from `EntityDescriptor`) decides the storage value.
/// Omitted `@createdAt`/`@updatedAt` fields get `defaultTimestamp`, an omitted `@version` gets 1, any other
/// omitted field is NULL (a NOT NULL column then fails loudly at insert).
struct FixtureDataset: Sendable {
    /// 2024-01-01T00:00:00Z.
    static let defaultTimestamp: Int64 = 1_704_067_200_000_000

    /// Storage rows by entity name.
    let rows: [String: [Row]]

    static let url = ConformanceSchema.testsDirectory.appendingPathComponent("Fixtures/dataset.json")

    /// The dataset in `Fixtures/dataset.json`, converted for `model`.
    static func standard(_ model: DataModel) throws -> FixtureDataset {
        let text = try String(contentsOf: url, encoding: .utf8)
        return try FixtureDataset(json: try JSONParser.parse(text), model: model)
    }

    init(json: JSONValue, model: DataModel) throws(ConformanceFailure) {
        guard case .object(let types) = json else { throw ConformanceFailure("dataset.json must be an object") }
        var rows: [String: [Row]] = [:]
        for member in types {
            guard let binding = model.entities[member.key] else {
                throw ConformanceFailure("dataset type \(member.key) is not a @table type")
            }
            guard case .array(let objects) = member.value else {
                throw ConformanceFailure("dataset.\(member.key) must be an array")
            }
            var converted: [Row] = []
            for (index, object) in objects.enumerated() {
                guard case .object(let fields) = object else {
                    throw ConformanceFailure("\(member.key)[\(index)] must be an object")
                }
                converted.append(try Self.row(fields, binding: binding, label: "\(member.key)[\(index)]"))
            }
            rows[member.key, default: []] += converted
        }
        self.rows = rows
    }

    init(rows: [String: [Row]]) { self.rows = rows }

    /// Row counts by entity name (every entity of the model, 0 when it has no rows).
    func counts(_ model: DataModel) -> [String: Int] {
        var result: [String: Int] = [:]
        for entity in model.storage.entities { result[entity.name] = rows[entity.name]?.count ?? 0 }
        return result
    }

    /// Inserts every row through `insertMany`, one transaction per entity, in `model.storage.entities` order.
    func load(into adapter: any StorageAdapter, model: DataModel) async throws {
        for entity in model.storage.entities {
            guard let entityRows = rows[entity.name], !entityRows.isEmpty else { continue }
            let name = entity.name
            try await adapter.transaction { transaction in
                var start = 0
                while start < entityRows.count {
                    let end = min(start + 500, entityRows.count)
                    try await transaction.insertMany(name, rows: Array(entityRows[start..<end]))
                    start = end
                }
            }
        }
    }

    static func row(_ fields: [JSONMember], binding: EntityBinding, label: String) throws(ConformanceFailure) -> Row {
        let entity = binding.entity
        var values = [StorageValue](repeating: .null, count: entity.columns.count)
        var given = Set<Int>()
        for field in fields {
            guard let index = binding.fieldColumns[field.key] else {
                throw ConformanceFailure("\(label): \(binding.typeName) has no stored field \(field.key)")
            }
            values[index] = try storageValue(field.value, column: entity.columns[index], label: "\(label).\(field.key)")
            given.insert(index)
        }
        for index in [binding.createdAtColumn, binding.updatedAtColumn].compactMap({ $0 }) where !given.contains(index) {
            values[index] = .timestamp(defaultTimestamp)
        }
        if let version = entity.versionColumn, !given.contains(version) { values[version] = .int(1) }
        return Row(values)
    }

    static func storageValue(_ value: JSONValue, column: ColumnDescriptor, label: String)
        throws(ConformanceFailure) -> StorageValue
    {
        func wrong(_ expected: String) -> ConformanceFailure {
            ConformanceFailure("\(label): expected \(expected), got \(value.serialized())")
        }
        if case .null = value { return .null }
        switch column.type {
        case .uuid:
            guard case .string(let text) = value, let canonical = UUIDText.canonical(text) else {
                throw wrong("a UUID")
            }
            return .string(canonical)
        case .string:
            guard case .string(let text) = value else { throw wrong("a string") }
            return .string(text)
        case .int:
            guard case .int(let number) = value else { throw wrong("an integer") }
            return .int(number)
        case .double:
            switch value {
            case .int(let number): return .double(Double(number))
            case .double(let number): return .double(number)
            default: throw wrong("a number")
            }
        case .bool:
            guard case .bool(let flag) = value else { throw wrong("a boolean") }
            return .bool(flag)
        case .timestamp:
            guard case .string(let text) = value, let micros = DateTimeText.parse(text) else {
                throw wrong("a DateTime with an offset")
            }
            return .timestamp(micros)
        case .date:
            guard case .string(let text) = value, let days = DateText.parse(text) else { throw wrong("a Date") }
            return .date(days)
        case .json:
            return .json(value.serialized())
        case .stringList:
            guard case .array(let items) = value else { throw wrong("a list of strings") }
            var strings: [String] = []
            for item in items {
                guard case .string(let text) = item else { throw wrong("a list of strings") }
                strings.append(text)
            }
            return .stringList(strings)
        case .enumeration(let names):
            guard case .string(let name) = value, names.contains(name) else {
                throw wrong("one of \(names.joined(separator: ", "))")
            }
            return .string(name)
        }
    }
}
