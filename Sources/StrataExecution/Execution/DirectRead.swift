import StrataLanguage
import StrataModel
import StrataSchema
import StrataStorage
import Synchronization

/// A query that is one root read whose objects have a flat selection (`FlatObjectLayout`): a lookup by key
/// (`user(id: …) { id name email }`) or a plain list (`users(first: 100) { id name email }`). It is answered with
/// one storage request whose rows are written straight after the response's opening bytes — without the loaders'
/// tables, the works, the result tree's nodes and the teardown of the general execution, most of a one-row
/// request's own work. Worked out once per cached document and operation (`PlanCache.directRead`).
///
/// It answers exactly what the general execution would: the same storage request (built as the loaders build
/// it), the same bytes for the rows, `null` for a key that matches nothing, and the same error, path and nulls for
/// a failed request. Anything else — arguments that do not coerce or parse, a row the flat writer does not take —
/// is left to the general execution (`run` returns nil), which reports it as always.
///
/// Every filter comes from the resolvers' own shapes and argument parsing (`RootLookupResolver.shape`,
/// `RootListResolver.listRequest`, `ToOneResolver.shape`), so a condition added there (soft delete today, row-level
/// security next) applies to both paths. A condition that depends on the request's user must reach `run` with the
/// request and not be kept in the plan.
///
/// A class: a request finds its plan in the document's cache and calls it, one retain where a copy of the plan's
/// fields retained each of them (a tenth of a one-row lookup's instructions).
final class DirectRead: Sendable {
    enum Kind: Sendable {
        /// A nullable object looked up by key.
        case lookup(RootLookupResolver)
        /// A list of objects (`[T]`, `[T!]`, either non-null), not a connection.
        case list(RootListResolver)
    }

    /// A to-one relation among the objects' fields (`project { name }`) whose own selection is flat: its rows are
    /// looked up in one request after the objects' (as the loaders' next step would) and written inside them,
    /// between the stored leaf columns selected before it and those selected after it.
    struct Relation: Sendable {
        let resolver: ToOneResolver
        /// `"key":`.
        let key: [UInt8]
        let nonNull: Bool
        let layout: FlatObjectLayout
        /// The related columns to fetch, by name in the relation's storage model (nil: all), as the loaders name
        /// them.
        let names: [String]?
        /// The position of the looked-up key column in the related rows (nil: the source does not know it).
        let keyColumn: Int?
        /// The objects' leaf columns before the relation and after it (nil: none).
        let leading: FlatObjectLayout?
        let trailing: FlatObjectLayout?
    }

    /// How the objects are written: all their fields flat, or flat around one relation.
    enum Shape: Sendable {
        case flat(FlatObjectLayout)
        case relation(Relation)
    }

    let kind: Kind
    let target: EntityBinding
    let definition: FieldDef
    /// The field's nodes (for the locations of its errors) and their arguments.
    let nodes: [Field]
    /// The field's arguments coerced when they are literals; nil when they read variables.
    let arguments: Result<[String: InputValue], FieldError>?
    let shape: Shape
    /// The columns to fetch, by name in the target's storage model (nil: all), as the loaders name them.
    let names: [String]?
    /// For a lookup: the position of its key column in the rows (nil: the source does not know it, no row).
    let keyColumn: Int?
    let responseKey: String
    /// `"data":{"<responseKey>":`.
    let dataPrefix: [UInt8]
    /// How each object is written (`StreamedRows`).
    let rowPlan: StreamedRows.Plan

    private init(
        kind: Kind, target: EntityBinding, definition: FieldDef, nodes: [Field],
        arguments: Result<[String: InputValue], FieldError>?, shape: Shape, names: [String]?,
        keyColumn: Int?, responseKey: String, dataPrefix: [UInt8]
    ) {
        self.kind = kind
        self.target = target
        self.definition = definition
        self.nodes = nodes
        self.arguments = arguments
        self.shape = shape
        self.names = names
        self.keyColumn = keyColumn
        self.responseKey = responseKey
        self.dataPrefix = dataPrefix
        rowPlan = StreamedRows.Plan(typeName: target.typeName, shape: shape)
    }

