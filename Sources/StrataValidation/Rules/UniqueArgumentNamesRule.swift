import StrataLanguage
import StrataSchema

/// [Argument Uniqueness](https://spec.graphql.org/draft/#sec-Argument-Uniqueness): a field or directive is given each
/// argument at most once.
public struct UniqueArgumentNamesRule: ValidationRule {
    public init() {}

    public func makeVisitor(context: ValidationContext) -> ValidationVisitor { Visitor(context: context) }

    final class Visitor: ValidationVisitor {
        let context: ValidationContext
        init(context: ValidationContext) { self.context = context }
        override var events: ValidationEvents { [.enterField, .enterDirective] }

        override func enterField(_ field: Field) { check(field.arguments) }
        override func enterDirective(_ directive: Directive) { check(directive.arguments) }

        private func check(_ arguments: some Collection<Argument>) {
            guard arguments.count > 1 else { return }
            let arguments = Array(arguments)
            var reported: Set<String> = []
            for (index, argument) in arguments.enumerated() {
                let name = argument.name.value
                guard !reported.contains(name), arguments[(index + 1)...].contains(where: { $0.name.value == name })
                else { continue }
                reported.insert(name)
                context.report(
                    "There can be only one argument named \"\(name)\".",
                    at: arguments.filter { $0.name.value == name }.map(\.name.span))
            }
        }
    }
}
