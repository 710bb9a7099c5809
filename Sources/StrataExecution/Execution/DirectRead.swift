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
struct DirectRead: Sendable {
    enum Kind: Sendable {
        /// A nullable object looked up by key.
        case lookup(RootLookupResolver)
        /// A list of objects (`[T]`, `[T!]`, either non-null), not a connection.
        case list(RootListResolver)
    }

    /// A to-one relation among the objects' fields (`project { name }`) whose own selection is flat: its rows are
    /// looked up in one request after the objects' (as the loaders' next step would) and written inside them.
    struct Relation: Sendable {
        let resolver: ToOneResolver
        /// `"key":`.
        let key: [UInt8]
        let nonNull: Bool
        let layout: FlatObjectLayout
        let columns: ColumnSet
    }

    /// The objects' fields in selection order: runs of stored leaf columns, and the relation.
    enum Part: Sendable {
        case fields(FlatObjectLayout)
        case relation
    }

    let kind: Kind
    let target: EntityBinding
    let definition: FieldDef
    /// The field's nodes (for the locations of its errors) and their arguments.
    let nodes: [Field]
    /// The field's arguments coerced when they are literals; nil when they read variables.
    let arguments: Result<[String: InputValue], FieldError>?
    let parts: [Part]
    let relation: Relation?
    let columns: ColumnSet
    let responseKey: String
    /// `"data":{"<responseKey>":`.
    let dataPrefix: [UInt8]

    /// The plan of `operation` when it is such a read, else nil.
    static func make(
        _ operation: OperationDefinition, rootType: String, plans: PlanCache, collector: FieldCollector,
        fieldPlans: FieldPlans, lookahead: SelectionLookahead
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
        let parts: [Part]
        let relation: Relation?
        if let layout = object.flatLayout {
            parts = [.fields(layout)]
            relation = nil
        } else {
            guard
                let (found, to) = Self.parts(
                    of: object, plans: plans, collector: collector, fieldPlans: fieldPlans, lookahead: lookahead)
            else { return nil }
            parts = found
            relation = to
        }
        let field = root.fields[0]
        var dataPrefix = Array("\"data\":{".utf8)
        JSONOutput.appendString(field.responseKey, to: &dataPrefix)
        dataPrefix.append(UInt8(ascii: ":"))
        return DirectRead(
            kind: kind, target: target, definition: entry.definition, nodes: field.nodes,
            arguments: root.arguments[0], parts: parts, relation: relation, columns: columns,
            responseKey: field.responseKey, dataPrefix: dataPrefix)
    }

