import StrataLanguage
import StrataSchema

/// [Input Object Field Uniqueness](https://spec.graphql.org/draft/#sec-Input-Object-Field-Uniqueness): an input
/// object literal gives each field at most once.
public struct UniqueInputFieldNamesRule: ValidationRule {
    public init() {}

    public func makeVisitor(context: ValidationContext) -> ValidationVisitor { Visitor(context: context) }

    final class Visitor: ValidationVisitor {
        let context: ValidationContext
        init(context: ValidationContext) { self.context = context }
        override var events: ValidationEvents { .enterValue }

        override func enterValue(_ value: Value) {
            guard case .object(let fields, _) = value, fields.count > 1 else { return }
            for index in 1..<fields.count {
                let name = fields[index].name
                if let first = fields[..<index].first(where: { $0.name.value == name.value }) {
                    context.report(
                        "There can be only one input field named \"\(name.value)\".", at: [first.name.span, name.span])
                }
            }
        }
    }
}
