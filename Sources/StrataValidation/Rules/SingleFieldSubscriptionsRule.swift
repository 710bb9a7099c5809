import StrataLanguage
import StrataSchema

/// [Single Root Field](https://spec.graphql.org/draft/#sec-Single-Root-Field): a subscription operation selects
/// exactly one root field (fragments included), and that field is not an introspection field such as `__typename`.
///
/// Fields are collected as execution would with no variable values: `@skip(if: true)` and `@include(if: false)`
/// written as literals remove a selection; a condition on a variable keeps it.
public struct SingleFieldSubscriptionsRule: ValidationRule {
    public init() {}

    public func makeVisitor(context: ValidationContext) -> ValidationVisitor { Visitor(context: context) }

    final class Visitor: ValidationVisitor {
        let context: ValidationContext
        init(context: ValidationContext) { self.context = context }
        override var events: ValidationEvents { .enterOperation }

        override func enterOperation(_ operation: OperationDefinition) {
            guard operation.operation == .subscription, let root = context.schema.subscriptionType else { return }
            var keys: [String] = []
            var groups: [[Field]] = []
            var visited = Set<String>()
            collect(operation.selectionSet, root: root.name, keys: &keys, groups: &groups, visited: &visited)
            let subject = operation.name.map { "Subscription \"\($0.value)\"" } ?? "Anonymous Subscription"
            if groups.count > 1 {
                let extra = groups.dropFirst().flatMap { $0.map(\.span) }
                context.report("\(subject) must select only one top level field.", at: extra)
            }
            for group in groups where group[0].name.value.isIntrospectionName {
                context.report(
                    "\(subject) must not select an introspection top level field.", at: group.map(\.span))
            }
        }

        private func collect(
            _ selectionSet: SelectionSet, root: String, keys: inout [String], groups: inout [[Field]],
            visited: inout Set<String>
        ) {
            for selection in selectionSet.selections where Self.isIncluded(selection.directives) {
                switch selection {
                case .field(let field):
                    let key = field.responseKey
                    if let index = keys.firstIndex(of: key) {
                        groups[index].append(field)
                    } else {
                        keys.append(key)
                        groups.append([field])
                    }
                case .inlineFragment(let fragment):
                    if let condition = fragment.typeCondition, !applies(condition.value, to: root) { continue }
                    collect(fragment.selectionSet, root: root, keys: &keys, groups: &groups, visited: &visited)
                case .fragmentSpread(let spread):
                    guard visited.insert(spread.name.value).inserted,
                        let fragment = context.fragment(named: spread.name.value),
                        applies(fragment.typeCondition.value, to: root)
                    else { continue }
                    collect(fragment.selectionSet, root: root, keys: &keys, groups: &groups, visited: &visited)
                }
            }
        }

        private func applies(_ condition: String, to root: String) -> Bool {
            condition == root || context.schema.possibleTypes(of: condition).contains(root)
        }

        /// False only for a literal `@skip(if: true)` or `@include(if: false)`.
        static func isIncluded(_ directives: some Collection<Directive>) -> Bool {
            for directive in directives {
                let name = directive.name.value
                guard name == "skip" || name == "include" else { continue }
                for argument in directive.arguments where argument.name.value == "if" {
                    if case .boolean(let value, _) = argument.value, value == (name == "skip") { return false }
                }
            }
            return true
        }
    }
}