    /// The plan of `operation` when it is such a read, else nil.
    static func make(
        _ operation: OperationDefinition, rootType: String, plans: PlanCache, collector: FieldCollector,
        fieldPlans: FieldPlans, lookahead: SelectionLookahead, storage: StorageRouter
    ) -> DirectRead? {
        guard operation.operation == .query,
            let rootKey = PlanCache.Key([operation.selectionSet], typeName: rootType)
        else { return nil }
        let root = plans.plan(rootKey) {
            PlannedSelection.build(
                [operation.selectionSet], typeName: rootType, collector: collector, fieldPlans: fieldPlans,
                memoized: true)
        }
        guard root.fields.count == 1, let entry = root.entries[0], case .batch(let batch) = entry.resolver,
            entry.namedType?.kind == .object
        else { return nil }
        let selections = root.subSelections[0]
        let kind: Kind
        let target: EntityBinding
        let columns: ColumnSet
        if let lookup = batch as? RootLookupResolver, case .named = entry.definition.type {
            kind = .lookup(lookup)
            target = lookup.target
            columns = lookup.projection(selections, lookahead: lookahead).columns
        } else if let list = batch as? RootListResolver, !list.asConnection, Self.isListOfObjects(entry.definition.type) {
            kind = .list(list)
            target = list.target
            columns = list.rowProjection(selections, lookahead: lookahead).columns
        } else {
            return nil
        }
        guard entry.definition.type.namedType == target.typeName,
            let objectKey = PlanCache.Key(selections, typeName: target.typeName)
        else { return nil }
        let object = plans.plan(objectKey) {
            PlannedSelection.build(
                selections, typeName: target.typeName, collector: collector, fieldPlans: fieldPlans, memoized: true)
        }
        let shape: Shape
        if let layout = object.flatLayout {
            shape = .flat(layout)
        } else {
            guard
                let relation = Self.relation(
                    of: object, plans: plans, collector: collector, fieldPlans: fieldPlans, lookahead: lookahead,
                    storage: storage)
            else { return nil }
            shape = .relation(relation)
        }
        let field = root.fields[0]
        var dataPrefix = Array("\"data\":{".utf8)
        JSONOutput.appendString(field.responseKey, to: &dataPrefix)
        dataPrefix.append(UInt8(ascii: ":"))
        return DirectRead(
            kind: kind, target: target, definition: entry.definition, nodes: field.nodes,
            arguments: root.arguments[0], shape: shape,
            names: Self.names(columns, source: target.source, entity: target.entity.name, storage: storage),
            keyColumn: { if case .lookup(let lookup) = kind { Self.keyColumn(lookup.shape, storage: storage) } else { nil } }(),
            responseKey: field.responseKey, dataPrefix: dataPrefix)
    }

    /// The relation of a selection made of stored leaf columns and exactly one to-one relation without arguments
    /// whose own selection is flat; nil for any other selection.
    private static func relation(
        of object: PlannedSelection, plans: PlanCache, collector: FieldCollector, fieldPlans: FieldPlans,
        lookahead: SelectionLookahead, storage: StorageRouter
    ) -> Relation? {
        guard
            let position = object.entries.firstIndex(where: {
                if case .toOne? = $0?.direct { return true }
                return false
            }),
            let entry = object.entries[position], case .toOne(let resolver) = entry.direct,
            case .success(let values)? = object.arguments[position], values.isEmpty,
            entry.namedType?.kind == .object, entry.definition.type.namedType == resolver.target.typeName
        else { return nil }
        let nonNull: Bool
        switch entry.definition.type {
        case .named: nonNull = false
        case .nonNull(.named): nonNull = true
        default: return nil
        }
        /// The fields in `range` as one flat run (nil for none; nil from the caller's guard when not flat).
        func run(_ range: Range<Int>) -> FlatObjectLayout?? {
            if range.isEmpty { return .some(nil) }
            let fields = Array(object.fields[range])
            guard
                let layout = FlatObjectLayout(
                    fields: fields, entries: Array(object.entries[range]), arguments: Array(object.arguments[range]),
                    keys: EncodedKeySet(fields.map(\.responseKey)))
            else { return nil }
            return .some(layout)
        }
        let selections = object.subSelections[position]
        let typeName = resolver.target.typeName
        guard let leading = run(0..<position), let trailing = run((position + 1)..<object.fields.count),
            let key = PlanCache.Key(selections, typeName: typeName),
            let layout = plans.plan(key, orBuild: {
                PlannedSelection.build(
                    selections, typeName: typeName, collector: collector, fieldPlans: fieldPlans, memoized: true)
            }).flatLayout
        else { return nil }
        var keyBytes: [UInt8] = []
        JSONOutput.appendString(object.fields[position].responseKey, to: &keyBytes)
        keyBytes.append(UInt8(ascii: ":"))
        let columns = resolver.projection(selections, lookahead: lookahead).columns
        return Relation(
            resolver: resolver, key: keyBytes, nonNull: nonNull, layout: layout,
            names: names(columns, source: resolver.shape.source, entity: resolver.shape.entity, storage: storage),
            keyColumn: keyColumn(resolver.shape, storage: storage), leading: leading, trailing: trailing)
    }

