import StrataLanguage
import StrataModel
import StrataSchema
import StrataStorage

/// One execution of one operation, breadth-first.
///
/// Each *step* takes every object reached at the previous step (grouped by concrete type and selection),
/// collects their fields once per group, lets every field's resolver register the keys it needs, dispatches all
/// loaders once, then resolves and completes the values, which yields the objects of the next step. The number
/// of storage requests therefore grows with the depth of the query, never with the number of rows, and the
/// executor — not a timer — decides when a batch goes.
final class ExecutionRun {
    let schema: Schema
    let source: Source
    let collector: FieldCollector
    let resolvers: ResolverSet
    /// Per object type and field: definition, resolver, leaf kind, direct completion (built with the executor).
    let fieldPlans: FieldPlans
    /// Planned selections shared with the document's other requests (nil: every batch is planned afresh).
    let plans: PlanCache?
    let loaders: RequestLoaders
    let context: RequestContext
    /// Written once per completed value (hundreds of thousands of times in a large response). A run belongs to
    /// one task and nothing here hands out a long access to the tree while another is open, so the per-access
    /// dynamic exclusivity check (a thread-local access-set insert and remove each time) is left out.
    @exclusivity(unchecked) var tree: ResultTree
    var errors: [GraphQLError] = []
    /// The child batch the previous object went to (consecutive objects usually share it).
    private var lastChild: (work: Int, typeName: String, index: Int)?
    /// Number of batches planned so far (numbers the works' groups).
    private var plannedBatches = 0
    /// To-one works whose lookups wait for the next step's (see `waitingLookups`), completed in that step.
    private var carried: [Work] = []
    /// Whether objects of flat selections are written from their rows (`ExecutorOptions.flatObjects`).
    private let flatObjects: Bool
    /// Flat layouts worked out by this run, for a document without a plan cache (its variables are fixed for the
    /// run, so its selections collect the same fields throughout).
    private var runLayouts: [PlanCache.Key: FlatObjectLayout?] = [:]

    /// Objects of one concrete type sharing one merged selection, waiting for their fields to be resolved.
    struct Batch {
        var typeName: String
        var selections: [SelectionSet]
        var objects: [ObjectValue]
        var nodes: [Int32]
    }

    /// One field of one batch. A class: the step loops hand works around by reference (a struct copy retained
    /// and released each of its dozen reference-counted members, a large part of a small request's time).
    final class Work {
        let batch: ResolveBatch
        /// The field's plan (definition, resolver, named type, leaf kind, direct completion): one reference where
        /// copying its five values into every work retained each of them (and copied two enums through their
        /// value witnesses), a tenth of a one-field query's planning.
        let plan: FieldPlans.Entry
        let slots: [Int32]
        let fieldNodes: [Field]
        var failure: FieldError?
        /// The planned batch this work belongs to (works of one batch share their parents).
        let group: Int
        /// Whether its keys are registered already (a work carried over from the previous step).
        var prepared = false
        /// For a to-one work: each parent's key slot in the loaders' lookup table, set when the work is prepared
        /// (`ToOneResolver.prepareSlots`, one per parent; every to-one work is prepared before it is completed).
        var lookupSlots: [Int32] = []
        /// The flat layout of the objects this work completes, for the last concrete type asked (`flatLayout`):
        /// completing a list object by object asks once per item.
        var flatLayout: (typeName: String, layout: FlatObjectLayout?)?

        var resolver: Resolver { plan.resolver }
        var fieldType: TypeRef { plan.definition.type }
        /// The innermost named type of `fieldType`.
        var namedType: NamedType? { plan.namedType }
        var leafKind: LeafSerializer.Kind { plan.leafKind }
        /// How completion may read the field without materializing `FieldResult`s (Strata's storage resolvers).
        var direct: Direct { plan.direct }

        init(
            batch: ResolveBatch, plan: FieldPlans.Entry, slots: [Int32], fieldNodes: [Field], failure: FieldError?,
            group: Int
        ) {
            self.batch = batch
            self.plan = plan
            self.slots = slots
            self.fieldNodes = fieldNodes
            self.failure = failure
            self.group = group
        }
    }

