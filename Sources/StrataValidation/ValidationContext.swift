public import StrataLanguage
public import StrataSchema

/// What the rules of one validation run share: the schema, the document, its fragments, the type information of
/// the node being visited, and the error list.
///
/// The walker keeps the type information current (as graphql-js's `TypeInfo` does) and records, per operation and
/// per fragment, the fragment spreads and variable usages it meets, so rules that need them across definitions can
/// ask at `leaveDocument`.
public final class ValidationContext {
    public let schema: Schema
    public let document: Document
    public let source: Source?

    /// The operations of the document in order.
    public let operations: [OperationDefinition]
    /// The fragment definitions of the document in order (duplicates included).
    public let fragments: [FragmentDefinition]
    /// The index in `fragments` of the first fragment with each name.
    private let fragmentIndexByName: [String: Int]

    // MARK: Type information of the node being visited

    /// The composite type whose selection set is being visited (nil when unknown or not composite).
    public var parentType: NamedType? { state.pointee.parentEntry?.type }
    /// The definition of the field being visited (meta-fields included).
    public var fieldDefinition: FieldDef? { state.pointee.fieldEntry?.definition }
    /// The output type of the field being visited, or the type condition of the fragment being visited.
    public var outputType: TypeRef? {
        if let field = state.pointee.fieldEntry { return field.type }
        return state.pointee.outputEntry.map { .named($0.name) }
    }
    /// The named type of `outputType`.
    public var outputNamedType: NamedType? { state.pointee.outputEntry?.type }
    /// The directive being visited, when it is known to the schema.
    public var directive: DirectiveDef? { state.pointee.directive }
    /// Whether the walker is inside a directive (known or not).
    public var isInDirective: Bool { state.pointee.isInDirective }
    /// Where the directive being visited is applied.
    public var directiveLocation: StrataLanguage.DirectiveLocation? { state.pointee.directiveLocation }
    /// The definition of the argument being visited.
    public var argumentDefinition: InputValueDef? { state.pointee.argumentDefinition }
    /// The type expected for the value being visited.
    public var inputType: TypeRef? { state.pointee.inputType }
    /// The input object whose field is being visited (for the value of an object field).
    public var parentInputObject: InputObjectType? { state.pointee.parentInputObject }
    /// The default value of the argument or input field whose value is being visited.
    public var defaultValue: Value? { state.pointee.defaultValue }
    /// The index in `fragments` of the fragment the spread being visited names, if it exists.
    public var spreadTarget: Int? { state.pointee.spreadTarget }

    let index: SchemaIndex
    var parentEntry: TypeEntry? { state.pointee.parentEntry }
    var fieldEntry: FieldEntry? { state.pointee.fieldEntry }
    var outputEntry: TypeEntry? { state.pointee.outputEntry }

    /// The walk state, allocated by `init` and freed by `deinit`. The context is not `Sendable` and never leaves
    /// the `validate` call that made it, so only that call's thread reads or writes through the pointer.
    let state: UnsafeMutablePointer<WalkState>

    // MARK: Recorded while walking

    var operationSpreads: [[FragmentSpread]]
    var fragmentSpreads: [[FragmentSpread]]
    /// For each recorded spread, the index of its fragment in `fragments` (-1 when unknown).
    var operationSpreadTargets: [[Int]]
    var fragmentSpreadTargets: [[Int]]
    private var referencedFragmentsCache: [[Int]?]
    private var variableUsagesCache: [[VariableUsage]?]
    var operationVariableUsages: [[VariableUsage]]
    var fragmentVariableUsages: [[VariableUsage]]

    // MARK: Errors

    public private(set) var errors: [GraphQLError] = []
    let maxErrors: Int
    /// Set once `maxErrors` is exceeded; the walker stops and further reports are dropped.
    public var isAborted: Bool { state.pointee.isAborted }

