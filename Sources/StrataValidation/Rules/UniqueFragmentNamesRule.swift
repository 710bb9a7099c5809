import StrataLanguage
import StrataSchema

/// [Fragment Name Uniqueness](https://spec.graphql.org/draft/#sec-Fragment-Name-Uniqueness): every fragment
/// definition of a document needs a name no other fragment uses.
public struct UniqueFragmentNamesRule: ValidationRule {
    public init() {}

    public func makeVisitor(context: ValidationContext) -> ValidationVisitor { Visitor(context: context) }

    final class Visitor: ValidationVisitor {
        let context: ValidationContext
        init(context: ValidationContext) { self.context = context }
        override var events: ValidationEvents { .enterDocument }

        override func enterDocument(_ document: Document) {
            for (index, fragment) in context.fragments.enumerated() {
                guard let firstIndex = context.fragmentIndex(named: fragment.name.value) else { continue }
                let first = context.fragments[firstIndex]
                if firstIndex != index {
                    context.report(
                        "There can be only one fragment named \"\(fragment.name.value)\".",
                        at: [first.name.span, fragment.name.span])
                }
            }
        }
    }
}
