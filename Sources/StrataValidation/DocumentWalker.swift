import StrataLanguage
import StrataSchema

/// The single traversal behind `validate`: visits every definition once, in document order, keeps the context's
/// type information current, records spreads and variable usages, and calls each visitor only for the events it
/// subscribed to. Fragment spreads are not followed (each fragment definition is visited on its own).
struct DocumentWalker {
    let context: ValidationContext
    /// The context's walk state (written here, read by rules through the context).
    private let state: UnsafeMutablePointer<WalkState>
    /// The visitors, held here for as long as the walker exists.
    private let visitors: [ValidationVisitor]
    /// The visitors subscribed to each event, grouped by event bit (`eventRanges[bit]` indexes `subscribers`).
    private let subscribers: [Unmanaged<ValidationVisitor>]
    private let eventRanges: [Range<Int>]

    init(context: ValidationContext, visitors: [ValidationVisitor]) {
        self.context = context
        state = context.state
        // Each visitor's `events` is read once: asking every visitor once per event bit was 3% of a validation
        // (a dynamic call on a freshly allocated object, a cache miss each).
        let subscriptions = visitors.map { $0.events.rawValue }
        var subscribers: [Unmanaged<ValidationVisitor>] = []
        var eventRanges: [Range<Int>] = []
        for bit in 0..<ValidationEvents.count {
            let start = subscribers.count
            for index in visitors.indices where subscriptions[index] & (1 << UInt32(bit)) != 0 {
                subscribers.append(.passUnretained(visitors[index]))
            }
            eventRanges.append(start..<subscribers.count)
        }
        self.visitors = visitors
        self.subscribers = subscribers
        self.eventRanges = eventRanges
    }

    /// Calls `body` with each visitor subscribed to `event`, borrowing each without a retain and a release
    /// (`visitors` keeps them alive).
    @inline(__always) private func each(_ event: ValidationEvents, _ body: (ValidationVisitor) -> Void) {
        let range = eventRanges[event.rawValue.trailingZeroBitCount]
        for index in range { subscribers[index]._withUnsafeGuaranteedRef { body($0) } }
    }

    // MARK: Definitions

    func walk(_ document: Document) {
        each(.enterDocument) { $0.enterDocument(document) }
        var operationIndex = 0
        var fragmentIndex = 0
        for definition in document.definitions {
            if state.pointee.isAborted { return }
            switch definition {
            case .operation(let operation):
                state.pointee.isInOperation = true
                state.pointee.currentDefinition = operationIndex
                operationIndex += 1
                walkOperation(operation)
            case .fragment(let fragment):
                state.pointee.isInOperation = false
                state.pointee.currentDefinition = fragmentIndex
                fragmentIndex += 1
                walkFragment(fragment)
            default:
                break
            }
        }
        if state.pointee.isAborted { return }
        each(.leaveDocument) { $0.leaveDocument(document) }
    }

    private func walkOperation(_ operation: OperationDefinition) {
        let rootName: String? =
            switch operation.operation {
            case .query: context.schema.queryTypeName
            case .mutation: context.schema.mutationTypeName
            case .subscription: context.schema.subscriptionTypeName
            }
        let root = rootName.flatMap { context.entry(named: $0) }
        state.pointee.outputEntry = root
        state.pointee.fieldEntry = nil
        each(.enterOperation) { $0.enterOperation(operation) }
        for definition in operation.variableDefinitions {
            walkVariableDefinition(definition)
        }
        let location: StrataLanguage.DirectiveLocation =
            switch operation.operation {
            case .query: .query
            case .mutation: .mutation
            case .subscription: .subscription
            }
        walkDirectives(operation.directives, at: location)
        walkSelectionSet(operation.selectionSet, parent: root)
        each(.leaveOperation) { $0.leaveOperation(operation) }
    }

