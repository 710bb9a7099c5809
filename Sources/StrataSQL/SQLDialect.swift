public import StrataStorage

/// What differs between the SQL backends the renderer targets. Every hook returns `SQL` fragments, so values
/// still travel as bindings; only identifiers and schema literals are quoted, each by one function here.
public protocol SQLDialect: Sendable {
    /// The placeholder for the `index`-th binding (from 1) of a value for a column of `type`, when known.
    func placeholder(_ index: Int, type: ColumnType?) -> String

    /// The one identifier-quoting function (double quotes, embedded quotes doubled).
    func quoteIdentifier(_ name: String) -> String

    /// The one literal-quoting function, for schema-sourced strings (enumeration values, column defaults).
    func quoteLiteral(_ text: String) -> String

    /// The column type in DDL (without constraints).
    func typeName(for type: ColumnType) -> String

    var trueLiteral: String { get }
    var falseLiteral: String { get }

    /// How a column is read in a select list or `RETURNING` clause, e.g. a conversion to a wire-friendly form.
    func selectExpression(for column: ColumnDescriptor) -> SQL

    /// `column` equals one of `values` (non-empty, no NULLs, each of the column's case).
    func membership(_ column: ColumnDescriptor, values: [StorageValue]) -> SQL

    /// `membership` for the keys of a lookup, whose number runs from one to the batch size.
    func keyMembership(_ column: ColumnDescriptor, values: [StorageValue]) -> SQL

    /// A `FROM` item with one row per value of `values` (non-empty, no NULLs, each of the column's case), its one
    /// column named `column1`, aliased `alias`: the parents a per-parent page is read for.
    func keyRows(_ column: ColumnDescriptor, values: [StorageValue], alias: SQL) -> SQL

    /// How a related read that stops after a few rows per parent reaches each parent's first rows without
    /// reading all of its children.
    var perParentPage: PerParentPageStyle { get }

    /// A `stringList` column holds an element equal to `element`.
    func listContains(_ column: ColumnDescriptor, element: String) -> SQL
    /// A non-NULL `stringList` column holds no element.
    func listIsEmpty(_ column: ColumnDescriptor) -> SQL

    /// Byte-wise, case-sensitive substring test; `needle` is non-empty and has no NUL.
    func textTest(_ column: ColumnDescriptor, needle: String, position: TextPosition) -> SQL

    /// `LIMIT`/`OFFSET` clause (with a leading space), or empty.
    func limitClause(limit: Int?, offset: Int) -> SQL

    /// A constant of the column's type, used as the default when a NOT NULL column is added to an existing table.
    func defaultLiteral(for column: ColumnDescriptor) -> SQL

    /// Checks beyond enumeration values the backend needs to enforce the column type (e.g. SQLite booleans).
    func typeCheck(for column: ColumnDescriptor) -> SQL?

    /// A query returning one row per existing column of `table` whose first result column is the column name;
    /// no rows when the table does not exist.
    func columnInspection(table: String) -> SQL
}

/// Where a substring test looks for its needle.
/// See `SQLDialect.perParentPage`.
public enum PerParentPageStyle: Sendable, Hashable {
    /// `keys CROSS JOIN LATERAL (SELECT … WHERE fk = key ORDER BY … LIMIT n)` (PostgreSQL).
    case lateralJoin
    /// `keys JOIN t ON t.pk IN (SELECT pk FROM t WHERE fk = key ORDER BY … LIMIT n)`, a correlated subquery run
    /// once per key (SQLite, which has no `LATERAL`).
    case correlatedMembership
}

public enum TextPosition: Sendable, Hashable {
    case anywhere, prefix, suffix
}

extension SQLDialect {
    public func quoteIdentifier(_ name: String) -> String {
        // Nearly every name has neither a quote nor a NUL: wrap it without going through its scalars.
        if !name.utf8.contains(where: { $0 == UInt8(ascii: "\"") || $0 == 0 }) { return "\"" + name + "\"" }
        var quoted = "\""
        for scalar in name.unicodeScalars {
            if scalar == "\"" { quoted += "\"\"" } else if scalar != "\0" { quoted.unicodeScalars.append(scalar) }
        }
        quoted += "\""
        return quoted
    }

    public func quoteLiteral(_ text: String) -> String {
        var quoted = "'"
        for scalar in text.unicodeScalars {
            if scalar == "'" { quoted += "''" } else if scalar != "\0" { quoted.unicodeScalars.append(scalar) }
        }
        quoted += "'"
        return quoted
    }

    public func selectExpression(for column: ColumnDescriptor) -> SQL { "\(column)" }
}

extension SQLDialect {
    public func keyMembership(_ column: ColumnDescriptor, values: [StorageValue]) -> SQL {
        membership(column, values: values)
    }
}
