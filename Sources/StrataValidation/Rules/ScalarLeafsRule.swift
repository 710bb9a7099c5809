import StrataLanguage
import StrataSchema

/// [Leaf Field Selections](https://spec.graphql.org/draft/#sec-Leaf-Field-Selections): a field of scalar or enum
/// type has no selection set, and a field of object, interface or union type must have one.
public struct ScalarLeafsRule: ValidationRule {
    public init() {}

    public func makeVisitor(context: ValidationContext) -> ValidationVisitor { Visitor(context: context) }

    final class Visitor: ValidationVisitor {
        let context: ValidationContext
        init(context: ValidationContext) { self.context = context }
        override var events: ValidationEvents { .enterField }

        override func enterField(_ field: Field) {
            // The entry is read without a retain; the type is looked up for an error alone.
            guard let isLeaf = context.state.pointee.withOutputEntry({ $0.kind.isLeaf }) else { return }
            guard isLeaf == (field.selectionSet != nil), let named = context.outputEntry else { return }
            let name = field.name.value
            let type = context.outputType ?? .named(named.name)
            if let selectionSet = field.selectionSet {
                context.report(
                    "Field \"\(name)\" must not have a selection since type \"\(type)\" has no subfields.",
                    at: [selectionSet.span])
            } else {
                context.report(
                    "Field \"\(name)\" of type \"\(type)\" must have a selection of subfields. "
                        + "Did you mean \"\(name) { ... }\"?",
                    at: [field.span])
            }
        }
    }
}