    /// Storage resolvers whose values completion reads straight from the parents' rows, without wrapping each
    /// value in an `OutputValue`: same values, same errors, fewer allocations.
    enum Direct {
        case none
        /// A stored scalar or enum column (`ColumnResolver`).
        case column(Int)
        /// A to-one relation (`ToOneResolver`).
        case toOne(ToOneResolver)
        /// A root list of rows (`RootListResolver`, not a connection).
        case rootList(RootListResolver)
        /// A to-many relation as a plain list (`HasManyResolver`, not a connection).
        case hasMany(HasManyResolver)

        init(_ resolver: Resolver) {
            guard case .batch(let batch) = resolver else {
                self = .none
                return
            }
            if let column = batch as? ColumnResolver {
                self = .column(column.column)
            } else if let toOne = batch as? ToOneResolver {
                self = .toOne(toOne)
            } else if let list = batch as? RootListResolver, !list.asConnection {
                self = .rootList(list)
            } else if let hasMany = batch as? HasManyResolver, !hasMany.relation.isConnection {
                self = .hasMany(hasMany)
            } else {
                self = .none
            }
        }
    }

    init(
        schema: Schema, source: Source, fragments: [String: FragmentDefinition], variables: [String: InputValue],
        plans: PlanCache? = nil, resolvers: ResolverSet, fieldPlans: FieldPlans, loaders: RequestLoaders,
        context: RequestContext, tree: ResultTree = ResultTree(), flatObjects: Bool = true
    ) {
        self.plans = plans
        self.flatObjects = flatObjects
        self.tree = tree
        self.schema = schema
        self.source = source
        self.collector = FieldCollector(schema: schema, fragments: fragments, variables: variables)
        self.resolvers = resolvers
        self.fieldPlans = fieldPlans
        self.loaders = loaders
        self.context = context
    }

    /// Moves the result tree out (leaving an empty one), e.g. to hand its buffers back to a pool.
    func takeTree() -> ResultTree {
        var taken = ResultTree.placeholder
        swap(&taken, &tree)
        return taken
    }

    /// Executes the operation and returns the root node of `data`.
    func execute(_ operation: OperationDefinition, rootType: String) async -> Int32 {
        let root = tree.addObject(parentSlot: -1)
        let rootBatch = Batch(typeName: rootType, selections: [operation.selectionSet], objects: [.root], nodes: [root])
        if operation.operation == .mutation {
            // Mutation fields run one after another, each with its whole subtree (spec §6.3.1, serial execution).
            let works = plan(rootBatch)
            for work in works {
                var single = [work]
                let next = await step(&single)
                await run(next)
            }
        } else {
            await run([rootBatch])
        }
        return root
    }

    private func run(_ batches: [Batch]) async {
        var current = batches
        while !current.isEmpty || !carried.isEmpty {
            var works = carried
            carried = []
            for batch in current { works.append(contentsOf: plan(batch)) }
            current = await step(&works)
        }
    }

    // MARK: Planning

