/// The read side, shared by the adapter (on a published snapshot) and transactions (on their working copy).
extension MemoryDatabase {
    func lookup(_ request: LookupRequest) throws(StorageError) -> [Row] {
        let entity = try schema.entityIndex(request.entity)
        let descriptor = schema.entities[entity]
        let column = try schema.columnIndex(request.column, in: entity)
        try schema.validateColumns(request.columns, in: entity)
        let filter = try request.filter.map { p throws(StorageError) in try MemoryPredicate(p, entity: descriptor) }
        try validateKeys(request.keys, column: column, entity: entity)
        let table = tables[entity]
        var rows: [Row] = []
        rows.reserveCapacity(request.keys.count)
        var seen = Set<MemoryKey>(minimumCapacity: request.keys.count > 1 ? request.keys.count : 0)
        let unique = table.hasUniqueIndex(column)
        for key in request.keys where !key.isNull {
            if request.keys.count > 1 && !seen.insert(MemoryKey(key)).inserted { continue }
            if unique {
                if let slot = table.slot(unique: column, key: key), let row = table.row(at: slot),
                    filter?.matches(row) ?? true
                {
                    rows.append(row)
                }
            } else {
                for slot in table.slots(where: column, equals: key) {
                    if let row = table.row(at: slot), filter?.matches(row) ?? true { rows.append(row) }
                }
            }
        }
        return rows
    }

    func list(_ request: ListRequest) throws(StorageError) -> Page {
        let entity = try schema.entityIndex(request.entity)
        let descriptor = schema.entities[entity]
        try schema.validateColumns(request.columns, in: entity)
        try Self.validatePaging(offset: request.offset, limit: request.limit)
        let filter = try request.filter.map { p throws(StorageError) in try MemoryPredicate(p, entity: descriptor) }
        let ordering = try MemoryOrdering(request.orderBy, entity: descriptor)
        let table = tables[entity]
        var candidates: [Row] = []
        candidates.reserveCapacity(filter == nil ? table.liveCount : min(table.liveCount, 1024))
        for chunk in table.rows.chunks {
            for case let row? in chunk where filter?.matches(row) ?? true { candidates.append(row) }
        }
        return ordering.page(
            candidates, offset: request.offset, limit: request.limit, includeTotalCount: request.includeTotalCount)
    }

    func related(_ request: RelatedRequest) throws(StorageError) -> [Page] {
        let entity = try schema.entityIndex(request.entity)
        let descriptor = schema.entities[entity]
        let column = try schema.columnIndex(request.foreignKey, in: entity)
        try schema.validateColumns(request.columns, in: entity)
        try Self.validatePaging(offset: request.offset, limit: request.limit)
        try validateKeys(request.parentKeys, column: column, entity: entity)
        let filter = try request.filter.map { p throws(StorageError) in try MemoryPredicate(p, entity: descriptor) }
        let ordering = try MemoryOrdering(request.orderBy, entity: descriptor)
        let table = tables[entity]
        let empty = Page(rows: [], totalCount: request.includeTotalCount ? 0 : nil)
        var pages: [Page] = []
        pages.reserveCapacity(request.parentKeys.count)
        var computed: [MemoryKey: Int] = [:]  // parent key → position in `pages` of its first page
        for key in request.parentKeys {
            if key.isNull {
                pages.append(empty)
                continue
            }
            if let earlier = computed[MemoryKey(key)] {
                pages.append(pages[earlier])
                continue
            }
            var candidates: [Row] = []
            for slot in table.slots(where: column, equals: key) {
                guard let row = table.row(at: slot), filter?.matches(row) ?? true else { continue }
                candidates.append(row)
            }
            computed[MemoryKey(key)] = pages.count
            pages.append(
                ordering.page(
                    candidates, offset: request.offset, limit: request.limit,
                    includeTotalCount: request.includeTotalCount))
        }
        return pages
    }

    /// Keys must have the column's storage case (or be NULL, which matches nothing).
    func validateKeys(_ keys: [StorageValue], column: Int, entity: Int) throws(StorageError) {
        let descriptor = schema.entities[entity].columns[column]
        for key in keys where !descriptor.acceptsCase(of: key) {
            throw StorageError(
                .invalidRequest, "Key has the wrong type.",
                detail: "\(schema.entities[entity].name).\(descriptor.name) of type \(descriptor.type) got \(key)",
                column: descriptor.name)
        }
    }

    static func validatePaging(offset: Int, limit: Int?) throws(StorageError) {
        if offset < 0 || (limit ?? 0) < 0 {
            throw StorageError(.invalidRequest, "Offset and limit must not be negative.")
        }
    }
}