    private func walkFragment(_ fragment: FragmentDefinition) {
        let type = context.entry(named: fragment.typeCondition.value)
        state.pointee.outputEntry = type
        state.pointee.fieldEntry = nil
        each(.enterFragmentDefinition) { $0.enterFragmentDefinition(fragment) }
        walkDirectives(fragment.directives, at: .fragmentDefinition)
        walkSelectionSet(fragment.selectionSet, parent: type.flatMap { $0.kind.isComposite ? $0 : nil })
        each(.leaveFragmentDefinition) { $0.leaveFragmentDefinition(fragment) }
    }

    private func walkVariableDefinition(_ definition: VariableDefinition) {
        let type = context.typeRef(from: definition.type)
        state.pointee.inputType = type
        state.pointee.defaultValue = nil
        state.pointee.argumentDefinition = nil
        state.pointee.isArgumentDefined = false
        state.pointee.parentInputObject = nil
        each(.enterVariableDefinition) { $0.enterVariableDefinition(definition) }
        if let value = definition.defaultValue { walkValue(value) }
        walkDirectives(definition.directives, at: .variableDefinition)
    }

    // MARK: Selections

    private func walkSelectionSet(_ selectionSet: SelectionSet, parent: TypeEntry?) {
        let savedParent = state.pointee.parentEntry
        state.pointee.parentEntry = parent
        each(.enterSelectionSet) { $0.enterSelectionSet(selectionSet) }
        // Nested walks restore `parentEntry` themselves. Each selection is a handle into the document's tree.
        for selection in selectionSet.selections {
            if state.pointee.isAborted { break }
            switch selection {
            case .field(let field): walkField(field, parent: parent)
            case .fragmentSpread(let spread): walkFragmentSpread(spread)
            case .inlineFragment(let fragment): walkInlineFragment(fragment)
            }
        }
        each(.leaveSelectionSet) { $0.leaveSelectionSet(selectionSet) }
        state.pointee.parentEntry = savedParent
    }

    private func walkField(_ field: Field, parent: TypeEntry?) {
        let entry = parent?.field(named: field.name.value)
        let named = entry.flatMap { context.index.entry(id: $0.namedTypeID) }
        state.pointee.fieldEntry = entry
        state.pointee.outputEntry = named
        each(.enterField) { $0.enterField(field) }
        if field.hasArguments {
            walkArguments(field.arguments, definitions: entry?.definition.arguments)
        }
        if field.hasDirectives {
            walkDirectives(field.directives, at: .field)
        }
        if let selectionSet = field.selectionSet {
            walkSelectionSet(selectionSet, parent: named.flatMap { $0.kind.isComposite ? $0 : nil })
            state.pointee.fieldEntry = entry
            state.pointee.outputEntry = named
        }
        each(.leaveField) { $0.leaveField(field) }
    }

    private func walkFragmentSpread(_ spread: FragmentSpread) {
        let target = context.fragmentIndex(named: spread.name.value)
        if state.pointee.isInOperation {
            context.operationSpreads[state.pointee.currentDefinition].append(spread)
            context.operationSpreadTargets[state.pointee.currentDefinition].append(target ?? -1)
        } else {
            context.fragmentSpreads[state.pointee.currentDefinition].append(spread)
            context.fragmentSpreadTargets[state.pointee.currentDefinition].append(target ?? -1)
        }
        state.pointee.spreadTarget = target
        each(.enterFragmentSpread) { $0.enterFragmentSpread(spread) }
        walkDirectives(spread.directives, at: .fragmentSpread)
    }

    private func walkInlineFragment(_ fragment: InlineFragment) {
        let parent = state.pointee.parentEntry
        let type: TypeEntry? =
            if let condition = fragment.typeCondition { context.entry(named: condition.value) } else { parent }
        state.pointee.outputEntry = type
        state.pointee.fieldEntry = nil
        each(.enterInlineFragment) { $0.enterInlineFragment(fragment) }
        walkDirectives(fragment.directives, at: .inlineFragment)
        walkSelectionSet(fragment.selectionSet, parent: type.flatMap { $0.kind.isComposite ? $0 : nil })
        state.pointee.outputEntry = type
        state.pointee.fieldEntry = nil
        each(.leaveInlineFragment) { $0.leaveInlineFragment(fragment) }
    }

