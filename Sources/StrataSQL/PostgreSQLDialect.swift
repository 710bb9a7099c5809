public import StrataStorage

/// PostgreSQL 13+. Parameters are `$N` with a cast to the column's type, so drivers can send every value in
/// text format; strings, enumerations and JSON text compare with `COLLATE "C"` (byte order), set on the columns at
/// creation.
public struct PostgreSQLDialect: SQLDialect {
    public init() {}

    public func placeholder(_ index: Int, type: ColumnType?) -> String {
        guard let type else { return "$\(index)" }
        return "$\(index)::\(castName(for: type))"
    }

    /// The type a parameter is cast to (no collation: casts cannot carry one).
    func castName(for type: ColumnType) -> String {
        switch type {
        case .uuid: "uuid"
        case .string, .json, .enumeration: "text"
        case .int: "bigint"
        case .double: "double precision"
        case .bool: "boolean"
        case .timestamp: "timestamptz"
        case .date: "date"
        case .stringList: "text[]"
        }
    }

    public func typeName(for type: ColumnType) -> String {
        switch type {
        case .string, .enumeration, .json: "text COLLATE \"C\""
        default: castName(for: type)
        }
    }

    public var trueLiteral: String { "TRUE" }
    public var falseLiteral: String { "FALSE" }

    /// `= $1::T` for one value; else one array parameter (`= ANY($1::T[])`) when every value is a string or an
    /// integer, so the statement text does not depend on the number of values; an `IN` list otherwise.
    public func membership(_ column: ColumnDescriptor, values: [StorageValue]) -> SQL {
        // One key (a lookup by id, the most common read): a plain equality on a typed parameter, which the server
        // plans and runs without building and searching an array.
        if values.count == 1 { return "\(column) = \(SQL.bindList(values, as: column.type))" }
        guard let array = arrayParameter(values, of: column) else {
            return "\(column) IN (\(SQL.bindList(values, as: column.type)))"
        }
        return "\(column) = ANY(\(array))"
    }

    /// Several keys are matched through a join with their array, `column IN (SELECT unnest($1))`, not `= ANY($1)`:
    /// a lookup is a prepared statement, and its generic plan cannot hash a parameter array, so `= ANY` compared
    /// every row with every key (the users of 50 projects' owners and tasks' assignees: 0.65–0.70 ms on the server
    /// after the first five runs, against 0.2 ms for the join's generic plan with 600 keys in `EXPLAIN ANALYZE`).
    public func keyMembership(_ column: ColumnDescriptor, values: [StorageValue]) -> SQL {
        guard values.count > 1, let array = arrayParameter(values, of: column) else {
            return membership(column, values: values)
        }
        return "\(column) IN (SELECT unnest(\(array)))"
    }

    /// `unnest` of one array parameter when every key is a string or an integer (statement text independent of
    /// the number of keys), a `VALUES` list otherwise.
    public func keyRows(_ column: ColumnDescriptor, values: [StorageValue], alias: SQL) -> SQL {
        guard let array = arrayParameter(values, of: column) else {
            return "(VALUES \(SQL.bindList(values, as: column.type, rows: true))) AS \(alias) (column1)"
        }
        return "unnest(\(array)) AS \(alias) (column1)"
    }

    /// `$N::T[]` binding every value as the text of one array, or nil when a value is neither a string nor an
    /// integer.
    private func arrayParameter(_ values: [StorageValue], of column: ColumnDescriptor) -> SQL? {
        var texts: [String] = []
        texts.reserveCapacity(values.count)
        for value in values {
            switch value {
            case .string(let s): texts.append(s)
            case .int(let i): texts.append(String(i))
            default: return nil
            }
        }
        return SQL.bind(.stringList(texts)) + SQL(unsafeRaw: "::\(castName(for: column.type))[]")
    }

    public var perParentPage: PerParentPageStyle { .lateralJoin }

    public func listIsEmpty(_ column: ColumnDescriptor) -> SQL {
        "cardinality(\(column)) = 0"
    }

    public func listContains(_ column: ColumnDescriptor, element: String) -> SQL {
        "\(.string(element), as: .string) = ANY(\(column))"
    }

    public func textTest(_ column: ColumnDescriptor, needle: String, position: TextPosition) -> SQL {
        let text: SQL = if case .uuid = column.type { "\(column)::text" } else { "\(column)" }
        return switch position {
        case .anywhere: "strpos(\(text), \(.string(needle), as: .string)) > 0"
        case .prefix: "strpos(\(text), \(.string(needle), as: .string)) = 1"
        case .suffix: "right(\(text), char_length(\(.string(needle), as: .string))) = \(.string(needle), as: .string)"
        }
    }

    public func limitClause(limit: Int?, offset: Int) -> SQL {
        switch (limit, offset) {
        case (nil, 0): ""
        case (nil, _): " OFFSET \(.int(Int64(offset)), as: .int)"
        case (let limit?, 0): " LIMIT \(.int(Int64(limit)), as: .int)"
        case (let limit?, _): " LIMIT \(.int(Int64(limit)), as: .int) OFFSET \(.int(Int64(offset)), as: .int)"
        }
    }

    public func defaultLiteral(for column: ColumnDescriptor) -> SQL {
        switch column.type {
        case .int, .double: "0"
        case .bool: "FALSE"
        case .timestamp: .literal("1970-01-01T00:00:00Z")
        case .string: .literal("")
        case .uuid: .literal("00000000-0000-0000-0000-000000000000")
        case .date: .literal("1970-01-01")
        case .json: .literal("null")
        case .stringList: .literal("{}")
        case .enumeration(let values): .literal(values.first ?? "")
        }
    }

    public func typeCheck(for column: ColumnDescriptor) -> SQL? { nil }

    public func columnInspection(table: String) -> SQL {
        let source: SQL = "SELECT column_name FROM information_schema.columns"
        return "\(source) WHERE table_schema = current_schema() AND table_name = \(.string(table), as: .string)"
    }
}
