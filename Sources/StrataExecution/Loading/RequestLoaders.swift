import StrataLanguage
public import StrataStorage

/// The DataLoader layer of one request.
///
/// Resolvers register the keys they need during an execution step (`requestLookup`, `requestRelated`,
/// `requestList`); the executor then calls `dispatch()` once per step, which sends every pending batch — keys
/// deduplicated, split at `maxBatchSize`, one request per distinct shape — concurrently across sources.
/// Results are cached for the rest of the request, so a key is fetched at most once per set of columns.
///
/// A lookup may wait one step (`dispatch(deferring:)`): when the executor sees that the next step will look up
/// the same shape (owners now, assignees of the tasks fetched now), the keys of both steps go as one request.
///
/// Columns: every request names the columns its resolver needs (`ColumnSet`, `.all` by default). Shapes do not
/// include them: requests of one shape in one step are sent as one storage request with the union of their
/// columns, and every cached row or page remembers the columns it was fetched with. A later request needing a
/// column a cached row lacks fetches that key again, with the union of the old and the new columns.
///
/// Confined to the task executing the request (not Sendable): only `dispatch` suspends, and the work it hands to
/// child tasks is made of Sendable request values.
public final class RequestLoaders {
    let storage: StorageRouter
    let maxBatchSize: Int

    private var lookups: [LookupShape: LookupEntry] = [:]
    private var related: [RelatedShape: RelatedEntry] = [:]
    private var lists: [ListKey: ListEntry] = [:]
    private var pendingLookupShapes: [LookupShape] = []
    private var pendingRelatedShapes: [RelatedShape] = []
    private var pendingLists: [ListKey] = []
    /// Set by the executor while resolvers whose lookups may wait a step register them.
    var requestsCanWait = false
    /// Lookup shapes requested in this step by a resolver that cannot wait: they go at the next dispatch.
    private var pinnedLookupShapes: Set<LookupShape> = []
    /// Lookup shapes the last dispatch left pending: they go at the next one, whatever it is asked.
    private var deferredLookupShapes: Set<LookupShape> = []

    /// Number of `dispatch()` calls that sent at least one request (for tests).
    public private(set) var dispatchCount = 0

    public init(storage: StorageRouter, maxBatchSize: Int = 1_000) {
        self.storage = storage
        self.maxBatchSize = max(1, maxBatchSize)
    }

    // MARK: Lookups by key

    /// The shape of a lookup: everything but the keys.
    public struct LookupShape: Hashable, Sendable {
        public let source: String
        public let entity: String
        public let column: String
        public let filter: Predicate?
        /// The shape's names and filter hashed once, when it is made (shapes are made with the executor, and
        /// hashed several times per lookup: registering, dispatching, reading results).
        private let digest: UInt64

        public init(source: String, entity: String, column: String, filter: Predicate?) {
            self.source = source
            self.entity = entity
            self.column = column
            self.filter = filter
            // Hashed with `KeyHasher` and compared byte for byte, as `ByteWiseString`: `String`'s hashing of the
            // three names cost ~1,500 instructions each time.
            var hash = UTF8Bytes.keyHash(entity, discriminator: 3, seed: 0)
            hash = UTF8Bytes.keyHash(column, discriminator: 3, seed: hash)
            hash = UTF8Bytes.keyHash(source, discriminator: 3, seed: hash)
            if let filter { hash = KeyHasher.hash(filter, seed: hash) }
            digest = UInt64(truncatingIfNeeded: hash)
        }

        public static func == (lhs: LookupShape, rhs: LookupShape) -> Bool {
            lhs.digest == rhs.digest && UTF8Bytes.equal(lhs.entity, rhs.entity)
                && UTF8Bytes.equal(lhs.column, rhs.column) && UTF8Bytes.equal(lhs.source, rhs.source)
                && lhs.filter == rhs.filter
        }

        public func _rawHashValue(seed: Int) -> Int {
            KeyHasher.hash(word: digest, discriminator: 3, seed: seed)
        }

        public func hash(into hasher: inout Hasher) {
            hasher.combine(digest)
        }
    }

