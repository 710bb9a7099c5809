import StrataLanguage
import StrataSchema

/// Strata limit (not a spec rule): an operation's selections may nest at most `maxDepth` fields deep, counting
/// through fragment spreads. `{ a { b } }` has depth 2. Introspection fields (`__schema`, `__type`, `__typename`)
/// and everything below them are not counted unless `countsIntrospection` is set, so tools can still introspect.
///
/// Errors have code `QUERY_TOO_COMPLEX` and point at the operation.
public struct MaxDepthRule: ValidationRule {
    public var maxDepth: Int
    public var countsIntrospection: Bool

    public init(maxDepth: Int, countsIntrospection: Bool = false) {
        self.maxDepth = maxDepth
        self.countsIntrospection = countsIntrospection
    }

    public func makeVisitor(context: ValidationContext) -> ValidationVisitor {
        Visitor(context: context, rule: self)
    }

    final class Visitor: ValidationVisitor {
        let context: ValidationContext
        let rule: MaxDepthRule
        /// The depth of each fragment's selection set; -1 while it is being measured (a cycle counts as 0).
        private var fragmentDepth: [Int?]

        init(context: ValidationContext, rule: MaxDepthRule) {
            self.context = context
            self.rule = rule
            fragmentDepth = Array(repeating: nil, count: context.fragments.count)
        }

        override var events: ValidationEvents { .enterOperation }

        override func enterOperation(_ operation: OperationDefinition) {
            let depth = depth(of: operation.selectionSet)
            guard depth > rule.maxDepth else { return }
            let name = operation.name.map { "Operation \"\($0.value)\"" } ?? "The operation"
            context.report(
                "\(name) has a depth of \(depth), which exceeds the maximum depth of \(rule.maxDepth).",
                at: [operation.span], code: .tooComplex)
        }

        private func depth(of selectionSet: SelectionSet) -> Int {
            var deepest = 0
            let selections = selectionSet.selections
            for position in selections.indices {
                let depth: Int
                switch selections[position] {
                case .field(let field):
                    if !rule.countsIntrospection, field.name.value.isIntrospectionName { continue }
                    depth = 1 + (field.selectionSet.map { self.depth(of: $0) } ?? 0)
                case .inlineFragment(let inline):
                    depth = self.depth(of: inline.selectionSet)
                case .fragmentSpread(let spread):
                    guard let index = context.fragmentIndex(named: spread.name.value) else { continue }
                    if let known = fragmentDepth[index] {
                        depth = max(known, 0)
                    } else {
                        fragmentDepth[index] = -1
                        depth = self.depth(of: context.fragments[index].selectionSet)
                        fragmentDepth[index] = depth
                    }
                }
                deepest = max(deepest, depth)
            }
            return deepest
        }
    }
}