    /// The position of a lookup's key column in its rows, as the loaders find it when they record the rows.
    private static func keyColumn(_ shape: RequestLoaders.LookupShape, storage: StorageRouter) -> Int? {
        storage.adapter(shape.source)?.model[entity: shape.entity]?.columnIndex(shape.column)
    }

    /// The column names a request for `columns` of `entity` carries (nil: all; also for an entity the source does
    /// not know, which its adapter then reports).
    private static func names(_ columns: ColumnSet, source: String, entity: String, storage: StorageRouter) -> [String]? {
        if columns.isAll { return nil }
        return storage.adapter(source)?.model[entity: entity].flatMap { columns.columnNames(of: $0) }
    }

    /// `[T]`, `[T!]`, `[T]!` or `[T!]!` of a named type.
    private static func isListOfObjects(_ type: TypeRef) -> Bool {
        var list = type
        if case .nonNull(let inner) = list { list = inner }
        switch list {
        case .list(.named), .list(.nonNull(.named)): return true
        default: return false
        }
    }

    /// Answers the request, or returns nil for the general execution to answer it.
    ///
    /// A list from an adapter that streams rows (`RowStreamingAdapter`) is written as its statement produces it
    /// (`StreamedRows`) unless `streamRows` is false; the same bytes either way.
    func run(
        variables: [String: InputValue], schema: Schema, source: Source, storage: StorageRouter, trees: ResultTreePool,
        maxBatchSize: Int, streamRows: Bool = true
    ) async -> GraphQLResponse? {
        let values: [String: InputValue]
        switch arguments
            ?? ArgumentCoercion.coerce(nodes[0].arguments, definition: definition, schema: schema, variables: variables)
        {
        case .success(let coerced): values = coerced
        case .failure: return nil
        }
        guard let adapter = storage.adapter(target.source) else { return nil }
        switch kind {
        case .lookup(let resolver):
            guard let key = resolver.key(arguments: values) else { return writeNull() }
            let shape = resolver.shape
            let request = LookupRequest(
                entity: shape.entity, column: shape.column, keys: [key], filter: shape.filter, columns: names,
                keysAreDistinct: true)
            let rows: [Row]
            do throws(StorageError) {
                rows = try await adapter.lookup(request)
            } catch {
                return failure(FieldError.from(error), source: source)
            }
            // As the loaders record a lookup: the row whose key column holds the key (none: null).
            guard let column = keyColumn, let row = rows.first(where: { ByteWiseKey.equal($0[column], key) })
            else { return writeNull() }
            var object = StreamedRows(tree: trees.take(), plan: rowPlan)
            defer { trees.give(object.tree) }
            guard object.write(row: row) else { return nil }
            return await write(object, asList: false, storage: storage, maxBatchSize: maxBatchSize)
        case .list(let resolver):
            var request: ListRequest
            do throws(FieldError) {
                request = try resolver.listRequest(arguments: values)
            } catch {
                return nil
            }
            request.columns = names
            if streamRows, let streaming = adapter as? any RowStreamingAdapter {
                let writer = StreamedRows(tree: trees.take(), plan: rowPlan)
                let streamed: StreamedRows?
                do throws(StorageError) {
                    streamed = try await streaming.list(request, streamingInto: writer)
                } catch {
                    return failure(FieldError.from(error), source: source)
                }
                if let streamed {
                    // Nil (a relation's lookup failed or left a non-null object without its row) is what rows
                    // would give too: the general execution answers.
                    defer { trees.give(streamed.tree) }
                    return await write(streamed, asList: true, storage: storage, maxBatchSize: maxBatchSize)
                }
            }
            let page: Page
            do throws(StorageError) {
                page = try await adapter.list(request)
            } catch {
                return failure(FieldError.from(error), source: source)
            }
            var objects = StreamedRows(tree: trees.take(), plan: rowPlan)
            defer { trees.give(objects.tree) }
            for row in page.rows {
                guard objects.write(row: row) else { return nil }
            }
            return await write(objects, asList: true, storage: storage, maxBatchSize: maxBatchSize)
        }
    }