    /// Collects the batch's fields (or finds them planned by an earlier request of the document), allocates their
    /// slots and prepares one work item per field.
    private func plan(_ batch: Batch) -> [Work] {
        plannedBatches += 1
        var objects = batch.objects
        var nodes = batch.nodes
        if tree.anyDead {
            var keptObjects: [ObjectValue] = []
            var keptNodes: [Int32] = []
            for (object, node) in zip(objects, nodes) where !tree.isDetached(node) {
                keptObjects.append(object)
                keptNodes.append(node)
            }
            objects = keptObjects
            nodes = keptNodes
        }
        if nodes.isEmpty { return [] }

        let planned: PlannedSelection
        if let plans, let key = PlanCache.Key(batch.selections, typeName: batch.typeName) {
            planned = plans.plan(key) { selection(batch, memoized: true) }
        } else {
            planned = selection(batch, memoized: false)
        }
        let fields = planned.fields
        let keySet = tree.addKeySet(planned.keys)
        tree.allocateFields(of: nodes, keySet: keySet, nonNull: planned.nonNull)

        var works: [Work] = []
        works.reserveCapacity(fields.count)
        let lookahead = SelectionLookahead(fragments: collector.fragments, application: resolvers.application)
        // Stored columns without arguments read nothing from their batch but the parents (`completeColumns`), and
        // their errors name the field from the plan: they share one batch instead of allocating one each.
        var columnBatch: ResolveBatch?
        for (index, field) in fields.enumerated() {
            let slots = nodes.map { tree.nodes[Int($0)].firstSlot + Int32(index) }
            if field.name == "__typename" {
                for slot in slots { tree.setString(slot, batch.typeName) }
                continue
            }
            guard let entry = planned.entries[index] else {
                // Validation rules out unknown fields; a stale cached plan could not reach here either.
                for slot in slots {
                    report(FieldError("Cannot query field \"\(field.name)\" on type \"\(batch.typeName)\"."), slot, field.nodes)
                    tree.setNull(slot)
                }
                continue
            }
            var failure: FieldError?
            let arguments: [String: InputValue]
            switch planned.arguments[index] ?? coerceArguments(field, entry) {
            case .success(let values): arguments = values
            case .failure(let error):
                arguments = [:]
                failure = error
            }
            var isPlainColumn = false
            if case .column = entry.direct, failure == nil, arguments.isEmpty { isPlainColumn = true }
            let resolveBatch: ResolveBatch
            if isPlainColumn, let columnBatch {
                resolveBatch = columnBatch
            } else {
                resolveBatch = ResolveBatch(
                    parentType: batch.typeName, field: entry.field, responseKey: field.responseKey,
                    arguments: arguments, parents: objects, subSelections: planned.subSelections[index],
                    lookahead: lookahead, memo: planned.memos[index])
                if isPlainColumn { columnBatch = resolveBatch }
            }
            works.append(
                Work(
                    batch: resolveBatch, plan: entry, slots: slots, fieldNodes: field.nodes, failure: failure,
                    group: plannedBatches))
        }
        return works
    }

    /// The request-independent part of planning `batch`: its fields collected, found in the field plans, and their
    /// literal arguments coerced (arguments that read variables are left for each request).
    private func selection(_ batch: Batch, memoized: Bool) -> PlannedSelection {
        PlannedSelection.build(
            batch.selections, typeName: batch.typeName, collector: collector, fieldPlans: fieldPlans, memoized: memoized)
    }

    private func coerceArguments(_ field: CollectedField, _ entry: FieldPlans.Entry) -> Result<[String: InputValue], FieldError> {
        ArgumentCoercion.coerce(
            field.nodes[0].arguments, definition: entry.definition, schema: schema, variables: collector.variables)
    }

    // MARK: One step

    private struct ChildKey: Hashable {
        var work: Int
        var typeName: String
    }

