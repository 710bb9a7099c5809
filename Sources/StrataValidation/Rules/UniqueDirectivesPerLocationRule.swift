import StrataLanguage
import StrataSchema

/// [Directives Are Unique per Location](https://spec.graphql.org/draft/#sec-Directives-Are-Unique-Per-Location): a
/// directive that is not `repeatable` appears at most once on a node.
public struct UniqueDirectivesPerLocationRule: ValidationRule {
    public init() {}

    public func makeVisitor(context: ValidationContext) -> ValidationVisitor { Visitor(context: context) }

    final class Visitor: ValidationVisitor {
        let context: ValidationContext
        init(context: ValidationContext) { self.context = context }
        override var events: ValidationEvents {
            [.enterOperation, .enterVariableDefinition, .enterField, .enterFragmentSpread, .enterInlineFragment,
             .enterFragmentDefinition]
        }

        override func enterOperation(_ operation: OperationDefinition) { check(operation.directives) }
        override func enterVariableDefinition(_ definition: VariableDefinition) { check(definition.directives) }
        override func enterField(_ field: Field) { check(field.directives) }
        override func enterFragmentSpread(_ spread: FragmentSpread) { check(spread.directives) }
        override func enterInlineFragment(_ fragment: InlineFragment) { check(fragment.directives) }
        override func enterFragmentDefinition(_ fragment: FragmentDefinition) { check(fragment.directives) }

        private func check(_ directives: some Collection<Directive>) {
            guard directives.count > 1 else { return }
            let directives = Array(directives)
            for index in 1..<directives.count {
                let directive = directives[index]
                let name = directive.name.value
                // Unknown directives are KnownDirectivesRule's business; repeatable ones may repeat.
                guard let definition = context.schema.directives[name], !definition.isRepeatable,
                    let first = directives[..<index].first(where: { $0.name.value == name })
                else { continue }
                context.report(
                    "The directive \"@\(name)\" can only be used once at this location.",
                    at: [first.span, directive.span])
            }
        }
    }
}
