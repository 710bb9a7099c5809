import StrataLanguage
import StrataSchema

/// [Fragment Spread Is Possible](https://spec.graphql.org/draft/#sec-Fragment-spread-is-possible): a fragment may
/// only be spread where its type condition and the type in scope have at least one object type in common.
public struct PossibleFragmentSpreadsRule: ValidationRule {
    public init() {}

    public func makeVisitor(context: ValidationContext) -> ValidationVisitor { Visitor(context: context) }

    final class Visitor: ValidationVisitor {
        let context: ValidationContext
        init(context: ValidationContext) { self.context = context }
        override var events: ValidationEvents { [.enterInlineFragment, .enterFragmentSpread] }

        override func enterInlineFragment(_ fragment: InlineFragment) {
            guard let condition = fragment.typeCondition, let parent = context.parentEntry,
                let type = context.entry(named: condition.value), type.kind.isComposite,
                !context.index.typesOverlap(parent, type)
            else { return }
            context.report(
                "Fragment cannot be spread here as objects of type \"\(parent.name)\" can never be of type "
                    + "\"\(type.name)\".",
                at: [fragment.span])
        }

        override func enterFragmentSpread(_ spread: FragmentSpread) {
            guard let parent = context.parentEntry, let index = context.spreadTarget,
                let type = context.entry(named: context.fragments[index].typeCondition.value), type.kind.isComposite,
                !context.index.typesOverlap(parent, type)
            else { return }
            context.report(
                "Fragment \"\(spread.name.value)\" cannot be spread here as objects of type \"\(parent.name)\" "
                    + "can never be of type \"\(type.name)\".",
                at: [spread.span])
        }
    }
}
