import StrataLanguage
import StrataSchema

/// [Operation Name Uniqueness](https://spec.graphql.org/draft/#sec-Operation-Name-Uniqueness): no two operations of
/// a document may share a name, whatever their kinds.
public struct UniqueOperationNamesRule: ValidationRule {
    public init() {}

    public func makeVisitor(context: ValidationContext) -> ValidationVisitor { Visitor(context: context) }

    final class Visitor: ValidationVisitor {
        let context: ValidationContext
        init(context: ValidationContext) { self.context = context }
        override var events: ValidationEvents { .enterDocument }

        override func enterDocument(_ document: Document) {
            var seen: [String: Name] = [:]
            for operation in context.operations {
                guard let name = operation.name else { continue }
                if let first = seen[name.value] {
                    context.report("There can be only one operation named \"\(name.value)\".", at: [first.span, name.span])
                } else {
                    seen[name.value] = name
                }
            }
        }
    }
}
