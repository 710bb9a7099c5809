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

extension StorageValue {
    /// `width` nulls: a row for an adapter to fill in place, one per fetched row.
    ///
    /// Built by reserving and appending, not with `Array(repeating:count:)`, which reaches the standard library's
    /// unspecialized buffer allocation and looks up the array storage's generic metadata at run time on every call:
    /// about 330 instructions a row, as many as decoding a user row's five columns.
    @inlinable public static func nullRow(width: Int) -> [StorageValue] {
        var row: [StorageValue] = []
        row.reserveCapacity(width)
        for _ in 0..<width { row.append(.null) }
        return row
    }
}