    // MARK: Directives and arguments

    private func walkDirectives(_ directives: some Collection<Directive>, at location: StrataLanguage.DirectiveLocation) {
        for directive in directives {
            let definition = context.schema.directives[directive.name.value]
            state.pointee.directive = definition
            state.pointee.isInDirective = true
            state.pointee.directiveLocation = location
            each(.enterDirective) { $0.enterDirective(directive) }
            if !directive.arguments.isEmpty {
                walkArguments(directive.arguments, definitions: definition?.arguments)
            }
            state.pointee.directive = definition
            state.pointee.directiveLocation = location
            each(.leaveDirective) { $0.leaveDirective(directive) }
            state.pointee.directive = nil
            state.pointee.isInDirective = false
            state.pointee.directiveLocation = nil
        }
    }

    private func walkArguments(_ arguments: some Collection<Argument>, definitions: [InputValueDef]?) {
        for argument in arguments {
            var position = -1
            if let definitions {
                for index in definitions.indices where definitions[index].name == argument.name.value {
                    position = index
                    break
                }
            }
            if let definitions, position >= 0 {
                state.pointee.argumentDefinition = definitions[position]
                state.pointee.isArgumentDefined = true
                state.pointee.inputType = definitions[position].type
                state.pointee.defaultValue = definitions[position].defaultValue
            } else {
                state.pointee.argumentDefinition = nil
                state.pointee.isArgumentDefined = false
                state.pointee.inputType = nil
                state.pointee.defaultValue = nil
            }
            state.pointee.parentInputObject = nil
            each(.enterArgument) { $0.enterArgument(argument) }
            walkValue(argument.value)
        }
        state.pointee.argumentDefinition = nil
        state.pointee.isArgumentDefined = false
        state.pointee.inputType = nil
        state.pointee.defaultValue = nil
    }

    // MARK: Values

    /// Walks a value with `state.pointee.inputType`/`defaultValue`/`parentInputObject` describing its position.
    private func walkValue(_ value: Value) {
        switch value {
        case .variable(let name):
            let parent = state.pointee.parentInputObject
            let usage = VariableUsage(
                name: name.value, span: name.span, expectedType: state.pointee.inputType,
                hasLocationDefault: state.pointee.defaultValue != nil,
                oneOfParent: parent.flatMap { $0.isOneOf ? $0.name : nil })
            if state.pointee.isInOperation {
                context.operationVariableUsages[state.pointee.currentDefinition].append(usage)
            } else {
                context.fragmentVariableUsages[state.pointee.currentDefinition].append(usage)
            }
            each(.enterValue) { $0.enterValue(value) }
        case .list(let items, _):
            each(.enterValue) { $0.enterValue(value) }
            let type = state.pointee.inputType
            let itemType: TypeRef? =
                switch type?.nullable {
                case .list(let item): item
                case let other: other
                }
            for item in items {
                state.pointee.inputType = itemType
                state.pointee.defaultValue = nil
                state.pointee.parentInputObject = nil
                walkValue(item)
            }
            state.pointee.inputType = type
        case .object(let fields, _):
            each(.enterValue) { $0.enterValue(value) }
            let type = state.pointee.inputType
            let objectType = type.flatMap { context.entry(named: $0.namedType)?.inputObject }
            for field in fields {
                let definition = objectType?.field(field.name.value)
                state.pointee.inputType = definition?.type
                state.pointee.defaultValue = definition?.defaultValue
                state.pointee.parentInputObject = objectType
                each(.enterObjectField) { $0.enterObjectField(field) }
                walkValue(field.value)
            }
            state.pointee.inputType = type
            state.pointee.parentInputObject = nil
        default:
            each(.enterValue) { $0.enterValue(value) }
        }
    }
}