    /// Every key of one lookup shape requested so far, each in a slot of its own: one hash tells whether a key was
    /// fetched (and its row) and whether it waits, and callers that keep a key's slot read its result without
    /// hashing it again (slots never move).
    struct LookupEntry {
        /// Each key's slot; keys are told apart byte for byte, as the adapters do.
        var slots: [ByteWiseKey: Int32] = [:]
        var states: [KeyState] = []
        /// Slots waiting for the next dispatch.
        var pending: [Int32] = []
        var pendingColumns = ColumnSet()
    }

    struct KeyState {
        var key: StorageValue
        /// For a key fetched (found or not, or failed): the columns its row holds (`.all` when there is none).
        var settled: ColumnSet?
        /// Whether the key is in `pending` (cleared when its batch's result is recorded).
        var isPending: Bool
        /// The key's row, once fetched and found.
        var row: Row?
        /// The error its batch failed with (it is not fetched again).
        var failure: FieldError?
    }

    public func requestLookup(_ shape: LookupShape, key: StorageValue, columns: ColumnSet = .all) {
        requestLookups(shape, keys: CollectionOfOne(key), columns: columns)
    }

    /// Registers every key of a step at once (one dictionary access for the whole batch). A key already fetched
    /// with every column of `columns` is not fetched again.
    public func requestLookups(_ shape: LookupShape, keys: some Sequence<StorageValue>, columns: ColumnSet = .all) {
        register(shape, keys: keys, columns: columns) { _ in }
    }

    /// `requestLookups`, returning each key's slot (-1 for a null key), for `LookupTable.result(atSlot:)`.
    public func requestLookupSlots(
        _ shape: LookupShape, keys: some Sequence<StorageValue>, columns: ColumnSet = .all
    ) -> [Int32] {
        var slots: [Int32] = []
        slots.reserveCapacity(keys.underestimatedCount)
        register(shape, keys: keys, columns: columns) { slots.append($0) }
        return slots
    }

    private func register(
        _ shape: LookupShape, keys: some Sequence<StorageValue>, columns: ColumnSet, slotOf: (Int32) -> Void
    ) {
        if !requestsCanWait { pinnedLookupShapes.insert(shape) }
        var entry = lookups.removeValue(forKey: shape) ?? LookupEntry()
        let wasIdle = entry.pending.isEmpty
        var needed = false
        // Sized once for the batch: growing rehashes every key already in. (Not for one key: the standard
        // library's unspecialized `reserveCapacity` looks the table's type up at run time, ~1,000 instructions.)
        let expected = keys.underestimatedCount
        if expected > 1 { entry.slots.reserveCapacity(entry.slots.count + expected) }
        // Parents often come grouped by their key (a page of tasks in project order): a key equal to the one
        // before it has already been registered, and registering it again changes nothing, so it is not hashed.
        var previous = (key: StorageValue.null, slot: Int32(-1))
        for key in keys {
            if key.isNull {
                slotOf(-1)
                continue
            }
            if ByteWiseKey.equal(key, previous.key) {
                slotOf(previous.slot)
                continue
            }
            // One hash finds the key's slot or gives it the next one.
            let next = Int32(entry.states.count)
            let slot = Self.slot(in: &entry.slots[ByteWiseKey(key), default: -1], next: next)
            previous = (key, slot)
            if slot == next {
                needed = true
                entry.states.append(KeyState(key: key, settled: nil, isPending: true, row: nil))
                entry.pending.append(slot)
                slotOf(slot)
                continue
            }
            slotOf(slot)
            // The state is read in place: a copy of it retains and releases its key, row and columns.
            let index = Int(slot)
            if entry.states[index].failure != nil { continue }
            if entry.states[index].settled != nil {
                if entry.states[index].settled!.isSuperset(of: columns) { continue }
                entry.pendingColumns.formUnion(entry.states[index].settled!)
            }
            // Pending (now or by an earlier request of this step): it will be fetched with these columns too.
            needed = true
            if !entry.states[index].isPending {
                entry.states[index].isPending = true
                entry.pending.append(slot)
            }
        }
        if needed { entry.pendingColumns.formUnion(columns) }
        if wasIdle, !entry.pending.isEmpty { pendingLookupShapes.append(shape) }
        lookups[shape] = entry
    }

