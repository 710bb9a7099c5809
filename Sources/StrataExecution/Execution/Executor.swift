public import StrataJSON
public import StrataLanguage
public import StrataModel
public import StrataSchema
import StrataStorage
import StrataValidation

/// Executes GraphQL requests against a schema: parse (cached), validate (cached), coerce variables, execute
/// breadth-first with batched loading, and serialize the response straight into bytes.
public final class Executor: Sendable {
    public let schema: Schema
    public let model: DataModel?
    public let storage: StorageRouter
    public let options: ExecutorOptions
    let resolvers: ResolverSet
    let fieldPlans: FieldPlans
    let documents: DocumentCache
    let validationRules: [any ValidationRule]
    let trees = ResultTreePool()

    /// An executor serving a storage-bound schema (the usual case).
    public convenience init(
        model: DataModel, storage: StorageRouter, resolvers: ResolverTable = ResolverTable(),
        options: ExecutorOptions = ExecutorOptions()
    ) {
        self.init(schema: model.schema, model: model, storage: storage, resolvers: resolvers, options: options)
    }

    /// An executor over a plain schema with application resolvers only.
    public convenience init(schema: Schema, resolvers: ResolverTable, options: ExecutorOptions = ExecutorOptions()) {
        self.init(
            schema: schema, model: nil, storage: StorageRouter(adapters: [:]), resolvers: resolvers, options: options)
    }

    init(schema: Schema, model: DataModel?, storage: StorageRouter, resolvers: ResolverTable, options: ExecutorOptions) {
        self.schema = schema
        self.model = model
        self.storage = storage
        self.options = options
        self.resolvers = ResolverSet(
            application: resolvers, builtin: BuiltinResolvers.make(schema: schema, model: model, storage: storage))
        self.fieldPlans = FieldPlans(schema: schema, resolvers: self.resolvers)
        self.documents = DocumentCache(capacity: options.documentCacheCapacity)
        var rules = specifiedRules
        rules.append(MaxDepthRule(maxDepth: options.maxDepth))
        if let maxComplexity = options.maxComplexity { rules.append(MaxComplexityRule(maxCost: maxComplexity)) }
        self.validationRules = rules
    }

    /// A request whose document parsed and validated, with its operation chosen.
    public struct PreparedRequest: Sendable {
        public let source: Source
        public let document: Document
        public let operation: OperationDefinition
        public let variables: [String: JSONValue]
        let fragments: [String: FragmentDefinition]
        /// Planning shared with the other requests of the same document (nil when it is not cached).
        let plans: PlanCache?
    }

    /// The outcome of `prepare`: a request ready to execute, or the response that refuses it.
    public enum Preparation: Sendable {
        case ready(PreparedRequest)
        case failed(GraphQLResponse)
    }

    /// Parses (or finds in the cache), validates and selects the operation — everything before execution.
    /// Transports use it to refuse, say, a mutation over GET before anything runs.
    public func prepare(_ request: GraphQLRequest) -> Preparation {
        var entry: DocumentCache.Entry
        if let cached = documents.get(request.query) {
            entry = cached
        } else {
            let source = Source(request.query)
            let document: Document
            do throws(SyntaxError) {
                document = try parse(source, options: options.parse)
            } catch {
                return .failed(.requestErrors([error.graphQLError(source: source)], code: .parseFailed))
            }
            let errors = validate(document, schema: schema, source: source, rules: validationRules)
            if !errors.isEmpty {
                let code = errors.contains { $0.code == .tooComplex } ? ErrorCode.tooComplex : .validationFailed
                return .failed(.requestErrors(errors, code: code))
            }
            entry = DocumentCache.Entry(source: source, document: document)
            if !documents.put(request.query, entry) { entry.plans = nil }
        }
        switch selectOperation(entry.operations, request.operationName) {
        case .success(let operation):
            return .ready(
                PreparedRequest(
                    source: entry.source, document: entry.document, operation: operation, variables: request.variables,
                    fragments: entry.fragments, plans: entry.plans))
        case .failure(let error):
            return .failed(.requestErrors([error], code: .operationNotFound))
        }
    }

    /// Runs a request end to end.
    public func execute(_ request: GraphQLRequest, context: RequestContext = RequestContext()) async -> GraphQLResponse {
        switch prepare(request) {
        case .ready(let prepared): await execute(prepared, context: context)
        case .failed(let response): response
        }
    }

    /// Runs a prepared request.
    public func execute(_ prepared: PreparedRequest, context: RequestContext = RequestContext()) async -> GraphQLResponse {
        if context.reportStatements {
            let recorder = StatementRecorder()
            let start = ContinuousClock.now
            var response = await StatementRecorder.$current.withValue(recorder) {
                await run(prepared, context: context)
            }
            appendStatementReport(recorder, elapsed: ContinuousClock.now - start, to: &response)
            // The request's own recorder shadows the caller's (a server's metrics, a test's count): pass the
            // statements on so the caller still sees them.
            if let outer = StatementRecorder.current {
                for (source, entry) in recorder.snapshot {
                    outer.add(source: source, statements: entry.statements, nanoseconds: entry.nanoseconds)
                }
            }
            return response
        }
        return await run(prepared, context: context)
    }