    /// The parts of a selection made of stored leaf columns and exactly one to-one relation without arguments whose
    /// own selection is flat; nil for any other selection.
    private static func parts(
        of object: PlannedSelection, plans: PlanCache, collector: FieldCollector, fieldPlans: FieldPlans,
        lookahead: SelectionLookahead
    ) -> ([Part], Relation)? {
        var parts: [Part] = []
        var relation: Relation?
        var run: [Int] = []
        func flush() -> Bool {
            guard !run.isEmpty else { return true }
            guard
                let layout = FlatObjectLayout(
                    fields: run.map { object.fields[$0] }, entries: run.map { object.entries[$0] },
                    arguments: run.map { object.arguments[$0] }, keys: EncodedKeySet(run.map { object.fields[$0].responseKey }))
            else { return false }
            parts.append(.fields(layout))
            run = []
            return true
        }
        for (index, field) in object.fields.enumerated() {
            guard let entry = object.entries[index], case .toOne(let resolver) = entry.direct else {
                run.append(index)
                continue
            }
            guard relation == nil, case .success(let values)? = object.arguments[index], values.isEmpty,
                entry.namedType?.kind == .object, entry.definition.type.namedType == resolver.target.typeName
            else { return nil }
            let nonNull: Bool
            switch entry.definition.type {
            case .named: nonNull = false
            case .nonNull(.named): nonNull = true
            default: return nil
            }
            let selections = object.subSelections[index]
            let typeName = resolver.target.typeName
            guard let key = PlanCache.Key(selections, typeName: typeName),
                let layout = plans.plan(key, orBuild: {
                    PlannedSelection.build(
                        selections, typeName: typeName, collector: collector, fieldPlans: fieldPlans, memoized: true)
                }).flatLayout,
                flush()
            else { return nil }
            var keyBytes: [UInt8] = []
            JSONOutput.appendString(field.responseKey, to: &keyBytes)
            keyBytes.append(UInt8(ascii: ":"))
            relation = Relation(
                resolver: resolver, key: keyBytes, nonNull: nonNull, layout: layout,
                columns: ColumnProjection.rows(
                    selections, target: resolver.target, required: [resolver.remoteColumn], lookahead: lookahead
                ).columns)
            parts.append(.relation)
        }
        guard let relation, flush() else { return nil }
        return (parts, relation)
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
    func run(
        variables: [String: InputValue], schema: Schema, source: Source, storage: StorageRouter, trees: ResultTreePool,
        maxBatchSize: Int
    ) async -> GraphQLResponse? {
        let values: [String: InputValue]
        switch arguments
            ?? ArgumentCoercion.coerce(nodes[0].arguments, definition: definition, schema: schema, variables: variables)
        {
        case .success(let coerced): values = coerced
        case .failure: return nil
        }
        guard let adapter = storage.adapter(target.source) else { return nil }
        let entity = target.entity.name
        let names = columns.isAll ? nil : adapter.model[entity: entity].flatMap { columns.columnNames(of: $0) }
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
            guard let column = adapter.model[entity: shape.entity]?.columnIndex(shape.column),
                let row = rows.first(where: { ByteWiseKey.equal($0[column], key) })
            else { return writeNull() }
            let found = CollectionOfOne(row)
            guard let related = await related(of: found, storage: storage, maxBatchSize: maxBatchSize) else { return nil }
            return write(found, related: related, asList: false, trees: trees)
        case .list(let resolver):
            var request: ListRequest
            do throws(FieldError) {
                request = try resolver.listRequest(arguments: values)
            } catch {
                return nil
            }
            request.columns = names
            let page: Page
            do throws(StorageError) {
                page = try await adapter.list(request)
            } catch {
                return failure(FieldError.from(error), source: source)
            }
            guard let related = await related(of: page.rows, storage: storage, maxBatchSize: maxBatchSize) else {
                return nil
            }
            return write(page.rows, related: related, asList: true, trees: trees)
        }
    }

    /// `{"data":{"key":null}}`.
    private func writeNull() -> GraphQLResponse {
        var body: [UInt8] = [UInt8(ascii: "{")]
        body.append(contentsOf: dataPrefix)
        body.append(contentsOf: JSONOutput.nullBytes)
        body.append(contentsOf: [UInt8(ascii: "}"), UInt8(ascii: "}")])
        return GraphQLResponse(outcome: .executed, body: body, errors: [])
    }

