import StrataLanguage
import StrataSchema

/// [All Variables Used](https://spec.graphql.org/draft/#sec-All-Variables-Used): every variable an operation
/// declares is used in it or in a fragment it spreads.
public struct NoUnusedVariablesRule: ValidationRule {
    public init() {}

    public func makeVisitor(context: ValidationContext) -> ValidationVisitor { Visitor(context: context) }

    final class Visitor: ValidationVisitor {
        let context: ValidationContext
        init(context: ValidationContext) { self.context = context }
        override var events: ValidationEvents { .leaveDocument }

        override func leaveDocument(_ document: Document) {
            for (index, operation) in context.operations.enumerated() where !operation.variableDefinitions.isEmpty {
                let used = Set(context.recursiveVariableUsages(ofOperation: index).map(\.name))
                for definition in operation.variableDefinitions where !used.contains(definition.variable.value) {
                    let message =
                        if let name = operation.name {
                            "Variable \"$\(definition.variable.value)\" is never used in operation \"\(name.value)\"."
                        } else {
                            "Variable \"$\(definition.variable.value)\" is never used."
                        }
                    context.report(message, at: [definition.span])
                }
            }
        }
    }
}
