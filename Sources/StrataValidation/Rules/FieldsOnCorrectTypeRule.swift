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

        /// For an abstract parent: the object types below it that define the field, and the interfaces of those
        /// types that define it too, as graphql-js orders them: the more possible types a suggestion covers, the
        /// earlier (an object type covers one); among equals, an interface before the types that implement it,
        /// then by name.
        private func typeSuggestions(_ parent: NamedType, field: String) -> [String] {
            guard parent.kind.isAbstract else { return [] }
            let schema = context.schema
            var usage: [String: Int] = [:]
            var interfaces: Set<String> = []
            for name in schema.possibleTypes(of: parent.name) {
                guard case .object(let object) = schema.types[name], object.field(field) != nil else { continue }
                usage[name] = 1
                for interface in object.interfaces where schema.types[interface]?.field(field) != nil {
                    usage[interface, default: 0] += 1
                    interfaces.insert(interface)
                }
            }
            return usage.keys.sorted { a, b in
                if usage[a]! != usage[b]! { return usage[a]! > usage[b]! }
                if interfaces.contains(a), schema.isSubType(a, b) { return true }
                if interfaces.contains(b), schema.isSubType(b, a) { return false }
                return a < b
            }
        }
    }
}
