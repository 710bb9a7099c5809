/// One stored row: values in the entity's column order (`EntityDescriptor.columns`).
/// Columns not asked for in a request's `columns` may be `.null`.
public struct Row: Sendable, Hashable {
    public var values: [StorageValue]

    @inlinable public init(_ values: [StorageValue]) { self.values = values }

    @inlinable public subscript(_ index: Int) -> StorageValue { values[index] }
}

/// One page of rows with, when asked for, the number of rows matching the filter before paging.
public struct Page: Sendable, Hashable {
    public var rows: [Row]
    public var totalCount: Int?

    public init(rows: [Row], totalCount: Int? = nil) {
        self.rows = rows
        self.totalCount = totalCount
    }
}

/// Rows whose `column` equals one of `keys` (the primary key or a unique column), and that match `filter`.
/// Result rows come back in any order, at most one per key for unique columns; missing keys are simply absent.
/// Requests are values: equal requests return equal results, so a request is its own cache key.
public struct LookupRequest: Sendable, Hashable {
    public var entity: String
    public var column: String
    public var keys: [StorageValue]
    /// Extra conditions (soft delete, row-level security) ANDed into the lookup.
    public var filter: Predicate?
    /// Column names to fetch; `nil` means all. Adapters always include `column` itself.
    public var columns: [String]?
    /// The caller's promise that `keys` holds no null and no key twice (byte for byte), so an adapter need not
    /// deduplicate them. The executor's loaders make it; anything else leaves it false.
    public var keysAreDistinct: Bool

    public init(
        entity: String, column: String, keys: [StorageValue], filter: Predicate? = nil, columns: [String]? = nil,
        keysAreDistinct: Bool = false
    ) {
        self.entity = entity
        self.column = column
        self.keys = keys
        self.filter = filter
        self.columns = columns
        self.keysAreDistinct = keysAreDistinct
    }
}

/// A filtered, ordered, paginated list of one entity.
/// `orderBy` is complete: the caller appends the primary key as the last tie-breaker; adapters order by exactly it.
public struct ListRequest: Sendable, Hashable {
    public var entity: String
    public var filter: Predicate?
    public var orderBy: [SortKey]
    public var offset: Int
    /// `nil`: no limit.
    public var limit: Int?
    public var includeTotalCount: Bool
    public var columns: [String]?

    public init(
        entity: String, filter: Predicate? = nil, orderBy: [SortKey] = [], offset: Int = 0, limit: Int? = nil,
        includeTotalCount: Bool = false, columns: [String]? = nil
    ) {
        self.entity = entity
        self.filter = filter
        self.orderBy = orderBy
        self.offset = offset
        self.limit = limit
        self.includeTotalCount = includeTotalCount
        self.columns = columns
    }
}

/// The children of many parents at once: rows of `entity` whose `foreignKey` column equals a parent key,
/// filtered, ordered and paged *per parent* (`offset`/`limit` apply within each parent's rows).
/// One request is one statement on SQL backends (window functions), whatever the number of parents.
/// The result has one `Page` per entry of `parentKeys`, in the same order (duplicates allowed).
public struct RelatedRequest: Sendable, Hashable {
    public var entity: String
    public var foreignKey: String
    public var parentKeys: [StorageValue]
    public var filter: Predicate?
    public var orderBy: [SortKey]
    public var offset: Int
    public var limit: Int?
    public var includeTotalCount: Bool
    public var columns: [String]?
    /// The caller's promise that `parentKeys` holds no null and no key twice (byte for byte), as
    /// `LookupRequest.keysAreDistinct`.
    public var keysAreDistinct: Bool

    public init(
        entity: String, foreignKey: String, parentKeys: [StorageValue], filter: Predicate? = nil,
        orderBy: [SortKey] = [], offset: Int = 0, limit: Int? = nil, includeTotalCount: Bool = false,
        columns: [String]? = nil, keysAreDistinct: Bool = false
    ) {
        self.entity = entity
        self.foreignKey = foreignKey
        self.parentKeys = parentKeys
        self.filter = filter
        self.orderBy = orderBy
        self.offset = offset
        self.limit = limit
        self.includeTotalCount = includeTotalCount
        self.columns = columns
        self.keysAreDistinct = keysAreDistinct
    }
}