    init(schema: Schema, document: Document, source: Source?, maxErrors: Int) {
        self.schema = schema
        self.document = document
        self.source = source
        self.maxErrors = maxErrors
        self.index = SchemaIndex.of(schema)
        state = UnsafeMutablePointer<WalkState>.allocate(capacity: 1)
        state.initialize(to: WalkState())
        var operations: [OperationDefinition] = []
        var fragments: [FragmentDefinition] = []
        var index: [String: Int] = [:]
        for definition in document.definitions {
            switch definition {
            case .operation(let operation): operations.append(operation)
            case .fragment(let fragment):
                if index[fragment.name.value] == nil { index[fragment.name.value] = fragments.count }
                fragments.append(fragment)
            default: break
            }
        }
        self.operations = operations
        self.fragments = fragments
        self.fragmentIndexByName = index
        operationSpreads = Array(repeating: [], count: operations.count)
        fragmentSpreads = Array(repeating: [], count: fragments.count)
        operationSpreadTargets = Array(repeating: [], count: operations.count)
        fragmentSpreadTargets = Array(repeating: [], count: fragments.count)
        referencedFragmentsCache = Array(repeating: nil, count: operations.count)
        variableUsagesCache = Array(repeating: nil, count: operations.count)
        operationVariableUsages = Array(repeating: [], count: operations.count)
        fragmentVariableUsages = Array(repeating: [], count: fragments.count)
    }

    deinit {
        state.deinitialize(count: 1)
        state.deallocate()
    }

    // MARK: Reporting

    /// Records an error with code `GRAPHQL_VALIDATION_FAILED` (unless another code is given) at `spans`.
    public func report(_ message: String, at spans: [SourceSpan], code: ErrorCode = .validationFailed) {
        guard !isAborted else { return }
        if errors.count >= maxErrors {
            errors.append(GraphQLError("Too many validation errors, error limit reached. Validation aborted.", code: .validationFailed))
            state.pointee.isAborted = true
            return
        }
        errors.append(GraphQLError(message, code: code, spans: spans))
    }

    // MARK: Lookups

    /// The named type called `name` in the schema.
    public func type(named name: String) -> NamedType? { index.entry(named: name)?.type }

    @inline(__always) func entry(named name: String) -> TypeEntry? { index.entry(named: name) }

    /// The index in `fragments` of the fragment called `name`.
    public func fragmentIndex(named name: String) -> Int? { fragmentIndexByName[name] }

    /// The fragment definition called `name`.
    public func fragment(named name: String) -> FragmentDefinition? {
        fragmentIndexByName[name].map { fragments[$0] }
    }

    /// The schema type for a type reference written in the document, or nil when its named type is unknown.
    public func typeRef(from reference: TypeReference) -> TypeRef? {
        switch reference {
        case .named(let name): index.entry(named: name.value) == nil ? nil : .named(name.value)
        case .list(let inner, _): typeRef(from: inner).map { .list($0) }
        case .nonNull(let inner, _): typeRef(from: inner).map { .nonNull($0) }
        }
    }

    // MARK: Cross-definition facts (complete at `leaveDocument`)

    /// The fragment spreads written directly inside the operation at `index` (including in nested selections).
    public func spreads(ofOperation index: Int) -> [FragmentSpread] { operationSpreads[index] }

    /// The fragment spreads written directly inside the fragment at `index` of `fragments`.
    public func spreads(ofFragment index: Int) -> [FragmentSpread] { fragmentSpreads[index] }

    /// The indices of the fragments spread directly inside the fragment at `index` (-1 for unknown names).
    public func spreadTargets(ofFragment index: Int) -> [Int] { fragmentSpreadTargets[index] }

    /// The indices (into `fragments`) of the fragments an operation reaches through spreads, in discovery order.
    public func recursivelyReferencedFragments(ofOperation index: Int) -> [Int] {
        if let cached = referencedFragmentsCache[index] { return cached }
        var seen = [Bool](repeating: false, count: fragments.count)
        var result: [Int] = []
        // A stack of spread lists still to scan, as graphql-js orders them.
        var pending: [[Int]] = [operationSpreadTargets[index]]
        while let targets = pending.popLast() {
            for fragment in targets where fragment >= 0 && !seen[fragment] {
                seen[fragment] = true
                result.append(fragment)
                pending.append(fragmentSpreadTargets[fragment])
            }
        }
        referencedFragmentsCache[index] = result
        return result
    }

    /// The variables used in the operation at `index` and in every fragment it reaches.
    public func recursiveVariableUsages(ofOperation index: Int) -> [VariableUsage] {
        if let cached = variableUsagesCache[index] { return cached }
        var usages = operationVariableUsages[index]
        for fragment in recursivelyReferencedFragments(ofOperation: index) {
            usages.append(contentsOf: fragmentVariableUsages[fragment])
        }
        variableUsagesCache[index] = usages
        return usages
    }
}
