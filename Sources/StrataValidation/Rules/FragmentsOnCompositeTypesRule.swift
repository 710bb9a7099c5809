import StrataLanguage
import StrataSchema

/// [Fragments On Composite Types](https://spec.graphql.org/draft/#sec-Fragments-On-Composite-Types): a fragment's
/// type condition must name an object, interface or union type.
public struct FragmentsOnCompositeTypesRule: ValidationRule {
    public init() {}

    public func makeVisitor(context: ValidationContext) -> ValidationVisitor { Visitor(context: context) }

    final class Visitor: ValidationVisitor {
        let context: ValidationContext
        init(context: ValidationContext) { self.context = context }
        override var events: ValidationEvents { [.enterFragmentDefinition, .enterInlineFragment] }

        override func enterInlineFragment(_ fragment: InlineFragment) {
            guard let condition = fragment.typeCondition, let type = context.entry(named: condition.value),
                !type.kind.isComposite
            else { return }
            context.report(
                "Fragment cannot condition on non composite type \"\(condition.value)\".", at: [condition.span])
        }

        override func enterFragmentDefinition(_ fragment: FragmentDefinition) {
            let condition = fragment.typeCondition
            guard let type = context.entry(named: condition.value), !type.kind.isComposite else { return }
            context.report(
                "Fragment \"\(fragment.name.value)\" cannot condition on non composite type \"\(condition.value)\".",
                at: [condition.span])
        }
    }
}
