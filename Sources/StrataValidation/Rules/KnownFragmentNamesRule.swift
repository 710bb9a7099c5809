import StrataLanguage
import StrataSchema

/// [Fragment Spread Target Defined](https://spec.graphql.org/draft/#sec-Fragment-spread-target-defined): every
/// fragment spread names a fragment defined in the document.
public struct KnownFragmentNamesRule: ValidationRule {
    public init() {}

    public func makeVisitor(context: ValidationContext) -> ValidationVisitor { Visitor(context: context) }

    final class Visitor: ValidationVisitor {
        let context: ValidationContext
        init(context: ValidationContext) { self.context = context }
        override var events: ValidationEvents { .enterFragmentSpread }

        override func enterFragmentSpread(_ spread: FragmentSpread) {
            guard context.spreadTarget == nil else { return }
            context.report("Unknown fragment \"\(spread.name.value)\".", at: [spread.name.span])
        }
    }
}
