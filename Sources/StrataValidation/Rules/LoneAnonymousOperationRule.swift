import StrataLanguage
import StrataSchema

/// [Lone Anonymous Operation](https://spec.graphql.org/draft/#sec-Lone-Anonymous-Operation): an operation without a
/// name is only allowed when it is the document's only operation.
public struct LoneAnonymousOperationRule: ValidationRule {
    public init() {}

    public func makeVisitor(context: ValidationContext) -> ValidationVisitor { Visitor(context: context) }

    final class Visitor: ValidationVisitor {
        let context: ValidationContext
        init(context: ValidationContext) { self.context = context }
        override var events: ValidationEvents { .enterDocument }

        override func enterDocument(_ document: Document) {
            guard context.operations.count > 1 else { return }
            for operation in context.operations where operation.name == nil {
                context.report("This anonymous operation must be the only defined operation.", at: [operation.span])
            }
        }
    }
}
