import StrataLanguage
import StrataSchema

/// [Variables Are Input Types](https://spec.graphql.org/draft/#sec-Variables-Are-Input-Types): a variable's type
/// must be a scalar, enum or input object type (possibly wrapped in lists and non-null).
public struct VariablesAreInputTypesRule: ValidationRule {
    public init() {}

    public func makeVisitor(context: ValidationContext) -> ValidationVisitor { Visitor(context: context) }

    final class Visitor: ValidationVisitor {
        let context: ValidationContext
        init(context: ValidationContext) { self.context = context }
        override var events: ValidationEvents { .enterVariableDefinition }

        override func enterVariableDefinition(_ definition: VariableDefinition) {
            guard let type = context.entry(named: definition.type.namedType.value), !type.kind.isInput else { return }
            context.report(
                "Variable \"$\(definition.variable.value)\" cannot be non-input type \"\(definition.type)\".",
                at: [definition.type.span])
        }
    }
}
