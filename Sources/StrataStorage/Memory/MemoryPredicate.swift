/// A `Predicate` resolved against one entity: column names become positions, operands are checked against the
/// column types once, and evaluation follows the contract's two-valued logic (a comparison with NULL is false).
indirect enum MemoryPredicate: Sendable {
    case constant(Bool)
    case and([MemoryPredicate])
    case or([MemoryPredicate])
    case not(MemoryPredicate)
    /// A comparison with a non-NULL operand.
    case compare(Int, ComparisonOperator, StorageValue)
    /// `<`, `<=`, `>` or `>=` on an enumeration column, by declared position (`EnumerationOrder.swift`): the operand
    /// is its position already, the column's values are the declared names.
    case compareDeclared(Int, ComparisonOperator, StorageValue, declared: [String])
    case isInList(Int, [StorageValue])
    case isInSet(Int, Set<MemoryKey>)
    case isNull(Int)
    case text(Int, [UInt8], UTF8Bytes.Position)
    case listContains(Int, String)
    /// A non-NULL string list with no element.
    case listIsEmpty(Int)

    /// Above this many operands `isIn` hashes instead of scanning.
    private static let setThreshold = 8

    /// Whether an ordering comparison `op` holds for a three-way comparison result `order`.
    @inline(__always)
    private static func holds(_ op: ComparisonOperator, _ order: Int) -> Bool {
        switch op {
        case .less: order < 0
        case .lessOrEqual: order <= 0
        case .greater: order > 0
        case .greaterOrEqual: order >= 0
        case .equal: order == 0
        case .notEqual: order != 0
        }
    }

    init(_ predicate: Predicate, entity: EntityDescriptor) throws(StorageError) {
        switch predicate {
        case .and(let parts):
            var compiled: [MemoryPredicate] = []
            compiled.reserveCapacity(parts.count)
            for part in parts { compiled.append(try MemoryPredicate(part, entity: entity)) }
            self = compiled.isEmpty ? .constant(true) : (compiled.count == 1 ? compiled[0] : .and(compiled))
        case .or(let parts):
            var compiled: [MemoryPredicate] = []
            compiled.reserveCapacity(parts.count)
            for part in parts { compiled.append(try MemoryPredicate(part, entity: entity)) }
            self = compiled.isEmpty ? .constant(false) : (compiled.count == 1 ? compiled[0] : .or(compiled))
        case .not(let inner):
            self = .not(try MemoryPredicate(inner, entity: entity))
        case .compare(let name, .equal, .stringList(let list)) where list.isEmpty:
            let column = try Self.column(name, in: entity, operand: .null)
            guard case .stringList = entity.columns[column].type else { throw Self.unsupported("isEmpty", name, entity) }
            self = .listIsEmpty(column)
        case .compare(let name, let op, let value):
            let column = try Self.column(name, in: entity, operand: value)
            guard entity.columns[column].isComparable else { throw Self.unsupported("comparison", name, entity) }
            if value.isNull {
                self = .constant(false)
            } else if let declared = entity.columns[column].type.declaredOrder, op != .equal, op != .notEqual {
                self = .compareDeclared(column, op, value.orderValue(declared: declared), declared: declared)
            } else {
                self = .compare(column, op, value)
            }
        case .isIn(let name, let values):
            var column = 0
            if values.isEmpty {
                column = try Self.column(name, in: entity, operand: .null)
            }
            for value in values { column = try Self.column(name, in: entity, operand: value) }
            guard entity.columns[column].isComparable else { throw Self.unsupported("in", name, entity) }
            let operands = values.filter { !$0.isNull }
            if operands.isEmpty {
                self = .constant(false)
            } else if operands.count > Self.setThreshold {
                self = .isInSet(column, Set(operands.map(MemoryKey.init)))
            } else {
                self = .isInList(column, operands)
            }
        case .isNull(let name):
            self = .isNull(try Self.column(name, in: entity, operand: .null))
        case .contains(let name, let text):
            self = try Self.textTest(name, text, .anywhere, entity)
        case .startsWith(let name, let text):
            self = try Self.textTest(name, text, .prefix, entity)
        case .endsWith(let name, let text):
            self = try Self.textTest(name, text, .suffix, entity)
        case .listContains(let name, let element):
            let column = try Self.column(name, in: entity, operand: .null)
            guard case .stringList = entity.columns[column].type else {
                throw Self.unsupported("listContains", name, entity)
            }
            self = .listContains(column, element)
        }
    }

    private static func column(_ name: String, in entity: EntityDescriptor, operand: StorageValue) throws(StorageError)
        -> Int
    {
        guard let column = entity.columnIndex(name) else {
            throw StorageError(.invalidRequest, "Unknown column in filter.", detail: "\(entity.name).\(name)", column: name)
        }
        guard entity.columns[column].acceptsCase(of: operand) else {
            throw StorageError(
                .invalidRequest, "Filter value has the wrong type.",
                detail: "\(entity.name).\(name) of type \(entity.columns[column].type) compared with \(operand)",
                column: name)
        }
        return column
    }

    private static func textTest(
        _ name: String, _ text: String, _ position: UTF8Bytes.Position, _ entity: EntityDescriptor
    ) throws(StorageError) -> MemoryPredicate {
        let column = try column(name, in: entity, operand: .null)
        guard entity.columns[column].isText else { throw unsupported("substring test", name, entity) }
        return .text(column, Array(text.utf8), position)
    }

    private static func unsupported(_ what: String, _ name: String, _ entity: EntityDescriptor) -> StorageError {
        StorageError(
            .invalidRequest, "This filter does not apply to the column's type.",
            detail: "\(what) on \(entity.name).\(name) of type \(entity.columns[entity.columnIndex(name) ?? 0].type)",
            column: name)
    }

    /// Whether the row satisfies the predicate.
    func matches(_ row: Row) -> Bool {
        switch self {
        case .constant(let value):
            return value
        case .and(let parts):
            for part in parts where !part.matches(row) { return false }
            return true
        case .or(let parts):
            for part in parts where part.matches(row) { return true }
            return false
        case .not(let inner):
            return !inner.matches(row)
        case .compare(let column, let op, let operand):
            let value = row.values[column]
            if value.isNull { return false }
            if op == .equal { return StorageValue.memoryEqual(value, operand) }
            if op == .notEqual { return !StorageValue.memoryEqual(value, operand) }
            return Self.holds(op, StorageValue.memoryCompare(value, operand))
        case .compareDeclared(let column, let op, let position, let declared):
            let value = row.values[column]
            if value.isNull { return false }
            return Self.holds(op, StorageValue.memoryCompare(value.orderValue(declared: declared), position))
        case .isInList(let column, let operands):
            let value = row.values[column]
            if value.isNull { return false }
            for operand in operands where StorageValue.memoryEqual(value, operand) { return true }
            return false
        case .isInSet(let column, let keys):
            let value = row.values[column]
            return !value.isNull && keys.contains(MemoryKey(value))
        case .isNull(let column):
            return row.values[column].isNull
        case .text(let column, let needle, let position):
            switch row.values[column] {
            case .string(let s), .json(let s): return UTF8Bytes.contains(s, needle, at: position)
            default: return false
            }
        case .listContains(let column, let element):
            guard case .stringList(let list) = row.values[column] else { return false }
            return list.contains { UTF8Bytes.equal($0, element) }
        case .listIsEmpty(let column):
            guard case .stringList(let list) = row.values[column] else { return false }
            return list.isEmpty
        }
    }
}
