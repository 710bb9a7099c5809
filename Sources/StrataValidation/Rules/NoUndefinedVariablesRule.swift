import StrataLanguage
import StrataSchema

/// [All Variable Uses Defined](https://spec.graphql.org/draft/#sec-All-Variable-Uses-Defined): every variable used in
/// an operation, including in the fragments it spreads, is declared by that operation.
public struct NoUndefinedVariablesRule: ValidationRule {
    public init() {}

    public func makeVisitor(context: ValidationContext) -> ValidationVisitor { Visitor(context: context) }

    final class Visitor: ValidationVisitor {
        let context: ValidationContext
        init(context: ValidationContext) { self.context = context }
        override var events: ValidationEvents { .leaveDocument }

        override func leaveDocument(_ document: Document) {
            for (index, operation) in context.operations.enumerated() {
                let defined = Set(operation.variableDefinitions.map(\.variable.value))
                for usage in context.recursiveVariableUsages(ofOperation: index) where !defined.contains(usage.name) {
                    let message =
                        if let name = operation.name {
                            "Variable \"$\(usage.name)\" is not defined by operation \"\(name.value)\"."
                        } else {
                            "Variable \"$\(usage.name)\" is not defined."
                        }
                    context.report(message, at: [usage.span, operation.span])
                }
            }
        }
    }
}
