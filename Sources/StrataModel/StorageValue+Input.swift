internal import StrataJSON
internal import StrataSchema
internal import StrataStorage

extension ColumnDescriptor {
    /// A coerced GraphQL input value as this column stores it. `nil`/`.null` → `.null` (callers decide whether
    /// null is allowed). Throws `BAD_USER_INPUT` for values of the wrong kind, unknown enum values and
    /// malformed UUIDs.
    func storageValue(_ input: InputValue) throws(ModelError) -> StorageValue {
        func wrong() -> ModelError {
            ModelError.badInput("Invalid value for field `\(field)`: expected \(expectation).", field: field)
        }
        if case .null = input { return .null }
        switch type {
        case .uuid:
            let text: String
            switch input {
            case .string(let s): text = s
            case .int(let i): text = String(i)
            default: throw wrong()
            }
            guard let canonical = UUIDText.canonical(text) else {
                throw ModelError.badInput("Invalid UUID \"\(text.prefix(64))\" for field `\(field)`.", field: field)
            }
            return .string(canonical)
        case .string:
            guard case .string(let s) = input else { throw wrong() }
            return .string(s)
        case .int:
            guard case .int(let i) = input else { throw wrong() }
            return .int(Int64(i))
        case .double:
            switch input {
            case .float(let d): return .double(d)
            case .int(let i): return .double(Double(i))
            default: throw wrong()
            }
        case .bool:
            guard case .boolean(let b) = input else { throw wrong() }
            return .bool(b)
        case .timestamp:
            guard case .dateTime(let micros) = input else { throw wrong() }
            return .timestamp(micros)
        case .date:
            guard case .date(let days) = input else { throw wrong() }
            return .date(days)
        case .json:
            switch input {
            case .json(let value): return .json(value.serialized())
            default: throw wrong()
            }
        case .stringList:
            guard case .list(let items) = input else { throw wrong() }
            var strings: [String] = []
            strings.reserveCapacity(items.count)
            for item in items {
                guard case .string(let s) = item else { throw wrong() }
                strings.append(s)
            }
            return .stringList(strings)
        case .enumeration(let values):
            let name: String
            switch input {
            case .enumValue(let n), .string(let n): name = n
            default: throw wrong()
            }
            guard values.contains(name) else {
                throw ModelError.badInput(
                    "Invalid value \(name) for field `\(field)`: expected one of \(values.joined(separator: ", ")).",
                    field: field)
            }
            return .string(name)
        }
    }

    private var expectation: String {
        switch type {
        case .uuid: "a UUID"
        case .string: "a String"
        case .int: "an Int"
        case .double: "a Float"
        case .bool: "a Boolean"
        case .timestamp: "a DateTime"
        case .date: "a Date"
        case .json: "a JSON value"
        case .stringList: "a list of strings"
        case .enumeration: "an enum value"
        }
    }
}

extension ColumnDescriptor {
    /// Whether this is the primary key column of `entity`.
    func isPrimaryKey(of entity: EntityDescriptor) -> Bool { entity.primaryKeyColumn.name == name }
}