    private func step(_ works: inout [Work]) async -> [Batch] {
        // 1. Every batch resolver registers what it needs.
        let waiting = waitingLookups(works)
        for index in works.indices where works[index].failure == nil && !works[index].prepared {
            if case .toOne(let toOne) = works[index].direct {
                loaders.requestsCanWait = waiting.contains(toOne.shape)
                works[index].lookupSlots = toOne.prepareSlots(works[index].batch, loaders: loaders)
                loaders.requestsCanWait = false
            } else if case .batch(let resolver) = works[index].resolver {
                do throws(FieldError) {
                    try resolver.prepare(works[index].batch, loaders: loaders)
                } catch {
                    works[index].failure = error
                }
                loaders.requestsCanWait = false
            }
        }
        // 2. One dispatch for the whole step; to-one lookups that wait for the next step's carry their works there.
        let deferred = await loaders.dispatch(deferring: waiting)
        if !deferred.isEmpty {
            var kept: [Work] = []
            kept.reserveCapacity(works.count)
            for work in works {
                if work.failure == nil, case .toOne(let toOne) = work.direct, deferred.contains(toOne.shape) {
                    work.prepared = true
                    carried.append(work)
                } else {
                    kept.append(work)
                }
            }
            works = kept
        }
        // 3. Application async resolvers of this step run concurrently.
        var asyncResults: [Int: [FieldResult]] = [:]
        let asyncWork: [(Int, any AsyncFieldResolver, ResolveBatch)] = works.indices.compactMap { index in
            guard works[index].failure == nil, case .async(let resolver) = works[index].resolver else { return nil }
            return (index, resolver, works[index].batch)
        }
        if asyncWork.count == 1 {
            let (index, resolver, batch) = asyncWork[0]
            asyncResults[index] = await resolver.resolve(batch, context: context)
        } else if !asyncWork.isEmpty {
            let context = self.context
            asyncResults = await withTaskGroup(of: (Int, [FieldResult]).self) { group in
                for (index, resolver, batch) in asyncWork {
                    group.addTask { (index, await resolver.resolve(batch, context: context)) }
                }
                var all: [Int: [FieldResult]] = [:]
                for await (index, results) in group { all[index] = results }
                return all
            }
        }
        // 4. Completion, which discovers the next step's objects.
        var next: [Batch] = []
        var nextIndex: [ChildKey: Int] = [:]
        lastChild = nil
        var nextWork = 0
        while nextWork < works.count {
            let index = nextWork
            let work = works[index]
            nextWork += 1
            if work.failure == nil {
                switch work.direct {
                case .column:
                    // The stored columns of one batch, completed together (each row is visited once).
                    while nextWork < works.count, works[nextWork].failure == nil, works[nextWork].group == work.group,
                        case .column = works[nextWork].direct
                    {
                        nextWork += 1
                    }
                    completeColumns(works, index..<nextWork, next: &next, nextIndex: &nextIndex)
                    continue
                case .toOne(let resolver):
                    completeToOne(resolver, workIndex: index, work: work, next: &next, nextIndex: &nextIndex)
                    continue
                case .rootList(let resolver):
                    completeRowLists(
                        resolver.rows(work.batch, loaders: loaders), typeName: resolver.target.typeName,
                        workIndex: index, work: work, next: &next, nextIndex: &nextIndex)
                    continue
                case .hasMany(let resolver):
                    completeRowLists(
                        resolver.rows(work.batch, loaders: loaders), typeName: resolver.target.typeName,
                        workIndex: index, work: work, next: &next, nextIndex: &nextIndex)
                    continue
                case .none:
                    break
                }
            }
            let results: [FieldResult]
            if let failure = work.failure {
                results = Array(repeating: .error(failure), count: work.slots.count)
            } else if let done = asyncResults[index] {
                results = done
            } else if case .batch(let resolver) = work.resolver {
                results = resolver.resolve(work.batch, loaders: loaders)
            } else {
                results = []
            }
            if results.count != work.slots.count {
                for slot in work.slots {
                    report(FieldError("Resolver returned \(results.count) values for \(work.slots.count) parents."), slot, work.fieldNodes)
                    tree.setNull(slot)
                }
                continue
            }
            for (position, result) in results.enumerated() {
                let slot = work.slots[position]
                if tree.anyDead && tree.isDetached(tree.slotOwner[Int(slot)]) { continue }
                switch result {
                case .error(let error):
                    report(error, slot, work.fieldNodes)
                    tree.setNull(slot)
                case .value(let value):
                    complete(work.fieldType, value, slot, workIndex: index, work: work, next: &next, nextIndex: &nextIndex)
                }
            }
        }
        return next
    }