    private func run(_ prepared: PreparedRequest, context: RequestContext) async -> GraphQLResponse {
        let operation = prepared.operation
        guard let rootType = schema.rootType(for: operation.operation) else {
            let error = GraphQLError(
                "Schema does not support \(operation.operation.rawValue) operations.", code: .badRequest,
                spans: [operation.span]
            ).located(in: prepared.source)
            return .requestErrors([error], code: .badRequest)
        }
        if operation.operation == .subscription {
            let error = GraphQLError(
                "Subscriptions are not served over this transport.", code: .badRequest, spans: [operation.span]
            ).located(in: prepared.source)
            return .requestErrors([error], code: .badRequest)
        }
        let variables: [String: InputValue]
        switch ArgumentCoercion.coerceVariables(operation.variableDefinitions, prepared.variables, schema: schema) {
        case .success(let values): variables = values
        case .failure(let failure):
            return .requestErrors(failure.errors.map { $0.located(in: prepared.source) }, code: .badUserInput)
        }
        let conditionErrors = NullConditionCheck.errors(operation, fragments: prepared.fragments, variables: variables)
        if !conditionErrors.isEmpty {
            let located = conditionErrors.map { $0.located(in: prepared.source) }
            var body: [UInt8] = [UInt8(ascii: "{")]
            ResponseWriter.appendErrors(located, to: &body)
            body.append(contentsOf: ",\"data\":null}".utf8)
            return GraphQLResponse(outcome: .executed, body: body, errors: located)
        }
        if options.directReads, options.flatObjects, let plans = prepared.plans,
            let direct = plans.directRead(operation, build: {
                DirectRead.make(
                    operation, rootType: rootType.name, plans: plans,
                    collector: FieldCollector(schema: schema, fragments: prepared.fragments, variables: variables),
                    fieldPlans: fieldPlans,
                    lookahead: SelectionLookahead(fragments: prepared.fragments, application: resolvers.application),
                    storage: storage)
            }),
            let response = await direct.run(
                variables: variables, schema: schema, source: prepared.source, storage: storage, trees: trees,
                maxBatchSize: options.maxBatchSize, streamRows: options.streamedRows)
        {
            return response
        }
        let execution = ExecutionRun(
            schema: schema, source: prepared.source, fragments: prepared.fragments, variables: variables,
            plans: prepared.plans, resolvers: resolvers,
            fieldPlans: fieldPlans, loaders: RequestLoaders(storage: storage, maxBatchSize: options.maxBatchSize),
            context: context, tree: trees.take(), flatObjects: options.flatObjects)
        let root = await execution.execute(operation, rootType: rootType.name)

        var prefix: [UInt8] = [UInt8(ascii: "{")]
        if !execution.errors.isEmpty {
            ResponseWriter.appendErrors(execution.errors, to: &prefix)
            prefix.append(UInt8(ascii: ","))
        }
        prefix.append(contentsOf: "\"data\":".utf8)
        let body = execution.tree.json(root: root, between: prefix, and: [UInt8(ascii: "}")])
        trees.give(execution.takeTree())
        return GraphQLResponse(outcome: .executed, body: body, errors: execution.errors)
    }

    private func selectOperation(_ operations: [OperationDefinition], _ name: String?) -> Result<OperationDefinition, GraphQLError> {
        if let name {
            if let match = operations.first(where: { $0.name?.value == name }) { return .success(match) }
            return .failure(GraphQLError("Unknown operation named \"\(name)\".", code: .operationNotFound))
        }
        if operations.count == 1 { return .success(operations[0]) }
        if operations.isEmpty { return .failure(GraphQLError("Must provide an operation.", code: .operationNotFound)) }
        return .failure(
            GraphQLError("Must provide operation name if query contains multiple operations.", code: .operationNotFound))
    }

    /// Adds `"extensions":{"statements":{"<source>":{"count":N,"ms":T}},"durationMs":T}` before the closing brace.
    private func appendStatementReport(_ recorder: StatementRecorder, elapsed: Duration, to response: inout GraphQLResponse) {
        guard response.body.last == UInt8(ascii: "}") else { return }
        response.body.removeLast()
        var members: [JSONMember] = []
        for (source, entry) in recorder.snapshot.sorted(by: { $0.key < $1.key }) {
            members.append(
                JSONMember(
                    source,
                    .object([
                        JSONMember("count", .int(Int64(entry.statements))),
                        JSONMember("ms", .double((Double(entry.nanoseconds) / 1_000).rounded() / 1_000)),
                    ])))
        }
        let (seconds, attoseconds) = elapsed.components
        let milliseconds = Double(seconds) * 1_000 + Double(attoseconds) / 1e15
        let report = JSONValue.object([
            JSONMember("statements", .object(members)),
            JSONMember("durationMs", .double((milliseconds * 1_000).rounded() / 1_000)),
        ])
        if response.body.count > 1 { response.body.append(UInt8(ascii: ",")) }
        response.body.append(contentsOf: Array("\"extensions\":".utf8))
        JSONOutput.append(report, to: &response.body)
        response.body.append(UInt8(ascii: "}"))
    }
}
