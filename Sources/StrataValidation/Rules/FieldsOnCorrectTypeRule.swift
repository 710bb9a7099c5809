import StrataLanguage
import StrataSchema

/// [Field Selections](https://spec.graphql.org/draft/#sec-Field-Selections): every selected field must be defined
/// on the type in scope (unions define only `__typename`).
public struct FieldsOnCorrectTypeRule: ValidationRule {
    public init() {}

    public func makeVisitor(context: ValidationContext) -> ValidationVisitor { Visitor(context: context) }

    final class Visitor: ValidationVisitor {
        let context: ValidationContext
        init(context: ValidationContext) { self.context = context }
        override var events: ValidationEvents { .enterField }

        override func enterField(_ field: Field) {
            guard !context.state.pointee.hasFieldEntry, let parent = context.parentType else { return }
            let name = field.name.value
            var hint = Suggestions.didYouMean(typeSuggestions(parent, field: name), lead: "to use an inline fragment on")
            if hint.isEmpty {
                hint = Suggestions.didYouMean(Suggestions.list(name, options: (parent.fields ?? []).map(\.name)))
            }
            context.report("Cannot query field \"\(name)\" on type \"\(parent.name)\".\(hint)", at: [field.span])
        }

        /// For an abstract parent: the interfaces and object types below it that define the field, interfaces
        /// first (the more of the possible types an interface covers, the earlier), then objects.
        private func typeSuggestions(_ parent: NamedType, field: String) -> [String] {
            guard parent.kind.isAbstract else { return [] }
            let schema = context.schema
            var interfaceUsage: [String: Int] = [:]
            var objects: [String] = []
            for name in schema.possibleTypes(of: parent.name) {
                guard case .object(let object) = schema.types[name], object.field(field) != nil else { continue }
                objects.append(name)
                for interface in object.interfaces {
                    guard schema.types[interface]?.field(field) != nil else { continue }
                    interfaceUsage[interface, default: 0] += 1
                }
            }
            let interfaces = interfaceUsage.keys.sorted {
                interfaceUsage[$0]! != interfaceUsage[$1]! ? interfaceUsage[$0]! > interfaceUsage[$1]! : $0 < $1
            }
            return interfaces + objects.sorted()
        }
    }
}
