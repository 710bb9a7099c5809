import StrataLanguage
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
    let loaders: RequestLoaders
    let context: RequestContext
    var tree = ResultTree()
    var errors: [GraphQLError] = []
    /// The child batch the previous object went to (consecutive objects usually share it).
    private var lastChild: (work: Int, typeName: String, index: Int)?

    /// Objects of one concrete type sharing one merged selection, waiting for their fields to be resolved.
    struct Batch {
        var typeName: String
        var selections: [SelectionSet]
        var objects: [ObjectValue]
        var nodes: [Int32]
    }

    /// One field of one batch.
    struct Work {
        var batch: ResolveBatch
        var resolver: Resolver
        var fieldType: TypeRef
        var slots: [Int32]
        var fieldNodes: [Field]
        var failure: FieldError?
        /// The innermost named type of `fieldType`, looked up once.
        var namedType: NamedType?
        var leafKind: LeafSerializer.Kind
    }

    init(
        schema: Schema, source: Source, fragments: [String: FragmentDefinition], variables: [String: InputValue],
        resolvers: ResolverSet, loaders: RequestLoaders, context: RequestContext
    ) {
        self.schema = schema
        self.source = source
        self.collector = FieldCollector(schema: schema, fragments: fragments, variables: variables)
        self.resolvers = resolvers
        self.loaders = loaders
        self.context = context
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
        while !current.isEmpty {
            var works: [Work] = []
            for batch in current { works.append(contentsOf: plan(batch)) }
            current = await step(&works)
        }
    }

    // MARK: Planning

    /// Collects the batch's fields, allocates their slots and prepares one work item per field.
    private func plan(_ batch: Batch) -> [Work] {
        let fields = collector.collect(batch.selections, for: batch.typeName)
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

        let definitions = fields.map { schema.fieldDefinition(parentType: batch.typeName, fieldName: $0.name) }
        let keySet = tree.addKeySet(fields.map(\.responseKey))
        let nonNull = definitions.map { $0?.type.isNonNull ?? false }
        for node in nodes { tree.allocateFields(of: node, keySet: keySet, nonNull: nonNull) }

        var works: [Work] = []
        works.reserveCapacity(fields.count)
        for (index, field) in fields.enumerated() {
            let slots = nodes.map { tree.nodes[Int($0)].firstSlot + Int32(index) }
            if field.name == "__typename" {
                for slot in slots { tree.slots[Int(slot)] = .string(batch.typeName) }
                continue
            }
            guard let definition = definitions[index] else {
                // Validation rules out unknown fields; a stale cached plan could not reach here either.
                for slot in slots {
                    report(FieldError("Cannot query field \"\(field.name)\" on type \"\(batch.typeName)\"."), slot, field.nodes)
                    tree.setNull(slot)
                }
                continue
            }
            var failure: FieldError?
            let arguments: [String: InputValue]
            switch ArgumentCoercion.coerce(field.nodes[0].arguments, definition: definition, schema: schema, variables: collector.variables) {
            case .success(let values): arguments = values
            case .failure(let error):
                arguments = [:]
                failure = error
            }
            let resolveBatch = ResolveBatch(
                parentType: batch.typeName, field: definition, responseKey: field.responseKey, arguments: arguments,
                parents: objects, subSelections: field.nodes.compactMap(\.selectionSet),
                lookahead: SelectionLookahead(fragments: collector.fragments, application: resolvers.application))
            let namedType = schema.types[definition.type.namedType]
            works.append(
                Work(
                    batch: resolveBatch, resolver: resolvers.resolver(batch.typeName, definition),
                    fieldType: definition.type, slots: slots, fieldNodes: field.nodes, failure: failure,
                    namedType: namedType, leafKind: namedType.map(LeafSerializer.kind(of:)) ?? .notLeaf))
        }
        return works
    }

    // MARK: One step

    private struct ChildKey: Hashable {
        var work: Int
        var typeName: String
    }

    private func step(_ works: inout [Work]) async -> [Batch] {
        // 1. Every batch resolver registers what it needs.
        for index in works.indices where works[index].failure == nil {
            if case .batch(let resolver) = works[index].resolver {
                do throws(FieldError) {
                    try resolver.prepare(works[index].batch, loaders: loaders)
                } catch {
                    works[index].failure = error
                }
            }
        }
        // 2. One dispatch for the whole step.
        await loaders.dispatch()
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
        for index in works.indices {
            let work = works[index]
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

    // MARK: Completion

    private func complete(
        _ type: TypeRef, _ value: OutputValue, _ slot: Int32, workIndex: Int, work: Work, next: inout [Batch],
        nextIndex: inout [ChildKey: Int]
    ) {
        switch type {
        case .nonNull(let inner):
            if isNull(value) {
                report(
                    FieldError("Cannot return null for non-nullable field \(work.batch.parentType).\(work.batch.field.name)."),
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
                    FieldError("Expected a list for field \(work.batch.parentType).\(work.batch.field.name)."), slot,
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
                case .success(let leaf): tree.slots[Int(slot)] = leaf
                case .failure(let error):
                    report(error, slot, work.fieldNodes)
                    tree.setNull(slot)
                }
                return
            }
            guard case .object(let object) = value else {
                report(FieldError("Expected an object for field \(work.batch.parentType).\(work.batch.field.name)."), slot, work.fieldNodes)
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
                    FieldError("Abstract type \"\(name)\" must resolve to an Object type at runtime for field \"\(work.batch.parentType).\(work.batch.field.name)\"."),
                    slot, work.fieldNodes)
                tree.setNull(slot)
                return
            }
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
                next.append(Batch(typeName: concrete, selections: work.batch.subSelections, objects: [object], nodes: [node]))
            }
        }
    }

    @inline(__always)
    private func isNull(_ value: OutputValue) -> Bool {
        switch value {
        case .null, .stored(.null): true
        default: false
        }
    }

    private func report(_ error: FieldError, _ slot: Int32, _ nodes: [Field]) {
        var located = GraphQLError(
            error.message, code: error.code, spans: nodes.isEmpty ? [] : [nodes[0].span], path: tree.path(of: slot),
            extensions: error.extensions)
        located = located.located(in: source)
        errors.append(located)
    }
}