    /// The to-one lookups of this step that may wait for the next one: shapes that the rows fetched now (by the
    /// step's lists and to-many relations) will look up again through a to-one field of their own selection — so
    /// one request serves both steps (a project's owner and its tasks' assignees are one users request).
    private func waitingLookups(_ works: [Work]) -> Set<RequestLoaders.LookupShape> {
        let hasToOne = works.contains { work in
            if work.failure == nil, !work.prepared, case .toOne = work.direct { return true }
            return false
        }
        guard hasToOne else { return [] }
        var shapes: Set<RequestLoaders.LookupShape> = []
        for work in works where work.failure == nil {
            let target: String
            switch work.direct {
            case .hasMany(let resolver): target = resolver.target.typeName
            case .rootList(let resolver): target = resolver.target.typeName
            default: continue
            }
            let table = fieldPlans.table(for: target)
            for field in collector.collect(work.batch.subSelections, for: target) {
                guard case .toOne(let toOne)? = table?[field.name]?.direct else { continue }
                shapes.insert(toOne.shape)
            }
        }
        return shapes
    }

    // MARK: Direct completion

    /// Completes stored columns (`works[range]`, one batch's, so sharing their parents) for every parent: what
    /// `complete(fieldType, .stored(value))` does for each work in turn, reading each parent's row once.
    ///
    /// Leaves that serialize without error are written on the way; everything else (null, a failed coercion, a
    /// parent that is not a row, a shape other than `T`/`T!` of a leaf `T`) is completed afterwards, work by work
    /// and parent by parent, so errors and null propagation happen in the order of the per-work completion.
    /// (A leaf written into an object that such a later null detaches is never serialized.)
    private func completeColumns(
        _ works: [Work], _ range: Range<Int>, next: inout [Batch], nextIndex: inout [ChildKey: Int]
    ) {
        struct Column {
            var column: Int
            var kind: LeafSerializer.Kind
            /// Whether the field is `T` or `T!` for a leaf `T` (other shapes always go through `complete`).
            var fast: Bool
        }
        let columns: [Column] = range.map { index in
            let work = works[index]
            guard case .column(let column) = work.direct else { return Column(column: 0, kind: .notLeaf, fast: false) }
            var fast: Bool
            switch work.fieldType {
            case .named, .nonNull(.named): fast = true
            default: fast = false
            }
            if case .notLeaf = work.leafKind { fast = false }
            return Column(column: column, kind: work.leafKind, fast: fast)
        }
        var deferred: [[Int]] = Array(repeating: [], count: range.count)
        let first = works[range.lowerBound]
        let parentCount = first.batch.parents.count
        // Every column's slots, column after column, read in place below: reading a work's `slots` through the
        // class, and copying each `Column` out of its array, retained and released for every value written.
        var slotTable: [Int32] = []
        slotTable.reserveCapacity(range.count * parentCount)
        for index in range { slotTable.append(contentsOf: works[index].slots) }
        columns.withUnsafeBufferPointer { columns in
            slotTable.withUnsafeBufferPointer { slotTable in
                first.batch.parents.withUnsafeBufferPointer { parents in
                    for position in 0..<parents.count {
                        if tree.anyDead, tree.isDetached(tree.slotOwner[Int(slotTable[position])]) { continue }
                        guard case .row(_, let row) = parents[position] else {
                            for offset in columns.indices { deferred[offset].append(position) }
                            continue
                        }
                        row.values.withUnsafeBufferPointer { values in
                            for offset in columns.indices {
                                let index = columns[offset].column
                                if columns[offset].fast, !values[index].isNull,
                                    case .success(let leaf) = LeafSerializer.serialize(
                                        stored: values[index], as: columns[offset].kind)
                                {
                                    tree.setLeaf(slotTable[offset &* parentCount &+ position], leaf)
                                } else {
                                    deferred[offset].append(position)
                                }
                            }
                        }
                    }
                }
            }
        }
        for offset in columns.indices where !deferred[offset].isEmpty {
            let workIndex = range.lowerBound + offset
            let work = works[workIndex]
            let column = columns[offset]
            for position in deferred[offset] {
                let slot = work.slots[position]
                if tree.anyDead && tree.isDetached(tree.slotOwner[Int(slot)]) { continue }
                guard case .row(_, let row) = work.batch.parents[position] else {
                    complete(
                        work.fieldType, .null, slot, workIndex: workIndex, work: work, next: &next,
                        nextIndex: &nextIndex)
                    continue
                }
                let value = row.values[column.column]
                guard column.fast else {
                    complete(
                        work.fieldType, .stored(value), slot, workIndex: workIndex, work: work, next: &next,
                        nextIndex: &nextIndex)
                    continue
                }
                if value.isNull {
                    if case .nonNull = work.fieldType { reportNonNull(slot, work) }
                    tree.setNull(slot)
                    continue
                }
                switch LeafSerializer.serialize(stored: value, as: column.kind) {
                case .success(let leaf): tree.setLeaf(slot, leaf)
                case .failure(let error):
                    report(error, slot, work.fieldNodes)
                    tree.setNull(slot)
                }
            }
        }
    }

