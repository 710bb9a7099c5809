public import StrataSchema
public import StrataStorage

extension EntityBinding {
    /// Translates a coerced `TWhere` argument into a storage predicate on column names.
    ///
    /// Fields and operators are ANDed; `AND`/`OR`/`NOT` nest. `eq: null` means `isNull: true` and `neq: null`
    /// means `isNull: false`; other operators given null are ignored. `notIn` never matches NULL.
    /// Returns nil when the filter has no condition (no `where`, `{}`, `AND: []`).
    ///
    /// `AND`/`OR`/`NOT` may nest `maxWhereDepth` levels deep, around at most `maxWhereConditions` conditions (an
    /// `in` list is one); larger filters are refused as bad input on every backend alike. SQLite's statement parser
    /// gives up near a hundred nested `NOT`s, and its expression depth limit near a thousand `OR`ed conditions, where
    /// another backend would still answer.
    public func predicate(where input: InputValue?) throws(ModelError) -> Predicate? {
        var conditions = 0
        return try predicate(where: input, depth: 0, conditions: &conditions)
    }

    /// How many levels of `AND`/`OR`/`NOT` a `where` filter may nest.
    public static let maxWhereDepth = 32
    /// How many conditions (one operator on one field) a `where` filter may hold in all.
    public static let maxWhereConditions = 500

    private func predicate(
        where input: InputValue?, depth: Int, conditions: inout Int
    ) throws(ModelError) -> Predicate? {
        guard let input else { return nil }
        guard depth <= Self.maxWhereDepth else {
            throw ModelError.badInput(
                "`where` nests AND, OR and NOT more than \(Self.maxWhereDepth) levels deep in \(names.whereInput).")
        }
        switch input {
        case .null:
            return nil
        case .object(let fields):
            var parts: [Predicate] = []
            for field in fields {
                switch field.name {
                case "AND":
                    for item in try list(field.value, "AND") {
                        if let p = try predicate(where: item, depth: depth + 1, conditions: &conditions) {
                            parts.append(p)
                        }
                    }
                case "OR":
                    if case .null = field.value { continue }
                    var alternatives: [Predicate] = []
                    var matchesAll = false
                    for item in try list(field.value, "OR") {
                        if let p = try predicate(where: item, depth: depth + 1, conditions: &conditions) {
                            alternatives.append(p)
                        } else {
                            matchesAll = true
                        }
                    }
                    if !matchesAll { parts.append(alternatives.count == 1 ? alternatives[0] : .or(alternatives)) }
                case "NOT":
                    if case .null = field.value { continue }
                    let inner = try predicate(where: field.value, depth: depth + 1, conditions: &conditions)
                    parts.append(.not(inner ?? .alwaysTrue))
                default:
                    guard let index = fieldColumns[field.name] else {
                        throw ModelError.badInput("Unknown field `\(field.name)` in \(names.whereInput).")
                    }
                    let predicates = try fieldPredicates(entity.columns[index], field.value)
                    conditions += predicates.count
                    guard conditions <= Self.maxWhereConditions else {
                        throw ModelError.badInput(
                            "`where` holds more than \(Self.maxWhereConditions) conditions in \(names.whereInput); "
                                + "match many values with `in`.")
                    }
                    parts += predicates
                }
            }
            return Self.conjunction(parts)
        default:
            throw ModelError.badInput("`where` must be an input object of type \(names.whereInput).")
        }
    }

    private static func conjunction(_ parts: [Predicate]) -> Predicate? {
        switch parts.count {
        case 0: nil
        case 1: parts[0]
        default: .and(parts)
        }
    }

    private func list(_ value: InputValue, _ name: String) throws(ModelError) -> [InputValue] {
        switch value {
        case .null: return []
        case .list(let items): return items
        case .object: return [value]  // a single item given without brackets
        default: throw ModelError.badInput("`\(name)` must be a list of \(names.whereInput).")
        }
    }

    /// The conditions of one field's filter (`StringFilter`, `IntFilter`, …).
    private func fieldPredicates(_ column: ColumnDescriptor, _ filter: InputValue) throws(ModelError) -> [Predicate] {
        guard case .object(let operators) = filter else {
            if case .null = filter { return [] }
            throw ModelError.badInput("The filter on `\(column.field)` must be an input object.", field: column.field)
        }
        let name = column.name
        var parts: [Predicate] = []
        for op in operators {
            let value = op.value
            switch op.name {
            case "eq":
                parts.append(value.isNull ? .isNull(name) : .compare(name, .equal, try column.storageValue(value)))
            case "neq":
                parts.append(
                    value.isNull ? .not(.isNull(name)) : .compare(name, .notEqual, try column.storageValue(value)))
            case "in", "notIn":
                guard case .list(let items) = value else {
                    if value.isNull { continue }
                    throw ModelError.badInput("`\(op.name)` on `\(column.field)` must be a list.", field: column.field)
                }
                var values: [StorageValue] = []
                for item in items { values.append(try column.storageValue(item)) }
                parts.append(
                    op.name == "in" ? .isIn(name, values) : .and([.not(.isNull(name)), .not(.isIn(name, values))]))
            case "lt", "lte", "gt", "gte":
                if value.isNull { continue }
                let comparison: ComparisonOperator =
                    switch op.name {
                    case "lt": .less
                    case "lte": .lessOrEqual
                    case "gt": .greater
                    default: .greaterOrEqual
                    }
                parts.append(.compare(name, comparison, try column.storageValue(value)))
            case "contains", "startsWith", "endsWith":
                if value.isNull { continue }
                guard case .string(let text) = value else {
                    throw ModelError.badInput(
                        "`\(op.name)` on `\(column.field)` must be a String.", field: column.field)
                }
                parts.append(
                    op.name == "contains"
                        ? .contains(name, text)
                        : op.name == "startsWith" ? .startsWith(name, text) : .endsWith(name, text))
            case "has":
                if value.isNull { continue }
                guard case .string(let text) = value else {
                    throw ModelError.badInput("`has` on `\(column.field)` must be a String.", field: column.field)
                }
                parts.append(.listContains(name, text))
            case "isEmpty":
                guard case .boolean(let empty) = value else { continue }
                let isEmpty = Predicate.compare(name, .equal, .stringList([]))
                parts.append(empty ? isEmpty : .and([.not(.isNull(name)), .not(isEmpty)]))
            case "isNull":
                guard case .boolean(let null) = value else { continue }
                parts.append(null ? .isNull(name) : .not(.isNull(name)))
            default:
                throw ModelError.badInput(
                    "Unknown filter operator `\(op.name)` on `\(column.field)`.", field: column.field)
            }
        }
        return parts
    }
}
