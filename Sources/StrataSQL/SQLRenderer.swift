public import StrataStorage

/// Turns storage requests into statements for one dialect and one model. A value: build it once per adapter.
///
/// Requests are validated the way the memory adapter validates them (unknown entities and columns, operands of
/// the wrong case, negative paging: `.invalidRequest`), so every backend rejects the same requests.
public struct SQLRenderer: Sendable {
    public let dialect: any SQLDialect
    public let model: StorageModel
    /// Texts of filterless lookups by shape (shared by copies of this renderer).
    let lookupTexts = LookupTextCache()
    /// Statements of small lists by request (shared by copies of this renderer).
    let listTexts = ListTextCache()

    public init(dialect: any SQLDialect, model: StorageModel) {
        self.dialect = dialect
        self.model = model
    }

    /// The statement for a fragment, rendered in this renderer's dialect.
    public func statement(_ sql: SQL) -> SQLStatement { sql.render(in: dialect) }

    func entity(_ name: String) throws(StorageError) -> EntityDescriptor {
        guard let entity = model[entity: name] else {
            throw StorageError(.invalidRequest, "Unknown entity.", detail: "entity \(name)")
        }
        return entity
    }

    func columnIndex(_ name: String, in entity: EntityDescriptor) throws(StorageError) -> Int {
        guard let index = entity.columnIndex(name) else {
            throw StorageError(.invalidRequest, "Unknown column.", detail: "\(entity.name).\(name)", column: name)
        }
        return index
    }

    /// The entity columns a read fetches, in entity order: all, or the requested ones plus the primary key and
    /// `required` (the lookup or foreign-key column).
    func selection(_ names: [String]?, in entity: EntityDescriptor, required: Int?) throws(StorageError) -> [Int] {
        guard let names else { return Array(entity.columns.indices) }
        var wanted = [Bool].filled(false, count: entity.columns.count)
        wanted[entity.primaryKey] = true
        if let required { wanted[required] = true }
        for name in names { wanted[try columnIndex(name, in: entity)] = true }
        return wanted.indices.filter { wanted[$0] }
    }

    /// `"a", "b"` as the outermost select list (through the dialect's select expression).
    func selectList(_ columns: [Int], of entity: EntityDescriptor) -> SQL {
        columns.map { dialect.selectExpression(for: entity.columns[$0]) }.joined(separator: ", ")
    }

    /// `"a", "b"` as plain column references (inner queries).
    func columnList(_ columns: [Int], of entity: EntityDescriptor) -> SQL {
        columns.map { "\(entity.columns[$0])" }.joined(separator: ", ")
    }

    static func validatePaging(offset: Int, limit: Int?) throws(StorageError) {
        if offset < 0 || (limit ?? 0) < 0 {
            throw StorageError(.invalidRequest, "Offset and limit must not be negative.")
        }
    }

    /// Keys for a membership test: each key's case is checked against the column. Unless the caller promised they
    /// are distinct and not null (the loaders do, having deduplicated them with one hash per key), NULLs (which
    /// match nothing) and byte-wise duplicates are dropped; a NULL in promised keys breaks the promise, and they
    /// are deduplicated after all.
    func membershipKeys(
        _ keys: [StorageValue], promisedDistinct: Bool, column: ColumnDescriptor, entity: EntityDescriptor
    ) throws(StorageError) -> [StorageValue] {
        guard promisedDistinct else { return try distinctKeys(keys, column: column, entity: entity) }
        for key in keys where key.isNull || !column.acceptsStorageCase(of: key) {
            guard key.isNull else { throw wrongKeyType(key, column: column, entity: entity) }
            return try distinctKeys(keys, column: column, entity: entity)
        }
        return keys
    }

    /// `keys` with each key's case checked, NULLs and byte-wise duplicates dropped.
    func distinctKeys(_ keys: [StorageValue], column: ColumnDescriptor, entity: EntityDescriptor) throws(StorageError)
        -> [StorageValue]
    {
        var seen = Set<ByteWiseKey>(minimumCapacity: keys.count)
        var distinct: [StorageValue] = []
        distinct.reserveCapacity(keys.count)
        for key in keys {
            guard column.acceptsStorageCase(of: key) else { throw wrongKeyType(key, column: column, entity: entity) }
            if !key.isNull && seen.insert(ByteWiseKey(key)).inserted { distinct.append(key) }
        }
        return distinct
    }

    private func wrongKeyType(_ key: StorageValue, column: ColumnDescriptor, entity: EntityDescriptor) -> StorageError {
        StorageError(
            .invalidRequest, "Key has the wrong type.",
            detail: "\(entity.name).\(column.name) of type \(column.type) got \(key)", column: column.name)
    }
}

/// Names the renderer gives its own result columns and subqueries (quoted like any identifier).
enum RendererName {
    static let rowNumber = "__strata_rn"
    static let totalCount = "__strata_total"
    static let page = "__strata_page"
    static let parents = "__strata_parents"
}