    /// The slot stored in `stored`, or `next` stored there when it has none (-1).
    @inline(__always)
    private static func slot(in stored: inout Int32, next: Int32) -> Int32 {
        if stored < 0 { stored = next }
        return stored
    }

    /// The row for `key` (nil when there is none), or the error its batch failed with.
    public func lookupResult(_ shape: LookupShape, key: StorageValue) -> Result<Row?, FieldError> {
        lookupTable(shape).result(for: key)
    }

    /// Everything loaded for one lookup shape, to read many keys without hashing the shape again.
    public struct LookupTable {
        let slots: [ByteWiseKey: Int32]
        let states: [KeyState]

        public func result(for key: StorageValue) -> Result<Row?, FieldError> {
            if key.isNull { return .success(nil) }
            return result(atSlot: slots[ByteWiseKey(key)] ?? -1)
        }

        /// The result of the key `requestLookupSlots` gave this slot (no row for -1).
        public func result(atSlot slot: Int32) -> Result<Row?, FieldError> {
            guard slot >= 0, Int(slot) < states.count else { return .success(nil) }
            let state = states[Int(slot)]
            if let failure = state.failure { return .failure(failure) }
            return .success(state.row)
        }
    }

    public func lookupTable(_ shape: LookupShape) -> LookupTable {
        guard let entry = lookups[shape] else { return LookupTable(slots: [:], states: []) }
        return LookupTable(slots: entry.slots, states: entry.states)
    }

    // MARK: Related rows of many parents

    /// The shape of a relation fetch: everything but the parent keys.
    public struct RelatedShape: Hashable, Sendable {
        public var source: String
        public var entity: String
        public var foreignKey: String
        public var filter: Predicate?
        public var orderBy: [SortKey]
        public var offset: Int
        public var limit: Int?
        public var includeTotalCount: Bool

        public init(
            source: String, entity: String, foreignKey: String, filter: Predicate?, orderBy: [SortKey], offset: Int,
            limit: Int?, includeTotalCount: Bool
        ) {
            self.source = source
            self.entity = entity
            self.foreignKey = foreignKey
            self.filter = filter
            self.orderBy = orderBy
            self.offset = offset
            self.limit = limit
            self.includeTotalCount = includeTotalCount
        }
    }

    struct RelatedEntry {
        var pages: [StorageValue: Page] = [:]
        /// The columns the rows of each page in `pages` hold.
        var pageColumns: [StorageValue: ColumnSet] = [:]
        var pending: [StorageValue] = []
        var pendingSet: Set<StorageValue> = []
        var pendingColumns = ColumnSet()
        var failures: [StorageValue: FieldError] = [:]
    }

    public func requestRelated(_ shape: RelatedShape, parentKey: StorageValue, columns: ColumnSet = .all) {
        requestRelated(shape, parentKeys: CollectionOfOne(parentKey), columns: columns)
    }

    /// Registers every parent of a step at once. A parent whose page was already fetched with every column of
    /// `columns` is not fetched again.
    public func requestRelated(_ shape: RelatedShape, parentKeys: some Sequence<StorageValue>, columns: ColumnSet = .all) {
        var entry = related.removeValue(forKey: shape) ?? RelatedEntry()
        let wasIdle = entry.pending.isEmpty
        var needed = false
        entry.pendingSet.reserveCapacity(entry.pendingSet.count + parentKeys.underestimatedCount)
        for key in parentKeys where !key.isNull {
            if entry.failures[key] != nil { continue }
            if let fetched = entry.pageColumns[key] {
                if fetched.isSuperset(of: columns) { continue }
                entry.pendingColumns.formUnion(fetched)
            }
            // Pending (now or by an earlier request of this step): it will be fetched with these columns too.
            needed = true
            if entry.pendingSet.insert(key).inserted { entry.pending.append(key) }
        }
        if needed { entry.pendingColumns.formUnion(columns) }
        if wasIdle, !entry.pending.isEmpty { pendingRelatedShapes.append(shape) }
        related[shape] = entry
    }

