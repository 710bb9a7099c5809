import StrataLanguage
import StrataSchema

/// [Executable Definitions](https://spec.graphql.org/draft/#sec-Executable-Definitions): a document sent for
/// execution may hold only operations and fragments, never type-system definitions or extensions.
public struct ExecutableDefinitionsRule: ValidationRule {
    public init() {}

    public func makeVisitor(context: ValidationContext) -> ValidationVisitor { Visitor(context: context) }

    final class Visitor: ValidationVisitor {
        let context: ValidationContext
        init(context: ValidationContext) { self.context = context }
        override var events: ValidationEvents { .enterDocument }

        override func enterDocument(_ document: Document) {
            for definition in document.definitions {
                let name: String
                switch definition {
                case .operation, .fragment: continue
                case .schema, .schemaExtension: name = "schema"
                case .type(let type), .typeExtension(let type): name = "\"\(type.name.value)\""
                case .directive(let directive): name = "\"\(directive.name.value)\""
                }
                context.report("The \(name) definition is not executable.", at: [definition.span])
            }
        }
    }
}