    /// Completes a to-one relation for every parent: what `complete(fieldType, resolver's value)` does, without
    /// wrapping each row in an `OutputValue`.
    private func completeToOne(
        _ resolver: ToOneResolver, workIndex: Int, work: Work, next: inout [Batch], nextIndex: inout [ChildKey: Int]
    ) {
        let table = loaders.lookupTable(resolver.shape)
        let targetType = resolver.target.typeName
        // `T` or `T!` for an object type `T`: rows go straight to the next step; anything else through `complete`.
        var objectType: String?
        switch work.fieldType {
        case .named(let name), .nonNull(.named(let name)): objectType = name
        default: objectType = nil
        }
        if work.namedType?.kind != .object { objectType = nil }
        let flat = objectType.flatMap { flatLayout(of: work, objectType: $0) }
        // Each parent's key slot, from `prepareSlots`. Consecutive parents with the same key (grouped rows) share a
        // slot and reuse the previous result.
        let keySlots = work.lookupSlots
        var previousSlot: Int32 = -1
        var previousResult: Result<Row?, FieldError> = .success(nil)
        work.batch.parents.withUnsafeBufferPointer { parents in
            work.slots.withUnsafeBufferPointer { slots in
                for position in 0..<parents.count {
                    let slot = slots[position]
                    if tree.anyDead && tree.isDetached(tree.slotOwner[Int(slot)]) { continue }
                    guard case .row = parents[position] else {
                        complete(
                            work.fieldType, .null, slot, workIndex: workIndex, work: work, next: &next,
                            nextIndex: &nextIndex)
                        continue
                    }
                    let keySlot = keySlots[position]
                    if keySlot != previousSlot {
                        previousSlot = keySlot
                        previousResult = table.result(atSlot: keySlot)
                    }
                    switch previousResult {
                    case .failure(let error):
                        report(error, slot, work.fieldNodes)
                        tree.setNull(slot)
                    case .success(nil):
                        complete(
                            work.fieldType, .null, slot, workIndex: workIndex, work: work, next: &next,
                            nextIndex: &nextIndex)
                    case .success(let found?):
                        if let flat, let objectType,
                            tree.setFlatObject(slot, row: found, typeName: objectType, layout: flat)
                        {
                            continue
                        }
                        let object = ObjectValue.row(typeName: targetType, found)
                        if let objectType {
                            addChild(
                                object, concrete: objectType, slot: slot, workIndex: workIndex, work: work, next: &next,
                                nextIndex: &nextIndex)
                        } else {
                            complete(
                                work.fieldType, .object(object), slot, workIndex: workIndex, work: work, next: &next,
                                nextIndex: &nextIndex)
                        }
                    }
                }
            }
        }
    }