    /// `{"data":{"key":null}}`.
    private func writeNull() -> GraphQLResponse {
        JSONOutput.nullBytes.withUnsafeBufferPointer { null in respond(count: null.count) { $0.put(null) } }
    }

    /// The related row of each of `keys`' distinct keys (nil: none), looked up as the loaders would; nil when a
    /// lookup fails.
    private func lookUp(_ relationKeys: RelationKeys, of relation: Relation, storage: StorageRouter, maxBatchSize: Int)
        async -> [Row?]?
    {
        let keys = relationKeys.keys
        let index = relationKeys.index
        let resolver = relation.resolver
        var found = [Row?](repeating: nil, count: keys.count)
        if keys.isEmpty { return found }
        let shape = resolver.shape
        guard let adapter = storage.adapter(shape.source), let column = relation.keyColumn else { return nil }
        let size = max(1, maxBatchSize)
        let requests = stride(from: 0, to: keys.count, by: size).map { start in
            LookupRequest(
                entity: shape.entity, column: shape.column, keys: Array(keys[start..<min(start + size, keys.count)]),
                filter: shape.filter, columns: relation.names, keysAreDistinct: true)
        }
        @Sendable func fetch(_ request: LookupRequest) async -> Result<[Row], StorageError> {
            do throws(StorageError) {
                return .success(try await adapter.lookup(request))
            } catch {
                return .failure(error)
            }
        }
        // Several batches go concurrently, as the loaders send a step's jobs.
        var results: [Result<[Row], StorageError>] = []
        if requests.count == 1 {
            results.append(await fetch(requests[0]))
        } else {
            results = await withTaskGroup(of: Result<[Row], StorageError>.self) { group in
                for request in requests { group.addTask { await fetch(request) } }
                var all: [Result<[Row], StorageError>] = []
                for await result in group { all.append(result) }
                return all
            }
        }
        for result in results {
            guard case .success(let rows) = result else { return nil }
            for row in rows {
                guard let slot = index[ByteWiseKey(row[column])] else { continue }
                found[Int(slot)] = row
            }
        }
        return found
    }

    /// `{"data":{"key":[<objects>]}}`, or `{"data":{"key":<object>}}` for a lookup's one object: flat objects as
    /// written; objects around a relation put together from their two parts and the related object of their key,
    /// looked up as the loaders' next step would, each related object written once. Nil when a lookup fails, the
    /// flat writer does not take a related row, or a non-null relation has no row: left to the general execution.
    private func write(_ streamed: StreamedRows, asList: Bool, storage: StorageRouter, maxBatchSize: Int) async
        -> GraphQLResponse?
    {
        let arena = streamed.tree.leafBytes
        let brackets = asList ? 2 : 0
        guard case .relation(let relation) = shape else {
            let rows = arena.bytes
            return respond(count: rows.count + brackets) { out in
                if asList { out.put(UInt8(ascii: "[")) }
                out.put(rows)
                if asList { out.put(UInt8(ascii: "]")) }
            }
        }
        guard let found = await lookUp(streamed.keys, of: relation, storage: storage, maxBatchSize: maxBatchSize)
        else { return nil }
        // Each related object once, after the rows' parts: its bytes' start and end, or -1 for none.
        var tree = streamed.tree
        let relatedType = relation.resolver.target.typeName
        var objects = [Int32](repeating: -1, count: found.count * 2)
        for (slot, row) in found.enumerated() {
            guard let row else { continue }
            objects[2 * slot] = Int32(arena.count)
            guard tree.appendFlatObject(row: row, typeName: relatedType, layout: relation.layout) else { return nil }
            objects[2 * slot + 1] = Int32(arena.count)
        }
        let slots = streamed.keys.slots
        let ends = streamed.ends
        let nullBytes = JSONOutput.nullBytes
        let separator = relation.leading == nil ? 0 : 1
        // `[`, `]`, and per object `{`, `}`, the comma before all but the first, its key and separator.
        var count = brackets + max(0, slots.count * (3 + separator + relation.key.count) - 1)
        count += Int(ends.last ?? 0)
        for slot in slots {
            if slot < 0 || objects[2 * Int(slot)] < 0 {
                if relation.nonNull { return nil }
                count += nullBytes.count
            } else {
                count += Int(objects[2 * Int(slot) + 1] - objects[2 * Int(slot)])
            }
        }
        let bytes = arena.bytes
        return respond(count: count) { out in
            if asList { out.put(UInt8(ascii: "[")) }
            var start = 0
            for (position, slot) in slots.enumerated() {
                if position > 0 { out.put(UInt8(ascii: ",")) }
                out.put(UInt8(ascii: "{"))
                let leadEnd = Int(ends[2 * position])
                let trailEnd = Int(ends[2 * position + 1])
                out.put(UnsafeBufferPointer(rebasing: bytes[start..<leadEnd]))
                if separator == 1 { out.put(UInt8(ascii: ",")) }
                relation.key.withUnsafeBufferPointer { out.put($0) }
                if slot >= 0, objects[2 * Int(slot)] >= 0 {
                    let object = Int(objects[2 * Int(slot)])..<Int(objects[2 * Int(slot) + 1])
                    out.put(UnsafeBufferPointer(rebasing: bytes[object]))
                } else {
                    nullBytes.withUnsafeBufferPointer { out.put($0) }
                }
                out.put(UnsafeBufferPointer(rebasing: bytes[leadEnd..<trailEnd]))
                out.put(UInt8(ascii: "}"))
                start = trailEnd
            }
            if asList { out.put(UInt8(ascii: "]")) }
        }
    }

