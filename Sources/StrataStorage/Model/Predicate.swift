/// A filter over one entity's columns (referenced by SQL column name).
///
/// Semantics every adapter implements identically (the memory adapter is the reference):
/// - two-valued logic: a comparison involving a NULL column value is false (never unknown), so
///   `not(p)` matches exactly the rows `p` does not; SQL adapters render `NOT p` as `(p) IS NOT TRUE`.
/// - `.compare(_, .notEqual, v)` does not match NULL column values.
/// - string comparison and ordering is by Unicode scalar value (= UTF-8 byte order, PostgreSQL `COLLATE "C"`).
/// - `contains`/`startsWith`/`endsWith` are case-sensitive, byte-wise substring tests.
/// - `in` with an empty list matches nothing.
/// - `listContains` tests a `stringList` column for an element equal to the string;
///   `compare(col, .equal, .stringList([]))` on a `stringList` column tests for an empty (non-NULL) list.
/// - `and([])` is true, `or([])` is false.
public indirect enum Predicate: Sendable, Hashable {
    case and([Predicate])
    case or([Predicate])
    case not(Predicate)
    case compare(String, ComparisonOperator, StorageValue)
    case isIn(String, [StorageValue])
    case isNull(String)
    case contains(String, String)
    case startsWith(String, String)
    case endsWith(String, String)
    case listContains(String, String)

    public static let alwaysTrue = Predicate.and([])
    public static let alwaysFalse = Predicate.or([])

    /// `self AND other`, flattening nested conjunctions.
    public func and(_ other: Predicate?) -> Predicate {
        guard let other else { return self }
        switch (self, other) {
        case (.and(let a), .and(let b)): return .and(a + b)
        case (.and(let a), _): return .and(a + [other])
        case (_, .and(let b)): return .and([self] + b)
        default: return .and([self, other])
        }
    }
}

public enum ComparisonOperator: String, Sendable, Hashable {
    case equal = "="
    case notEqual = "<>"
    case less = "<"
    case lessOrEqual = "<="
    case greater = ">"
    case greaterOrEqual = ">="
}

/// One ordering term. NULLs sort last in both directions on every backend.
public struct SortKey: Sendable, Hashable {
    public var column: String
    public var descending: Bool

    public init(_ column: String, descending: Bool = false) {
        self.column = column
        self.descending = descending
    }
}