    /// Completes lists of rows (one entry per parent: its rows, its error, or nil for null): what `complete` does
    /// with the resolver's `.list` of `.object(.row(…))` values, without building them. Handles `[T]`, `[T!]`
    /// (and their non-null forms) of an object type `T`; anything else goes through `complete`.
    private func completeRowLists(
        _ results: [Result<[Row], FieldError>?], typeName: String, workIndex: Int, work: Work, next: inout [Batch],
        nextIndex: inout [ChildKey: Int]
    ) {
        var listType = work.fieldType
        if case .nonNull(let inner) = listType { listType = inner }
        var objectType: String?
        var itemNonNull = false
        if case .list(let item) = listType {
            switch item {
            case .named(let name): objectType = name
            case .nonNull(.named(let name)):
                objectType = name
                itemNonNull = true
            default: break
            }
        }
        if work.namedType?.kind != .object { objectType = nil }
        let flat = objectType.flatMap { flatLayout(of: work, objectType: $0) }
        for (position, result) in zip(work.slots.indices, results) {
            let slot = work.slots[position]
            if tree.anyDead && tree.isDetached(tree.slotOwner[Int(slot)]) { continue }
            switch result {
            case nil:
                complete(
                    work.fieldType, .null, slot, workIndex: workIndex, work: work, next: &next, nextIndex: &nextIndex)
            case .failure(let error)?:
                report(error, slot, work.fieldNodes)
                tree.setNull(slot)
            case .success(let rows)?:
                guard let objectType else {
                    complete(
                        work.fieldType, .list(rows.map { .object(.row(typeName: typeName, $0)) }), slot,
                        workIndex: workIndex, work: work, next: &next, nextIndex: &nextIndex)
                    continue
                }
                let list = tree.addList(parentSlot: slot, count: rows.count, itemNonNull: itemNonNull)
                tree.slots[Int(slot)] = .node(list)
                let first = tree.nodes[Int(list)].firstSlot
                for (offset, row) in rows.enumerated() {
                    if let flat, tree.setFlatObject(first + Int32(offset), row: row, typeName: objectType, layout: flat) {
                        continue
                    }
                    addChild(
                        .row(typeName: typeName, row), concrete: objectType, slot: first + Int32(offset),
                        workIndex: workIndex, work: work, next: &next, nextIndex: &nextIndex)
                }
            }
        }
    }

    /// How the rows `work` completes (its list's items, or its to-one object) are written when its selection on
    /// `objectType` holds only stored leaf columns (`FlatObjectLayout`): from the document's planned selections,
    /// so the next step plans the same selection from the same entry for the rows that still need it; for a
    /// document planned per request, from this run's own layouts.
    private func flatLayout(of work: Work, objectType: String) -> FlatObjectLayout? {
        guard flatObjects else { return nil }
        if let known = work.flatLayout, known.typeName == objectType { return known.layout }
        let layout = findFlatLayout(of: work, objectType: objectType)
        work.flatLayout = (objectType, layout)
        return layout
    }

    private func findFlatLayout(of work: Work, objectType: String) -> FlatObjectLayout? {
        guard let key = PlanCache.Key(work.batch.subSelections, typeName: objectType) else { return nil }
        let batch = Batch(typeName: objectType, selections: work.batch.subSelections, objects: [], nodes: [])
        if let plans { return plans.plan(key) { selection(batch, memoized: true) }.flatLayout }
        if let known = runLayouts[key] { return known }
        let layout = selection(batch, memoized: false).flatLayout
        runLayouts[key] = layout
        return layout
    }

    private func reportNonNull(_ slot: Int32, _ work: Work) {
        report(
            FieldError("Cannot return null for non-nullable field \(work.batch.parentType).\(work.plan.definition.name)."),
            slot, work.fieldNodes)
    }

    // MARK: Completion

