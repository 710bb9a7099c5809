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
        // A repeated key is skipped by its row's slot: equal keys (byte-wise) find the same slots and different keys
        // different ones, and an integer hashes cheaper than the key. A key without rows adds nothing either way.
        // Keys the caller promises distinct (under `==`, so byte-wise too) are not checked again.
        let dedupe = request.keys.count > 1 && !request.keysAreDistinct
        var seen = Set<Int>(minimumCapacity: dedupe ? request.keys.count : 0)
        let unique = table.hasUniqueIndex(column)
        for key in request.keys where !key.isNull {
            if unique {
                guard let slot = table.slot(unique: column, key: key) else { continue }
                if dedupe && !seen.insert(slot).inserted { continue }
                if let row = table.row(at: slot), filter?.matches(row) ?? true { rows.append(row) }
            } else {
                let slots = table.slots(where: column, equals: key)
                guard let first = slots.first else { continue }
                if dedupe && !seen.insert(first).inserted { continue }
                for slot in slots {
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
        var pager = MemoryPager(
            offset: request.offset, limit: request.limit, includeTotalCount: request.includeTotalCount)
        if ordering.isEmpty {
            // Slot (insertion) order.
            scan: for chunk in table.rows.chunks {
                for case let row? in chunk where filter?.matches(row) ?? true {
                    pager.offer(row)
                    if pager.isDone { break scan }
                }
            }
            return pager.page()
        }
        let order = table.order(by: ordering, entity: descriptor)
        guard let filter else {
            // Every live row matches: the page is a slice of the order.
            let window = pager.window(of: order.slots.count)
            var rows: [Row] = []
            rows.reserveCapacity(window.count)
            for position in window { rows.append(table.row(at: Int(order.slots[position]))!) }
            return Page(rows: rows, totalCount: request.includeTotalCount ? order.slots.count : nil)
        }
        // A short page without a total: walk the order, filtering on the way, while matches come often enough.
        if !request.includeTotalCount && pager.end < order.slots.count / 8 {
            let budget = min(order.slots.count, max(256, pager.end * 8))
            for position in 0..<budget {
                let row = table.row(at: Int(order.slots[position]))!
                guard filter.matches(row) else { continue }
                pager.offer(row)
                if pager.isDone { return pager.page() }
            }
        }
        // Otherwise filter in slot order (memory order) and sort the matches' ranks.
        var ranks: [Int32] = []
        var slot = 0
        for chunk in table.rows.chunks {
            for row in chunk {
                if let row, filter.matches(row) { ranks.append(order.ranks[slot]) }
                slot += 1
            }
        }
        return Self.page(ranks: &ranks, of: order, in: table, pager: pager)
    }

    /// The page of the rows with these ranks (each a live row's position in `order`): partially sorts `ranks`.
    private static func page(
        ranks: inout [Int32], of order: MemorySortedOrder, in table: MemoryTable, pager: MemoryPager
    ) -> Page {
        let window = pager.window(of: ranks.count)
        var rows: [Row] = []
        if !window.isEmpty {
            MemoryRankSelection.sortPrefix(&ranks, through: window.upperBound)
            rows.reserveCapacity(window.count)
            for position in window { rows.append(table.row(at: Int(order.slots[Int(ranks[position])]))!) }
        }
        return Page(rows: rows, totalCount: pager.countsAll ? ranks.count : nil)
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
        var order: MemorySortedOrder?  // fetched when a parent first has two or more children to order
        var ranks: [Int32] = []  // reused per parent
        var pages: [Page] = []
        pages.reserveCapacity(request.parentKeys.count)
        // Parent key → position in `pages` of its first page (duplicates reuse it); not needed for keys the caller
        // promises distinct.
        let dedupe = request.parentKeys.count > 1 && !request.keysAreDistinct
        var computed: [MemoryKey: Int] = [:]
        if dedupe { computed.reserveCapacity(request.parentKeys.count) }
        for key in request.parentKeys {
            if key.isNull {
                pages.append(empty)
                continue
            }
            if dedupe, let earlier = computed.updateValue(pages.count, forKey: MemoryKey(key)) {
                computed[MemoryKey(key)] = earlier  // one hash for the usual unique key, two for a duplicate
                pages.append(pages[earlier])
                continue
            }
            var pager = MemoryPager(
                offset: request.offset, limit: request.limit, includeTotalCount: request.includeTotalCount)
            let slots = table.slots(where: column, equals: key)
            if ordering.isEmpty || slots.count < 2 {
                // Slot order (the final tie-breaker) is already the result order.
                for slot in slots {
                    guard let row = table.row(at: slot), filter?.matches(row) ?? true else { continue }
                    pager.offer(row)
                    if pager.isDone { break }
                }
                pages.append(pager.page())
                continue
            }
            let sorted = order ?? table.order(by: ordering, entity: descriptor)
            order = sorted
            ranks.removeAll(keepingCapacity: true)
            sorted.ranks.withUnsafeBufferPointer { rankOf in
                for slot in slots {
                    if let filter {
                        guard let row = table.row(at: slot), filter.matches(row) else { continue }
                    }
                    let rank = rankOf[slot]
                    if rank >= 0 { ranks.append(rank) }
                }
            }
            pages.append(Self.page(ranks: &ranks, of: sorted, in: table, pager: pager))
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