    public func relatedResult(_ shape: RelatedShape, parentKey: StorageValue) -> Result<Page, FieldError> {
        relatedTable(shape).result(for: parentKey)
    }

    /// Everything loaded for one relation shape.
    public struct RelatedTable {
        let pages: [StorageValue: Page]
        let failures: [StorageValue: FieldError]

        public func result(for key: StorageValue) -> Result<Page, FieldError> {
            if key.isNull { return .success(Page(rows: [], totalCount: 0)) }
            if !failures.isEmpty, let failure = failures[key] { return .failure(failure) }
            return .success(pages[key] ?? Page(rows: [], totalCount: 0))
        }
    }

    public func relatedTable(_ shape: RelatedShape) -> RelatedTable {
        guard let entry = related[shape] else { return RelatedTable(pages: [:], failures: [:]) }
        return RelatedTable(pages: entry.pages, failures: entry.failures)
    }

    // MARK: Lists

    /// A list request without its columns (they are tracked by the entry).
    struct ListKey: Hashable, Sendable {
        var source: String
        var request: ListRequest

        init(source: String, request: ListRequest) {
            self.source = source
            var request = request
            request.columns = nil
            self.request = request
        }

        /// Equal requests, and equal down to the bytes of their strings: `String ==` (and so `ListRequest ==`) is
        /// canonical equivalence, under which filters on `"É"` and `"E\u{301}"` would share one fetch although
        /// storage compares bytes. The hash stays the synthesized one (equal keys still hash alike).
        static func == (lhs: ListKey, rhs: ListKey) -> Bool {
            lhs.source == rhs.source && lhs.request == rhs.request && ByteEquality.same(lhs.request, rhs.request)
        }
    }

    /// For values already equal under `==`: whether they are also equal down to the bytes of their strings and the
    /// signs of their doubles (`0.0 == -0.0`, but storage can tell them apart in text) — what comparing their
    /// `String(reflecting:)` texts tells, without building them.
    enum ByteEquality {
        static func same(_ a: ListRequest, _ b: ListRequest) -> Bool {
            same(a.entity, b.entity) && same(a.filter, b.filter)
                && zip(a.orderBy, b.orderBy).allSatisfy { same($0.column, $1.column) }
                && same(a.columns ?? [], b.columns ?? [])
        }

        @inline(__always)
        static func same(_ a: String, _ b: String) -> Bool { a.utf8.elementsEqual(b.utf8) }

        static func same(_ a: [String], _ b: [String]) -> Bool {
            a.count == b.count && zip(a, b).allSatisfy { same($0, $1) }
        }

        static func same(_ a: Predicate?, _ b: Predicate?) -> Bool {
            switch (a, b) {
            case (nil, nil): return true
            case (let a?, let b?): return same(a, b)
            default: return false
            }
        }

        static func same(_ a: Predicate, _ b: Predicate) -> Bool {
            switch (a, b) {
            case (.and(let x), .and(let y)), (.or(let x), .or(let y)):
                return x.count == y.count && zip(x, y).allSatisfy { same($0, $1) }
            case (.not(let x), .not(let y)): return same(x, y)
            case (.compare(let c1, _, let v1), .compare(let c2, _, let v2)): return same(c1, c2) && same(v1, v2)
            case (.isIn(let c1, let v1), .isIn(let c2, let v2)):
                return same(c1, c2) && v1.count == v2.count && zip(v1, v2).allSatisfy { same($0, $1) }
            case (.isNull(let c1), .isNull(let c2)): return same(c1, c2)
            case (.contains(let c1, let s1), .contains(let c2, let s2)),
                (.startsWith(let c1, let s1), .startsWith(let c2, let s2)),
                (.endsWith(let c1, let s1), .endsWith(let c2, let s2)),
                (.listContains(let c1, let s1), .listContains(let c2, let s2)):
                return same(c1, c2) && same(s1, s2)
            default: return false
            }
        }

