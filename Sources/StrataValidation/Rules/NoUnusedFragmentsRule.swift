import StrataLanguage
import StrataSchema

/// [Fragments Must Be Used](https://spec.graphql.org/draft/#sec-Fragments-Must-Be-Used): every fragment definition
/// is spread, directly or through other fragments, by some operation of the document.
public struct NoUnusedFragmentsRule: ValidationRule {
    public init() {}

    public func makeVisitor(context: ValidationContext) -> ValidationVisitor { Visitor(context: context) }

    final class Visitor: ValidationVisitor {
        let context: ValidationContext
        init(context: ValidationContext) { self.context = context }
        override var events: ValidationEvents { .leaveDocument }

        override func leaveDocument(_ document: Document) {
            var used = [Bool](repeating: false, count: context.fragments.count)
            for operation in context.operations.indices {
                for fragment in context.recursivelyReferencedFragments(ofOperation: operation) { used[fragment] = true }
            }
            for (index, fragment) in context.fragments.enumerated() {
                // A duplicate name counts as used when its first definition is.
                let canonical = context.fragmentIndex(named: fragment.name.value) ?? index
                if !used[canonical] {
                    context.report("Fragment \"\(fragment.name.value)\" is never used.", at: [fragment.span])
                }
            }
        }
    }
}
