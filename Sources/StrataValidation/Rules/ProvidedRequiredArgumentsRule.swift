import StrataLanguage
import StrataSchema

/// [Required Arguments](https://spec.graphql.org/draft/#sec-Required-Arguments): every argument of non-null type
/// without a default value must be given to the field or directive that defines it.
public struct ProvidedRequiredArgumentsRule: ValidationRule {
    public init() {}

    public func makeVisitor(context: ValidationContext) -> ValidationVisitor { Visitor(context: context) }

    final class Visitor: ValidationVisitor {
        let context: ValidationContext
        init(context: ValidationContext) { self.context = context }
        override var events: ValidationEvents { [.leaveField, .leaveDirective] }

        override func leaveField(_ field: Field) {
            guard context.state.pointee.withFieldEntry({ !$0.requiredArguments.isEmpty }) == true,
                let entry = context.fieldEntry
            else { return }
            for argument in entry.requiredArguments where !Self.isGiven(argument, in: field.arguments) {
                context.report(
                    "Field \"\(entry.definition.name)\" argument \"\(argument.name)\" of type \"\(argument.type)\" is "
                        + "required, but it was not provided.",
                    at: [field.span])
            }
        }

        override func leaveDirective(_ directive: Directive) {
            guard let definition = context.directive else { return }
            for argument in definition.arguments
            where argument.isRequired && !Self.isGiven(argument, in: directive.arguments) {
                context.report(
                    "Directive \"@\(definition.name)\" argument \"\(argument.name)\" of type \"\(argument.type)\" "
                        + "is required, but it was not provided.",
                    at: [directive.span])
            }
        }

        static func isGiven(_ definition: InputValueDef, in arguments: some Collection<Argument>) -> Bool {
            arguments.contains { $0.name.value == definition.name }
        }
    }
}