        static func same(_ a: StorageValue, _ b: StorageValue) -> Bool {
            switch (a, b) {
            case (.string(let x), .string(let y)), (.json(let x), .json(let y)): return same(x, y)
            case (.stringList(let x), .stringList(let y)): return same(x, y)
            case (.double(let x), .double(let y)): return x.bitPattern == y.bitPattern
            default: return true  // equal under `==`, and nothing else to tell apart
            }
        }
    }

    enum ListEntry {
        case pending(ColumnSet)
        /// The page and the columns its rows hold (`.all` after a failure, which is not retried).
        case done(Result<Page, FieldError>, ColumnSet)
    }

    /// Registers a list read needing `columns` of its rows (`request.columns` is ignored). Equal requests share
    /// one fetch, with the union of their columns.
    public func requestList(source: String, _ request: ListRequest, columns: ColumnSet = .all) {
        let key = ListKey(source: source, request: request)
        switch lists[key] {
        case nil:
            lists[key] = .pending(columns)
            pendingLists.append(key)
        case .pending(let wanted)?:
            lists[key] = .pending(wanted.union(columns))
        case .done(_, let fetched)?:
            if !fetched.isSuperset(of: columns) {
                lists[key] = .pending(fetched.union(columns))
                pendingLists.append(key)
            }
        }
    }

    public func listResult(source: String, _ request: ListRequest) -> Result<Page, FieldError> {
        guard case .done(let result, _) = lists[ListKey(source: source, request: request)] else {
            return .failure(FieldError("List was not loaded.", code: .internalServerError))
        }
        return result
    }

    // MARK: Dispatch

    /// Whether any request is waiting for `dispatch()`.
    public var hasPending: Bool {
        !pendingLookupShapes.isEmpty || !pendingRelatedShapes.isEmpty || !pendingLists.isEmpty
    }

    private enum Job: Sendable {
        /// The keys and their slots in the shape's entry.
        case lookup(LookupShape, [StorageValue], [Int32], ColumnSet)
        case related(RelatedShape, [StorageValue], ColumnSet)
        case list(ListKey, ColumnSet)
    }

    private enum Outcome: Sendable {
        case lookup(LookupShape, [Int32], ColumnSet, Result<[Row], StorageError>)
        case related(RelatedShape, [StorageValue], ColumnSet, Result<[Page], StorageError>)
        case list(ListKey, ColumnSet, Result<Page, StorageError>)
    }

    /// Sends every pending batch (concurrently) and stores the results.
    ///
    /// Lookups of a shape in `candidates` that only resolvers able to wait asked for (`requestsCanWait`) stay
    /// pending for the next dispatch, provided something else goes now (a lookup never waits alone). The shapes
    /// left pending are returned; they go at the next dispatch whatever it is asked.
    @discardableResult
    public func dispatch(deferring candidates: Set<LookupShape> = []) async -> Set<LookupShape> {
        guard hasPending else { return [] }
        var deferred: Set<LookupShape> = []
        if !candidates.isEmpty {
            for shape in pendingLookupShapes
            where candidates.contains(shape) && !pinnedLookupShapes.contains(shape)
                && !deferredLookupShapes.contains(shape)
            {
                deferred.insert(shape)
            }
        }
        pinnedLookupShapes.removeAll(keepingCapacity: true)
        var jobs: [Job] = []
        for shape in pendingLookupShapes where !deferred.contains(shape) { takeLookupJobs(shape, into: &jobs) }
        for shape in pendingRelatedShapes {
            guard var entry = related.removeValue(forKey: shape) else { continue }
            for keys in batches(entry.pending) { jobs.append(.related(shape, keys, entry.pendingColumns)) }
            entry.pending.removeAll(keepingCapacity: true)
            entry.pendingSet.removeAll(keepingCapacity: true)
            entry.pendingColumns = ColumnSet()
            related[shape] = entry
        }
        for key in pendingLists {
            if case .pending(let columns)? = lists[key] { jobs.append(.list(key, columns)) }
        }
        if jobs.isEmpty, !deferred.isEmpty {
            // Nothing else goes now: waiting would only add a round trip.
            for shape in deferred { takeLookupJobs(shape, into: &jobs) }
            deferred.removeAll()
        }
        if deferred.isEmpty {
            pendingLookupShapes.removeAll(keepingCapacity: true)
        } else {
            pendingLookupShapes.removeAll { !deferred.contains($0) }
        }
        pendingRelatedShapes.removeAll(keepingCapacity: true)
        pendingLists.removeAll(keepingCapacity: true)
        deferredLookupShapes = deferred
        guard !jobs.isEmpty else { return deferred }
        dispatchCount += 1

        let storage = self.storage
        if jobs.count == 1 {
            record(await Self.run(jobs[0], storage: storage))
        } else {
            let outcomes = await withTaskGroup(of: Outcome.self, returning: [Outcome].self) { group in
                for job in jobs { group.addTask { await Self.run(job, storage: storage) } }
                var all: [Outcome] = []
                all.reserveCapacity(jobs.count)
                for await outcome in group { all.append(outcome) }
                return all
            }
            for outcome in outcomes { record(outcome) }
        }
        return deferred
    }