    /// `{"data":{"key":<value>}}` where `value` is the `count` bytes `fill` puts.
    private func respond(count: Int, _ fill: (inout BodyWriter) -> Void) -> GraphQLResponse {
        let total = 1 + dataPrefix.count + count + 2
        let body = [UInt8](unsafeUninitializedCapacity: total) { buffer, initialized in
            var out = BodyWriter(base: buffer.baseAddress!, limit: total)
            out.put(UInt8(ascii: "{"))
            dataPrefix.withUnsafeBufferPointer { out.put($0) }
            fill(&out)
            out.put(UInt8(ascii: "}"))
            out.put(UInt8(ascii: "}"))
            precondition(out.count == total, "a direct read's body is not the size worked out for it")
            initialized = total
        }
        return GraphQLResponse(outcome: .executed, body: body, errors: [])
    }

    /// The read failed: its error at the field's path, and the field null — or `data` null when the field is
    /// non-null (as the general execution reports it).
    private func failure(_ error: FieldError, source: Source) -> GraphQLResponse {
        let located = error.located(at: [.key(responseKey)], nodes: nodes, in: source)
        var body: [UInt8] = [UInt8(ascii: "{")]
        ResponseWriter.appendErrors([located], to: &body)
        body.append(UInt8(ascii: ","))
        if definition.type.isNonNull {
            body.append(contentsOf: Array("\"data\":null}".utf8))
        } else {
            body.append(contentsOf: dataPrefix)
            body.append(contentsOf: JSONOutput.nullBytes)
            body.append(contentsOf: [UInt8(ascii: "}"), UInt8(ascii: "}")])
        }
        return GraphQLResponse(outcome: .executed, body: body, errors: [located])
    }
}

extension PlanCache {
    /// The direct read of the operation written at `operation`'s span (nil: it is not one), worked out by `build`
    /// the first time it is asked.
    func directRead(_ operation: OperationDefinition, build: () -> DirectRead?) -> DirectRead? {
        let key = UInt64(operation.span.start) << 32 | UInt64(operation.span.end)
        if let known = directReads.withLock({ $0[key] }) { return known }
        let built = build()
        directReads.withLock { plans in
            if plans.count < Self.capacity { plans[key] = built }
        }
        return built
    }
}

/// Puts bytes into a response body of a size worked out beforehand.
struct BodyWriter {
    let base: UnsafeMutablePointer<UInt8>
    let limit: Int
    private(set) var count = 0

    init(base: UnsafeMutablePointer<UInt8>, limit: Int) {
        self.base = base
        self.limit = limit
    }

    @inline(__always) mutating func put(_ byte: UInt8) {
        precondition(count < limit, "writing past a direct read's body")
        base[count] = byte
        count &+= 1
    }

    @inline(__always) mutating func put(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let from = bytes.baseAddress, !bytes.isEmpty else { return }
        precondition(bytes.count <= limit &- count, "writing past a direct read's body")
        ShortCopy.copy(from: UnsafeRawPointer(from), to: UnsafeMutableRawPointer(base + count), count: bytes.count)
        count &+= bytes.count
    }
}