    private func complete(
        _ type: TypeRef, _ value: OutputValue, _ slot: Int32, workIndex: Int, work: Work, next: inout [Batch],
        nextIndex: inout [ChildKey: Int]
    ) {
        switch type {
        case .nonNull(let inner):
            if isNull(value) {
                report(
                    FieldError("Cannot return null for non-nullable field \(work.batch.parentType).\(work.plan.definition.name)."),
                    slot, work.fieldNodes)
                tree.setNull(slot)
                return
            }
            complete(inner, value, slot, workIndex: workIndex, work: work, next: &next, nextIndex: &nextIndex)

        case .list(let itemType):
            let items: [OutputValue]
            switch value {
            case .list(let list): items = list
            case .stored(.stringList(let strings)): items = strings.map { .string($0) }
            case .null, .stored(.null):
                tree.setNull(slot)
                return
            default:
                report(
                    FieldError("Expected a list for field \(work.batch.parentType).\(work.plan.definition.name)."), slot,
                    work.fieldNodes)
                tree.setNull(slot)
                return
            }
            let list = tree.addList(parentSlot: slot, count: items.count, itemNonNull: itemType.isNonNull)
            tree.slots[Int(slot)] = .node(list)
            let first = tree.nodes[Int(list)].firstSlot
            for (offset, item) in items.enumerated() {
                complete(itemType, item, first + Int32(offset), workIndex: workIndex, work: work, next: &next, nextIndex: &nextIndex)
                if tree.nodes[Int(list)].dead { return }
            }

        case .named(let name):
            if isNull(value) {
                tree.setNull(slot)
                return
            }
            guard let namedType = work.namedType else {
                report(FieldError("Unknown type \(name)."), slot, work.fieldNodes)
                tree.setNull(slot)
                return
            }
            if namedType.kind.isLeaf {
                switch LeafSerializer.serialize(value, as: work.leafKind) {
                case .success(let leaf): tree.setLeaf(slot, leaf)
                case .failure(let error):
                    report(error, slot, work.fieldNodes)
                    tree.setNull(slot)
                }
                return
            }
            guard case .object(let object) = value else {
                report(FieldError("Expected an object for field \(work.batch.parentType).\(work.plan.definition.name)."), slot, work.fieldNodes)
                tree.setNull(slot)
                return
            }
            let concrete: String
            if namedType.kind == .object {
                concrete = name
            } else if let runtime = object.typeName, schema.possibleTypes(of: name).contains(runtime) {
                concrete = runtime
            } else {
                report(
                    FieldError("Abstract type \"\(name)\" must resolve to an Object type at runtime for field \"\(work.batch.parentType).\(work.plan.definition.name)\"."),
                    slot, work.fieldNodes)
                tree.setNull(slot)
                return
            }
            if case .row(_, let row) = object, let flat = flatLayout(of: work, objectType: concrete),
                tree.setFlatObject(slot, row: row, typeName: concrete, layout: flat)
            {
                return
            }
            addChild(
                object, concrete: concrete, slot: slot, workIndex: workIndex, work: work, next: &next,
                nextIndex: &nextIndex)
        }
    }

    /// Puts `object` (of the object type `concrete`) in `slot` and in the next step's batch for its work and type.
    @inline(__always)
    private func addChild(
        _ object: ObjectValue, concrete: String, slot: Int32, workIndex: Int, work: Work, next: inout [Batch],
        nextIndex: inout [ChildKey: Int]
    ) {
        let node = tree.addObject(parentSlot: slot)
        tree.slots[Int(slot)] = .node(node)
        if let last = lastChild, last.work == workIndex, last.typeName == concrete {
            next[last.index].objects.append(object)
            next[last.index].nodes.append(node)
            return
        }
        let key = ChildKey(work: workIndex, typeName: concrete)
        if let existing = nextIndex[key] {
            lastChild = (workIndex, concrete, existing)
            next[existing].objects.append(object)
            next[existing].nodes.append(node)
        } else {
            nextIndex[key] = next.count
            lastChild = (workIndex, concrete, next.count)
            next.append(
                Batch(typeName: concrete, selections: work.batch.subSelections, objects: [object], nodes: [node]))
        }
    }

    @inline(__always)
    private func isNull(_ value: OutputValue) -> Bool {
        switch value {
        case .null, .stored(.null): true
        default: false
        }
    }

    /// Records a field error where it is (an argument's value), else at every node the field was selected by (a
    /// field merged from a fragment and the selection around it has two), as graphql-js does.
    private func report(_ error: FieldError, _ slot: Int32, _ nodes: [Field]) {
        errors.append(error.located(at: tree.path(of: slot), nodes: nodes, in: source))
    }
}