    /// `keys` (or slots) in runs of at most `maxBatchSize` (none for no keys).
    private func batches<Key>(_ keys: [Key]) -> [[Key]] {
        stride(from: 0, to: keys.count, by: maxBatchSize).map { start in
            Array(keys[start..<min(start + maxBatchSize, keys.count)])
        }
    }

    /// Moves the pending keys of one lookup shape into jobs (split at `maxBatchSize`).
    private func takeLookupJobs(_ shape: LookupShape, into jobs: inout [Job]) {
        // Taken out of the dictionary while it changes, so its own dictionaries are not copied on write.
        guard var entry = lookups.removeValue(forKey: shape) else { return }
        for slots in batches(entry.pending) {
            jobs.append(.lookup(shape, slots.map { entry.states[Int($0)].key }, slots, entry.pendingColumns))
        }
        // The keys' `isPending` flags are cleared when their results are recorded.
        entry.pending.removeAll(keepingCapacity: true)
        entry.pendingColumns = ColumnSet()
        lookups[shape] = entry
    }

    private static func run(_ job: Job, storage: StorageRouter) async -> Outcome {
        switch job {
        case .lookup(let shape, let keys, let slots, let columns):
            guard let adapter = storage.adapter(shape.source) else {
                return .lookup(shape, slots, columns, .failure(unknownSource(shape.source)))
            }
            let request = LookupRequest(
                entity: shape.entity, column: shape.column, keys: keys, filter: shape.filter,
                columns: names(columns, shape.entity, adapter), keysAreDistinct: true)
            do throws(StorageError) {
                return .lookup(shape, slots, columns, .success(try await adapter.lookup(request)))
            } catch {
                return .lookup(shape, slots, columns, .failure(error))
            }
        case .related(let shape, let keys, let columns):
            guard let adapter = storage.adapter(shape.source) else {
                return .related(shape, keys, columns, .failure(unknownSource(shape.source)))
            }
            let request = RelatedRequest(
                entity: shape.entity, foreignKey: shape.foreignKey, parentKeys: keys, filter: shape.filter,
                orderBy: shape.orderBy, offset: shape.offset, limit: shape.limit,
                includeTotalCount: shape.includeTotalCount, columns: names(columns, shape.entity, adapter),
                keysAreDistinct: true)
            do throws(StorageError) {
                return .related(shape, keys, columns, .success(try await adapter.related(request)))
            } catch {
                return .related(shape, keys, columns, .failure(error))
            }
        case .list(let key, let columns):
            guard let adapter = storage.adapter(key.source) else {
                return .list(key, columns, .failure(unknownSource(key.source)))
            }
            var request = key.request
            request.columns = names(columns, request.entity, adapter)
            do throws(StorageError) {
                return .list(key, columns, .success(try await adapter.list(request)))
            } catch {
                return .list(key, columns, .failure(error))
            }
        }
    }

    private static func unknownSource(_ source: String) -> StorageError {
        StorageError(.invalidRequest, "Unknown data source \"\(source)\".")
    }

