import StrataLanguage
import StrataSchema

/// Strata limit (not a spec rule): a simple cost model. Each field costs 1; the selections under a list field are
/// counted once per expected item, taken from its `first` argument (an integer literal, or the default of the
/// variable given) or `defaultListSize` when absent. So `users(first: 10) { id name }` costs 1 + 10 × 2 = 21.
/// Fragments count once per spread. Introspection fields cost nothing.
///
/// Errors have code `QUERY_TOO_COMPLEX` and point at the operation.
public struct MaxComplexityRule: ValidationRule {
    public var maxCost: Int
    public var defaultListSize: Int

    public init(maxCost: Int, defaultListSize: Int = 100) {
        self.maxCost = maxCost
        self.defaultListSize = defaultListSize
    }

    public func makeVisitor(context: ValidationContext) -> ValidationVisitor {
        Visitor(context: context, rule: self)
    }

    final class Visitor: ValidationVisitor {
        let context: ValidationContext
        let rule: MaxComplexityRule
        /// Per operation: the cost of each fragment; -1 while being computed (a cycle adds nothing).
        private var fragmentCost: [Int?] = []
        private var variableDefaults: [String: Value] = [:]

        init(context: ValidationContext, rule: MaxComplexityRule) {
            self.context = context
            self.rule = rule
        }

        override var events: ValidationEvents { .enterOperation }

        override func enterOperation(_ operation: OperationDefinition) {
            let cost = cost(of: operation)
            guard cost > rule.maxCost else { return }
            let name = operation.name.map { "Operation \"\($0.value)\"" } ?? "The operation"
            context.report(
                "\(name) has a cost of \(cost), which exceeds the maximum cost of \(rule.maxCost).",
                at: [operation.span], code: .tooComplex)
        }

        func cost(of operation: OperationDefinition) -> Int {
            fragmentCost = Array(repeating: nil, count: context.fragments.count)
            variableDefaults = [:]
            for definition in operation.variableDefinitions {
                if let value = definition.defaultValue { variableDefaults[definition.variable.value] = value }
            }
            let root: String? =
                switch operation.operation {
                case .query: context.schema.queryTypeName
                case .mutation: context.schema.mutationTypeName
                case .subscription: context.schema.subscriptionTypeName
                }
            return cost(of: operation.selectionSet, parent: root.flatMap { context.entry(named: $0) })
        }

        private func cost(of selectionSet: SelectionSet, parent: TypeEntry?) -> Int {
            var total = 0
            let selections = selectionSet.selections
            for position in selections.indices {
                switch selections[position] {
                case .field(let field):
                    if field.name.value.isIntrospectionName { continue }
                    total = Self.add(total, 1)
                    guard let sub = field.selectionSet else { continue }
                    let definition = parent?.field(named: field.name.value)
                    let childCost = cost(of: sub, parent: definition.flatMap { context.index.entry(id: $0.namedTypeID) })
                    let isList = definition?.isList ?? false
                    total = Self.add(total, Self.multiply(childCost, isList ? listSize(field) : 1))
                case .inlineFragment(let inline):
                    let type = inline.typeCondition.map { context.entry(named: $0.value) } ?? parent
                    total = Self.add(total, cost(of: inline.selectionSet, parent: type))
                case .fragmentSpread(let spread):
                    guard let index = context.fragmentIndex(named: spread.name.value) else { continue }
                    if let known = fragmentCost[index] {
                        total = Self.add(total, max(known, 0))
                    } else {
                        fragmentCost[index] = -1
                        let fragment = context.fragments[index]
                        let value = cost(
                            of: fragment.selectionSet, parent: context.entry(named: fragment.typeCondition.value))
                        fragmentCost[index] = value
                        total = Self.add(total, value)
                    }
                }
            }
            return total
        }

        private func listSize(_ field: Field) -> Int {
            guard let first = field.arguments.first(where: { $0.name.value == "first" }) else {
                return rule.defaultListSize
            }
            var value = first.value
            if case .variable(let name) = value {
                guard let defaultValue = variableDefaults[name.value] else { return rule.defaultListSize }
                value = defaultValue
            }
            if case .int(let text, _) = value, let size = Int(text) { return max(size, 0) }
            return rule.defaultListSize
        }

        static func add(_ a: Int, _ b: Int) -> Int {
            let (sum, overflow) = a.addingReportingOverflow(b)
            return overflow ? .max : sum
        }

        static func multiply(_ a: Int, _ b: Int) -> Int {
            let (product, overflow) = a.multipliedReportingOverflow(by: b)
            return overflow ? .max : product
        }
    }
}
