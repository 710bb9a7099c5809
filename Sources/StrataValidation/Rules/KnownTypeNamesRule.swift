import StrataLanguage
import StrataSchema

/// [Fragment Spread Type Existence](https://spec.graphql.org/draft/#sec-Fragment-Spread-Type-Existence) and
/// [Variables Are Input Types](https://spec.graphql.org/draft/#sec-Variables-Are-Input-Types): every type named in
/// a document (type conditions, variable types) must exist in the schema.
public struct KnownTypeNamesRule: ValidationRule {
    public init() {}

    public func makeVisitor(context: ValidationContext) -> ValidationVisitor { Visitor(context: context) }

    final class Visitor: ValidationVisitor {
        let context: ValidationContext
        init(context: ValidationContext) { self.context = context }
        override var events: ValidationEvents {
            [.enterVariableDefinition, .enterFragmentDefinition, .enterInlineFragment]
        }

        override func enterVariableDefinition(_ definition: VariableDefinition) { check(definition.type.namedType) }
        override func enterFragmentDefinition(_ fragment: FragmentDefinition) { check(fragment.typeCondition) }
        override func enterInlineFragment(_ fragment: InlineFragment) {
            if let condition = fragment.typeCondition { check(condition) }
        }

        private func check(_ name: Name) {
            guard context.entry(named: name.value) == nil else { return }
            let suggestions = Suggestions.list(name.value, options: context.schema.typeNames)
            context.report("Unknown type \"\(name.value)\".\(Suggestions.didYouMean(suggestions))", at: [name.span])
        }
    }
}
