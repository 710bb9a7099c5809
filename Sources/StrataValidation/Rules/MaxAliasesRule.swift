import StrataLanguage
import StrataSchema

/// Strata limit (not a spec rule): an operation may use at most `maxAliases` aliases, counting each fragment's
/// aliases once per spread. Many aliases of one expensive field are a cheap way to multiply server work.
///
/// Errors have code `QUERY_TOO_COMPLEX` and point at the operation.
public struct MaxAliasesRule: ValidationRule {
    public var maxAliases: Int

    public init(maxAliases: Int) { self.maxAliases = maxAliases }

    public func makeVisitor(context: ValidationContext) -> ValidationVisitor {
        Visitor(context: context, maxAliases: maxAliases)
    }

    final class Visitor: ValidationVisitor {
        let context: ValidationContext
        let maxAliases: Int
        /// Aliases inside each fragment (spreads expanded); -1 while being counted (a cycle adds nothing).
        private var fragmentAliases: [Int?]

        init(context: ValidationContext, maxAliases: Int) {
            self.context = context
            self.maxAliases = maxAliases
            fragmentAliases = Array(repeating: nil, count: context.fragments.count)
        }

        override var events: ValidationEvents { .enterOperation }

        override func enterOperation(_ operation: OperationDefinition) {
            let count = aliases(in: operation.selectionSet)
            guard count > maxAliases else { return }
            let name = operation.name.map { "Operation \"\($0.value)\"" } ?? "The operation"
            context.report(
                "\(name) uses \(count) aliases, which exceeds the maximum of \(maxAliases).",
                at: [operation.span], code: .tooComplex)
        }

        private func aliases(in selectionSet: SelectionSet) -> Int {
            var total = 0
            let selections = selectionSet.selections
            for position in selections.indices {
                switch selections[position] {
                case .field(let field):
                    if field.alias != nil { total &+= 1 }
                    if let sub = field.selectionSet { total = Self.add(total, aliases(in: sub)) }
                case .inlineFragment(let inline):
                    total = Self.add(total, aliases(in: inline.selectionSet))
                case .fragmentSpread(let spread):
                    guard let index = context.fragmentIndex(named: spread.name.value) else { continue }
                    if let known = fragmentAliases[index] {
                        total = Self.add(total, max(known, 0))
                    } else {
                        fragmentAliases[index] = -1
                        let count = aliases(in: context.fragments[index].selectionSet)
                        fragmentAliases[index] = count
                        total = Self.add(total, count)
                    }
                }
            }
            return total
        }

        static func add(_ a: Int, _ b: Int) -> Int {
            let (sum, overflow) = a.addingReportingOverflow(b)
            return overflow ? .max : sum
        }
    }
}
