import StrataLanguage
import StrataModel
import StrataSchema
import StrataStorage

/// `task(id:)`: a lookup by primary key, batched with every other lookup of the step.
struct RootLookupResolver: BatchFieldResolver {
    let target: EntityBinding
    let shape: RequestLoaders.LookupShape

    init(target: EntityBinding) {
        self.target = target
        self.shape = RequestLoaders.LookupShape(
            source: target.source, entity: target.entity.name, column: target.entity.primaryKeyColumn.name,
            filter: target.visibilityFilter)
    }

    /// The key as storage holds it, or nil when it cannot match any row (e.g. not a UUID).
    private func key(_ batch: ResolveBatch) -> StorageValue? { key(arguments: batch.arguments) }

    /// The key of coerced `arguments`, as storage holds it (nil when it cannot match any row).
    func key(arguments: [String: InputValue]) -> StorageValue? {
        guard case .string(let id) = arguments["id"] else { return nil }
        if target.entity.primaryKeyColumn.type == .uuid {
            return UUIDText.canonical(id).map { .string($0) }
        }
        return .string(id)
    }

    /// The columns a lookup for `selections` fetches (the key among them).
    func projection(_ selections: [SelectionSet], lookahead: SelectionLookahead) -> ColumnProjection {
        ColumnProjection.rows(selections, target: target, required: [target.entity.primaryKey], lookahead: lookahead)
    }

    func prepare(_ batch: ResolveBatch, loaders: RequestLoaders) throws(FieldError) {
        guard let key = key(batch) else { return }
        let columns = batch.projection { projection(batch.subSelections, lookahead: batch.lookahead) }.columns
        loaders.requestLookup(shape, key: key, columns: columns)
    }

    func resolve(_ batch: ResolveBatch, loaders: RequestLoaders) -> [FieldResult] {
        guard let key = key(batch) else { return batch.parents.map { _ in .value(.null) } }
        let result: FieldResult
        switch loaders.lookupResult(shape, key: key) {
        case .success(let row?): result = .value(.object(.row(typeName: target.typeName, row)))
        case .success(nil): result = .value(.null)
        case .failure(let error): result = .error(error)
        }
        return batch.parents.map { _ in result }
    }
}

/// `tasks(...)` and `tasksConnection(...)`: one filtered, ordered, paginated list request.
struct RootListResolver: BatchFieldResolver {
    let target: EntityBinding
    let asConnection: Bool

    private func projection(_ batch: ResolveBatch) -> ColumnProjection {
        batch.projection {
            asConnection
                ? ColumnProjection.connection(batch.subSelections, target: target, required: [], lookahead: batch.lookahead)
                : rowProjection(batch.subSelections, lookahead: batch.lookahead)
        }
    }

    /// The columns a plain list of `selections` fetches.
    func rowProjection(_ selections: [SelectionSet], lookahead: SelectionLookahead) -> ColumnProjection {
        ColumnProjection.rows(selections, target: target, required: [], lookahead: lookahead)
    }

    /// The request of a plain list (not a connection) with coerced `arguments`.
    func listRequest(arguments: [String: InputValue]) throws(FieldError) -> ListRequest {
        try request(arguments, wantsTotalCount: false).0
    }

    private func request(_ batch: ResolveBatch, wantsTotalCount: Bool) throws(FieldError) -> (ListRequest, ReadArguments) {
        try request(batch.arguments, wantsTotalCount: wantsTotalCount)
    }

    private func request(_ values: [String: InputValue], wantsTotalCount: Bool) throws(FieldError)
        -> (ListRequest, ReadArguments)
    {
        let arguments = try ReadArguments.parse(values, target: target)
        let request = ListRequest(
            entity: target.entity.name, filter: arguments.filter, orderBy: arguments.orderBy, offset: arguments.offset,
            limit: asConnection ? arguments.limit + 1 : arguments.limit,
            includeTotalCount: asConnection && wantsTotalCount)
        return (request, arguments)
    }

    func prepare(_ batch: ResolveBatch, loaders: RequestLoaders) throws(FieldError) {
        let projection = projection(batch)
        let (request, _) = try request(batch, wantsTotalCount: projection.wantsTotalCount)
        loaders.requestList(source: target.source, request, columns: projection.columns)
    }

    func resolve(_ batch: ResolveBatch, loaders: RequestLoaders) -> [FieldResult] {
        let request: ListRequest
        let arguments: ReadArguments
        do throws(FieldError) {
            (request, arguments) = try self.request(
                batch, wantsTotalCount: asConnection && projection(batch).wantsTotalCount)
        } catch {
            return batch.parents.map { _ in .error(error) }
        }
        let result: FieldResult
        switch loaders.listResult(source: target.source, request) {
        case .failure(let error): result = .error(error)
        case .success(let page):
            if asConnection {
                result = .value(.object(.connection(page.connection(typeName: target.typeName, target: target, arguments: arguments))))
            } else {
                result = .value(.list(page.rows.map { .object(.row(typeName: target.typeName, $0)) }))
            }
        }
        return batch.parents.map { _ in result }
    }

    /// For a plain list (not a connection): every parent's rows, or the error its field fails with — what
    /// `resolve` returns, before the rows are wrapped as output values.
    func rows(_ batch: ResolveBatch, loaders: RequestLoaders) -> [Result<[Row], FieldError>?] {
        let request: ListRequest
        do throws(FieldError) {
            (request, _) = try self.request(batch, wantsTotalCount: false)
        } catch {
            return batch.parents.map { _ in .failure(error) }
        }
        let result: Result<[Row], FieldError>? = loaders.listResult(source: target.source, request).map(\.rows)
        return batch.parents.map { _ in result }
    }
}