    /// The related rows of `rows`' relation: each row's position in `found` (-1 for none), and the rows looked up
    /// for their distinct keys — the requests the loaders would send for the next step, key for key (first
    /// appearance order, at most `maxBatchSize` keys each). Nil when a lookup fails (left to the general execution).
    private func related(of rows: some Collection<Row>, storage: StorageRouter, maxBatchSize: Int) async
        -> (slots: [Int32], found: [Row?])?
    {
        guard let relation else { return ([], []) }
        let resolver = relation.resolver
        let local = resolver.localColumn
        var slots: [Int32] = []
        slots.reserveCapacity(rows.count)
        var keys: [StorageValue] = []
        var index: [ByteWiseKey: Int32] = [:]
        var previous = (key: StorageValue.null, slot: Int32(-1))
        for row in rows {
            let key = row[local]
            if key.isNull {
                slots.append(-1)
                continue
            }
            if ByteWiseKey.equal(key, previous.key) {
                slots.append(previous.slot)
                continue
            }
            let next = Int32(keys.count)
            let slot = index[ByteWiseKey(key), default: next]
            if slot == next {
                index[ByteWiseKey(key)] = next
                keys.append(key)
            }
            previous = (key, slot)
            slots.append(slot)
        }
        var found = [Row?](repeating: nil, count: keys.count)
        if keys.isEmpty { return (slots, found) }
        let shape = resolver.shape
        guard let adapter = storage.adapter(shape.source),
            let column = adapter.model[entity: shape.entity]?.columnIndex(shape.column)
        else { return nil }
        let names =
            relation.columns.isAll
            ? nil : adapter.model[entity: shape.entity].flatMap { relation.columns.columnNames(of: $0) }
        let size = max(1, maxBatchSize)
        let requests = stride(from: 0, to: keys.count, by: size).map { start in
            LookupRequest(
                entity: shape.entity, column: shape.column, keys: Array(keys[start..<min(start + size, keys.count)]),
                filter: shape.filter, columns: names, keysAreDistinct: true)
        }
        // Several batches go concurrently, as the loaders send a step's jobs.
        var results: [Result<[Row], StorageError>] = []
        if requests.count == 1 {
            do throws(StorageError) {
                results.append(.success(try await adapter.lookup(requests[0])))
            } catch {
                results.append(.failure(error))
            }
        } else {
            results = await withTaskGroup(of: Result<[Row], StorageError>.self) { group in
                for request in requests {
                    group.addTask {
                        do throws(StorageError) {
                            return .success(try await adapter.lookup(request))
                        } catch {
                            return .failure(error)
                        }
                    }
                }
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
        return (slots, found)
    }

    /// `{"data":{"key":<object>}}` or `{"data":{"key":[<objects>]}}`, or nil when the flat writer does not take one
    /// of the rows, or a non-null relation has no row.
    private func write(
        _ rows: some Collection<Row>, related: (slots: [Int32], found: [Row?]), asList: Bool, trees: ResultTreePool
    ) -> GraphQLResponse? {
        var tree = trees.take()
        defer { trees.give(tree) }
        let arena = tree.leafBytes
        if asList { arena.append(UInt8(ascii: "[")) }
        let typeName = target.typeName
        for (position, row) in rows.enumerated() {
            if position > 0 { arena.append(UInt8(ascii: ",")) }
            guard let relation else {
                guard case .fields(let layout) = parts[0],
                    tree.appendFlatObject(row: row, typeName: typeName, layout: layout)
                else { return nil }
                continue
            }
            arena.append(UInt8(ascii: "{"))
            var afterOthers = false
            for part in parts {
                switch part {
                case .fields(let layout):
                    guard tree.appendFlatFields(row: row, typeName: typeName, layout: layout, afterOthers: afterOthers)
                    else { return nil }
                case .relation:
                    if afterOthers { arena.append(UInt8(ascii: ",")) }
                    relation.key.withUnsafeBufferPointer { arena.append(bytes: $0) }
                    let slot = related.slots[position]
                    if slot >= 0, let found = related.found[Int(slot)] {
                        guard
                            tree.appendFlatObject(
                                row: found, typeName: relation.resolver.target.typeName, layout: relation.layout)
                        else { return nil }
                    } else {
                        if relation.nonNull { return nil }
                        JSONOutput.nullBytes.withUnsafeBufferPointer { arena.append(bytes: $0) }
                    }
                }
                afterOthers = true
            }
            arena.append(UInt8(ascii: "}"))
        }
        if asList { arena.append(UInt8(ascii: "]")) }
        let bytes = arena.bytes
        let count = 1 + dataPrefix.count + bytes.count + 2
        let body = [UInt8](unsafeUninitializedCapacity: count) { buffer, initialized in
            buffer[0] = UInt8(ascii: "{")
            var at = 1
            for byte in dataPrefix {
                buffer[at] = byte
                at += 1
            }
            if let base = bytes.baseAddress, bytes.count > 0 {
                (buffer.baseAddress! + at).update(from: base, count: bytes.count)
                at += bytes.count
            }
            buffer[at] = UInt8(ascii: "}")
            buffer[at + 1] = UInt8(ascii: "}")
            initialized = at + 2
        }
        return GraphQLResponse(outcome: .executed, body: body, errors: [])
    }

    /// The read failed: its error at the field's path, and the field null — or `data` null when the field is
    /// non-null (as the general execution reports it).
    private func failure(_ error: FieldError, source: Source) -> GraphQLResponse {
        let spans = error.spans
        let located = GraphQLError(
            error.message, code: error.code, spans: spans.isEmpty ? nodes.map(\.span) : spans,
            path: [.key(responseKey)], extensions: error.extensions, underlyingDescription: error.underlyingDescription
        ).located(in: source)
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
