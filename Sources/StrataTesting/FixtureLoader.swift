import Foundation
import StrataModel
import StrataSchema
import StrataStorage

/// Writes fixture rows, given by GraphQL type and with GraphQL field names, straight through the storage layer.
///
/// Values are JSON as a client would send them: IDs/UUIDs and enum values as strings, `DateTime` as ISO 8601 text
/// (or an integer of microseconds since the epoch), `Date` as `YYYY-MM-DD`, `JSON` fields as any JSON value.
/// A missing primary key gets a random UUID, missing `@createdAt`/`@updatedAt` fields get `now`, a missing `@version`
/// field gets 1; every other missing field is NULL. Types are inserted in dependency order.
enum FixtureLoader {
    static func load(
        _ fixtures: [String: [[String: JSONValue]]], model: DataModel, adapters: [String: any StorageAdapter], now: Int64
    ) async throws {
        for unknown in fixtures.keys where model.entities[unknown] == nil {
            throw FixtureError("fixture type \(unknown) is not a @table type of the schema")
        }
        for entity in model.storage.entities {
            guard let objects = fixtures[entity.name], !objects.isEmpty, let binding = model.entities[entity.name] else {
                continue
            }
            guard let adapter = adapters[binding.source] else {
                throw FixtureError("no adapter serves source \(binding.source) of \(entity.name)")
            }
            var rows: [Row] = []
            rows.reserveCapacity(objects.count)
            for (index, object) in objects.enumerated() {
                rows.append(try row(object, binding: binding, now: now, label: "\(entity.name)[\(index)]"))
            }
            let toInsert = rows
            try await adapter.transaction { transaction in
                try await transaction.insertMany(entity.name, rows: toInsert)
            }
        }
    }

    static func row(_ object: [String: JSONValue], binding: EntityBinding, now: Int64, label: String) throws -> Row {
        let entity = binding.entity
        var values = [StorageValue](repeating: .null, count: entity.columns.count)
        var given = Set<Int>()
        for (field, value) in object {
            guard let index = binding.fieldColumns[field] else {
                throw FixtureError("\(label): \(binding.typeName) has no stored field \(field)")
            }
            values[index] = try storageValue(value, column: entity.columns[index], label: "\(label).\(field)")
            given.insert(index)
        }
        if !given.contains(entity.primaryKey) {
            values[entity.primaryKey] =
                entity.primaryKeyColumn.type == .int ? .int(Int64(given.count + 1)) : .string(UUID().uuidString.lowercased())
        }
        for index in [binding.createdAtColumn, binding.updatedAtColumn].compactMap({ $0 }) where !given.contains(index) {
            values[index] = .timestamp(now)
        }
        if let version = entity.versionColumn, !given.contains(version) { values[version] = .int(1) }
        return Row(values)
    }

    static func storageValue(_ value: JSONValue, column: ColumnDescriptor, label: String) throws -> StorageValue {
        func wrong(_ expected: String) -> FixtureError { FixtureError("\(label): expected \(expected), got \(value.serialized())") }
        if case .null = value { return .null }
        switch column.type {
        case .uuid:
            guard case .string(let text) = value, let canonical = UUIDText.canonical(text) else { throw wrong("a UUID string") }
            return .string(canonical)
        case .string:
            switch value {
            case .string(let text): return .string(text)
            case .int(let number): return .string(String(number))
            default: throw wrong("a string")
            }
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
            guard case .bool(let flag) = value else { throw wrong("true or false") }
            return .bool(flag)
        case .timestamp:
            switch value {
            case .int(let micros): return .timestamp(micros)
            case .string(let text):
                guard let micros = DateTimeText.parse(text) else { throw wrong("an ISO 8601 date-time") }
                return .timestamp(micros)
            default: throw wrong("an ISO 8601 date-time")
            }
        case .date:
            guard case .string(let text) = value, let days = DateText.parse(text) else { throw wrong("a YYYY-MM-DD date") }
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