    /// The column names of a request (nil: all; also when the entity is unknown, which the adapter reports).
    private static func names(_ columns: ColumnSet, _ entity: String, _ adapter: any StorageAdapter) -> [String]? {
        if columns.isAll { return nil }
        return adapter.model[entity: entity].flatMap { columns.columnNames(of: $0) }
    }

    private func record(_ outcome: Outcome) {
        switch outcome {
        case .lookup(let shape, let slots, let columns, let result):
            guard var entry = lookups.removeValue(forKey: shape) else { return }
            switch result {
            case .success(let rows):
                if let descriptor = storage.adapter(shape.source)?.model[entity: shape.entity],
                    let column = descriptor.columnIndex(shape.column)
                {
                    // Rows often come in the order of their keys (the memory adapter's order): while they do, a
                    // row's slot is its key's, checked with one comparison instead of a hash.
                    var inKeyOrder = true
                    var nextKey = 0
                    for row in rows {
                        let slot: Int
                        if inKeyOrder, nextKey < slots.count, ByteWiseKey.equal(entry.states[Int(slots[nextKey])].key, row[column]) {
                            slot = Int(slots[nextKey])
                            nextKey += 1
                        } else {
                            inKeyOrder = false
                            // A row for a key nobody asked for (none is expected) has no slot to go to.
                            guard let found = entry.slots[ByteWiseKey(row[column])] else { continue }
                            slot = Int(found)
                        }
                        entry.states[slot].row = row
                        entry.states[slot].settled = columns
                        entry.states[slot].isPending = false
                    }
                }
                // A key without a row has none whatever the columns (an earlier row of it, if any, stays).
                for slot in slots where entry.states[Int(slot)].isPending {
                    entry.states[Int(slot)].isPending = false
                    entry.states[Int(slot)].settled = .all
                }
            case .failure(let error):
                let failure = FieldError.from(error)
                for slot in slots {
                    entry.states[Int(slot)].failure = failure
                    entry.states[Int(slot)].isPending = false
                    entry.states[Int(slot)].settled = .all
                }
            }
            lookups[shape] = entry
        case .related(let shape, let keys, let columns, let result):
            guard var entry = related.removeValue(forKey: shape) else { return }
            switch result {
            case .success(let pages):
                entry.pages.reserveCapacity(entry.pages.count + keys.count)
                entry.pageColumns.reserveCapacity(entry.pageColumns.count + keys.count)
                for (key, page) in zip(keys, pages) {
                    entry.pages[key] = page
                    entry.pageColumns[key] = columns
                }
                for key in keys where entry.pages[key] == nil {
                    entry.pages[key] = Page(rows: [], totalCount: 0)
                    entry.pageColumns[key] = .all
                }
            case .failure(let error):
                let failure = FieldError.from(error)
                for key in keys { entry.failures[key] = failure }
            }
            related[shape] = entry
        case .list(let key, let columns, let result):
            switch result {
            case .success(let page): lists[key] = .done(.success(page), columns)
            case .failure(let error): lists[key] = .done(.failure(FieldError.from(error)), .all)
            }
        }
    }
}

extension FieldError {
    /// The client-facing form of a storage failure: no SQL, no bound values. Internal and availability failures keep
    /// the storage error's own description for the server's log.
    public static func from(_ error: StorageError) -> FieldError {
        switch error.code {
        case .connectionFailed, .connectionLost, .timeout, .busy, .closed:
            FieldError(
                "The data source is unavailable; try again later.", code: .serviceUnavailable,
                underlyingDescription: error.debugDescription)
        case .invalidRequest:
            FieldError(error.message, code: .badUserInput)
        case .conflict:
            FieldError(error.message, code: .conflict)
        case .notFound:
            FieldError(error.message, code: .notFound)
        case .uniqueViolation, .foreignKeyViolation, .notNullViolation, .checkViolation:
            FieldError(error.message, code: .constraintViolation)
        default:
            FieldError(
                "Internal error while reading data.", code: .internalServerError,
                underlyingDescription: error.debugDescription)
        }
    }
}

