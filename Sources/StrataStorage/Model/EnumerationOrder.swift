/// Enumeration columns sort in the order their values are declared in the schema (`LOW < MEDIUM < HIGH <
/// CRITICAL`), not by their names' bytes: the order a reader of the schema expects, and the one PostgreSQL gives its
/// own enum types. Every backend implements it: the memory adapter through `StorageValue.orderValue(declared:)`,
/// the SQL renderer with a `CASE` over the declared values, and the SQL adapters' own per-parent ordering
/// through `StorageValue.orderCompare(_:_:descending:declared:)`.
extension ColumnType {
    /// The declared values when the column is an enumeration, whose values `orderBy` ranks by declaration;
    /// nil for every other type.
    public var declaredOrder: [String]? {
        if case .enumeration(let values) = self { return values }
        return nil
    }
}

extension StorageValue {
    /// The value `orderBy` compares: for an enumeration column (`declared` non-nil), the position of the value among
    /// the declared values (a name not declared, which validation rules out, after them all); NULL and every
    /// value of other columns unchanged.
    public func orderValue(declared: [String]?) -> StorageValue {
        guard let declared, case .string(let name) = self else { return self }
        return .int(Int64(declared.firstIndex(of: name) ?? declared.count))
    }

    /// `orderCompare` on the values `orderBy` compares for a column whose declared enumeration values are
    /// `declared` (nil: not an enumeration).
    public static func orderCompare(
        _ a: StorageValue, _ b: StorageValue, descending: Bool, declared: [String]?
    ) -> Int {
        guard let declared else { return orderCompare(a, b, descending: descending) }
        return orderCompare(a.orderValue(declared: declared), b.orderValue(declared: declared), descending: descending)
    }
}
