import StrataLanguage
import StrataSchema

/// [Variable Uniqueness](https://spec.graphql.org/draft/#sec-Variable-Uniqueness): an operation declares each
/// variable name at most once.
public struct UniqueVariableNamesRule: ValidationRule {
    public init() {}

    public func makeVisitor(context: ValidationContext) -> ValidationVisitor { Visitor(context: context) }

    final class Visitor: ValidationVisitor {
        let context: ValidationContext
        init(context: ValidationContext) { self.context = context }
        override var events: ValidationEvents { .enterOperation }

        override func enterOperation(_ operation: OperationDefinition) {
            let definitions = operation.variableDefinitions
            guard definitions.count > 1 else { return }
            var reported = Set<String>()
            for (index, definition) in definitions.enumerated() {
                let name = definition.variable.value
                guard !reported.contains(name),
                    definitions[(index + 1)...].contains(where: { $0.variable.value == name })
                else { continue }
                reported.insert(name)
                // At the names after `$`, as graphql-js reports them.
                let spans = definitions.filter { $0.variable.value == name }.map {
                    let span = $0.variable.span
                    return SourceSpan(start: span.end > span.start ? span.start + 1 : span.start, end: span.end)
                }
                context.report("There can be only one variable named \"$\(name)\".", at: spans)
            }
        }
    }
}
