/// A value as storage holds it. Every adapter reads and writes exactly these cases.
///
/// - `timestamp`: microseconds since 1970-01-01T00:00:00Z (UTC). PostgreSQL `timestamptz`, SQLite INTEGER.
/// - `date`: days since 1970-01-01. PostgreSQL `date`, SQLite TEXT `YYYY-MM-DD`.
/// - `uuid` values travel as `.string` in canonical lowercase form; the column type tells the adapter.
/// - `json`: JSON text, stored as text on every backend so it round-trips byte for byte.
/// - `stringList`: PostgreSQL `text[]`, SQLite a JSON array in TEXT.
public enum StorageValue: Sendable, Hashable, CustomStringConvertible {
    case null
    case bool(Bool)
    case int(Int64)
    case double(Double)
    case string(String)
    case timestamp(Int64)
    case date(Int32)
    case json(String)
    case stringList([String])

    @inlinable public var isNull: Bool {
        if case .null = self { return true }
        return false
    }

    public var description: String {
        switch self {
        case .null: "null"
        case .bool(let b): String(b)
        case .int(let i): String(i)
        case .double(let d): String(d)
        case .string(let s): "\"\(s)\""
        case .timestamp(let t): "timestamp(\(t))"
        case .date(let d): "date(\(d))"
        case .json(let j): "json(\(j))"
        case .stringList(let l): "\(l)"
        }
    }
}
