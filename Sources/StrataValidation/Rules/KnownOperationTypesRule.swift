import StrataLanguage
import StrataSchema

/// [Operation Type Existence](https://spec.graphql.org/draft/#sec-Operation-Type-Existence): the schema must have a
/// root type for the kind of every operation (a `mutation` needs a mutation type, a `subscription` a subscription
/// type).
public struct KnownOperationTypesRule: ValidationRule {
    public init() {}

    public func makeVisitor(context: ValidationContext) -> ValidationVisitor { Visitor(context: context) }

    final class Visitor: ValidationVisitor {
        let context: ValidationContext
        init(context: ValidationContext) { self.context = context }
        override var events: ValidationEvents { .enterOperation }

        override func enterOperation(_ operation: OperationDefinition) {
            guard context.outputEntry == nil else { return }
            context.report(
                "The \(operation.operation.rawValue) operation is not supported by the schema.", at: [operation.span])
        }
    }
}
