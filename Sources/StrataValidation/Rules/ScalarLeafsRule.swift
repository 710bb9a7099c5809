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
            // Only the entry is read on the way through; the type and the name are built for an error alone.
            guard let named = context.outputEntry else { return }
            if named.kind.isLeaf {
                if let selectionSet = field.selectionSet {
                    context.report(
                        "Field \"\(field.name.value)\" must not have a selection since type "
                            + "\"\(context.outputType ?? .named(named.name))\" has no subfields.",
                        at: [selectionSet.span])
                }
            } else if field.selectionSet == nil {
                let name = field.name.value
                context.report(
                    "Field \"\(name)\" of type \"\(context.outputType ?? .named(named.name))\" must have a "
                        + "selection of subfields. Did you mean \"\(name) { ... }\"?",
                    at: [field.span])
            }
        }
    }
}
