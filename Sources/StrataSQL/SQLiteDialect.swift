public import StrataStorage

/// SQLite 3.35+ (RETURNING, `NULLS LAST`, `IS NOT TRUE`, JSON functions). Values are bound with `?`; the adapter
/// converts them to SQLite storage classes (timestamps as INTEGER µs, dates as TEXT, lists as JSON text).
public struct SQLiteDialect: SQLDialect {
    public init() {}

    public func placeholder(_ index: Int, type: ColumnType?) -> String { "?" }

    public func typeName(for type: ColumnType) -> String {
        switch type {
        case .int, .bool, .timestamp: "INTEGER"
        case .double: "REAL"
        case .uuid, .string, .date, .json, .stringList, .enumeration: "TEXT"
        }
    }

    public var trueLiteral: String { "1" }
    public var falseLiteral: String { "0" }

    public func membership(_ column: ColumnDescriptor, values: [StorageValue]) -> SQL {
        "\(column) IN (\(SQL.bindList(values, as: column.type)))"
    }

    public func keyRows(_ column: ColumnDescriptor, values: [StorageValue], alias: SQL) -> SQL {
        "(VALUES \(SQL.bindList(values, as: column.type, rows: true))) AS \(alias)"
    }

    public var perParentPage: PerParentPageStyle { .correlatedMembership }

    public func listIsEmpty(_ column: ColumnDescriptor) -> SQL {
        "json_array_length(\(column)) = 0"
    }

    public func listContains(_ column: ColumnDescriptor, element: String) -> SQL {
        "EXISTS (SELECT 1 FROM json_each(\(column)) WHERE value = \(.string(element)))"
    }

    public func textTest(_ column: ColumnDescriptor, needle: String, position: TextPosition) -> SQL {
        // instr() finds the first occurrence: > 0 means anywhere, = 1 means at the start. length() and
        // substr() count characters, which agrees with bytes for valid UTF-8 without NUL.
        switch position {
        case .anywhere: "instr(\(column), \(.string(needle))) > 0"
        case .prefix: "instr(\(column), \(.string(needle))) = 1"
        case .suffix: "substr(\(column), -length(\(.string(needle)))) = \(.string(needle))"
        }
    }

    public func limitClause(limit: Int?, offset: Int) -> SQL {
        switch (limit, offset) {
        case (nil, 0): ""
        case (nil, _): " LIMIT -1 OFFSET \(.int(Int64(offset)))"
        case (let limit?, 0): " LIMIT \(.int(Int64(limit)))"
        case (let limit?, _): " LIMIT \(.int(Int64(limit))) OFFSET \(.int(Int64(offset)))"
        }
    }

    public func defaultLiteral(for column: ColumnDescriptor) -> SQL {
        switch column.type {
        case .int, .bool, .timestamp: "0"
        case .double: "0.0"
        case .string: .literal("")
        case .uuid: .literal("00000000-0000-0000-0000-000000000000")
        case .date: .literal("1970-01-01")
        case .json: .literal("null")
        case .stringList: .literal("[]")
        case .enumeration(let values): .literal(values.first ?? "")
        }
    }

    public func typeCheck(for column: ColumnDescriptor) -> SQL? {
        if case .bool = column.type { return "\(column) IN (0, 1)" }
        return nil
    }

    public func columnInspection(table: String) -> SQL {
        "SELECT name FROM pragma_table_info(\(.string(table)))"
    }
}
