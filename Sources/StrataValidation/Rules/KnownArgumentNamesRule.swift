import StrataLanguage
import StrataSchema

/// [Argument Names](https://spec.graphql.org/draft/#sec-Argument-Names): every argument given to a field or a
/// directive is one that field or directive defines.
public struct KnownArgumentNamesRule: ValidationRule {
    public init() {}

    public func makeVisitor(context: ValidationContext) -> ValidationVisitor { Visitor(context: context) }

    final class Visitor: ValidationVisitor {
        let context: ValidationContext
        init(context: ValidationContext) { self.context = context }
        override var events: ValidationEvents { .enterArgument }

        override func enterArgument(_ argument: Argument) {
            guard !context.state.pointee.isArgumentDefined else { return }
            let name = argument.name.value
            if context.isInDirective {
                guard let directive = context.directive else { return }
                let hint = Suggestions.didYouMean(Suggestions.list(name, options: directive.arguments.map(\.name)))
                context.report(
                    "Unknown argument \"\(name)\" on directive \"@\(directive.name)\".\(hint)", at: [argument.span])
            } else if let field = context.fieldDefinition, let parent = context.parentType {
                let hint = Suggestions.didYouMean(Suggestions.list(name, options: field.arguments.map(\.name)))
                context.report(
                    "Unknown argument \"\(name)\" on field \"\(parent.name).\(field.name)\".\(hint)",
                    at: [argument.span])
            }
        }
    }
}
