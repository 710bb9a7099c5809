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

    let kind: Kind
    let target: EntityBinding
    let definition: FieldDef
    /// The field's nodes (for the locations of its errors) and their arguments.
    let nodes: [Field]
    /// The field's arguments coerced when they are literals; nil when they read variables.
    let arguments: Result<[String: InputValue], FieldError>?
    let layout: FlatObjectLayout
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
        guard let layout = object.flatLayout else { return nil }
        let field = root.fields[0]
        var dataPrefix = Array("\"data\":{".utf8)
        JSONOutput.appendString(field.responseKey, to: &dataPrefix)
        dataPrefix.append(UInt8(ascii: ":"))
        return DirectRead(
            kind: kind, target: target, definition: entry.definition, nodes: field.nodes,
            arguments: root.arguments[0], layout: layout, columns: columns, responseKey: field.responseKey,
            dataPrefix: dataPrefix)
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
        variables: [String: InputValue], schema: Schema, source: Source, storage: StorageRouter, trees: ResultTreePool
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
            return write(CollectionOfOne(row), asList: false, trees: trees)
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
            return write(page.rows, asList: true, trees: trees)
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

    /// `{"data":{"key":<object>}}` or `{"data":{"key":[<objects>]}}`, or nil when the flat writer does not take one
    /// of the rows.
    private func write(_ rows: some Collection<Row>, asList: Bool, trees: ResultTreePool) -> GraphQLResponse? {
        var tree = trees.take()
        defer { trees.give(tree) }
        let arena = tree.leafBytes
        if asList { arena.append(UInt8(ascii: "[")) }
        var first = true
        for row in rows {
            if !first { arena.append(UInt8(ascii: ",")) }
            first = false
            guard tree.appendFlatObject(row: row, typeName: target.typeName, layout: layout) else { return nil }
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
