import StrataLanguage
import StrataSchema

/// [Fragment Spreads Must Not Form Cycles](https://spec.graphql.org/draft/#sec-Fragment-spreads-must-not-form-cycles):
/// no fragment may spread itself, directly or through other fragments.
///
/// Each cycle is reported once, at the spreads that form it.
public struct NoFragmentCyclesRule: ValidationRule {
    public init() {}

    public func makeVisitor(context: ValidationContext) -> ValidationVisitor { Visitor(context: context) }

    final class Visitor: ValidationVisitor {
        let context: ValidationContext
        init(context: ValidationContext) { self.context = context }
        override var events: ValidationEvents { .leaveDocument }

        private var visited: [Bool] = []
        /// For fragments on the current path: their position in `path`.
        private var pathIndex: [Int?] = []
        private var path: [FragmentSpread] = []

        override func leaveDocument(_ document: Document) {
            visited = Array(repeating: false, count: context.fragments.count)
            pathIndex = Array(repeating: nil, count: context.fragments.count)
            for (index, fragment) in context.fragments.enumerated()
            where context.fragmentIndex(named: fragment.name.value) == index {
                detectCycles(from: index)
            }
        }

        private func detectCycles(from fragment: Int) {
            if visited[fragment] { return }
            visited[fragment] = true
            let spreads = context.spreads(ofFragment: fragment)
            if spreads.isEmpty { return }
            let targets = context.spreadTargets(ofFragment: fragment)
            pathIndex[fragment] = path.count
            for (spread, target) in zip(spreads, targets) where target >= 0 {
                path.append(spread)
                if let cycleStart = pathIndex[target] {
                    let cycle = path[cycleStart...]
                    let via = cycle.dropLast().map { "\"\($0.name.value)\"" }.joined(separator: ", ")
                    context.report(
                        "Cannot spread fragment \"\(spread.name.value)\" within itself"
                            + (via.isEmpty ? "." : " via \(via)."),
                        at: cycle.map(\.span))
                } else {
                    detectCycles(from: target)
                }
                path.removeLast()
            }
            pathIndex[fragment] = nil
        }
    }
}
