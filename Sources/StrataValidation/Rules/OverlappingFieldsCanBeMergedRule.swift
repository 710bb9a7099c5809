import StrataLanguage
import StrataSchema

/// [Field Selection Merging](https://spec.graphql.org/draft/#sec-Field-Selection-Merging): fields that share a
/// response name in one selection set (fragments included) must ask for the same field with the same arguments,
/// unless they sit on different object types, and their results must have compatible shapes.
///
/// Each conflict is reported once, at every field involved (the two fields and the conflicting subfields).
public struct OverlappingFieldsCanBeMergedRule: ValidationRule {
    public init() {}

    public func makeVisitor(context: ValidationContext) -> ValidationVisitor { Visitor(context: context) }

    final class Visitor: ValidationVisitor {
        let context: ValidationContext
        private let finder: FieldConflictFinder

        init(context: ValidationContext) {
            self.context = context
            finder = FieldConflictFinder(context: context)
        }

        override var events: ValidationEvents { .enterSelectionSet }

        override func enterSelectionSet(_ selectionSet: SelectionSet) {
            for conflict in finder.conflictsWithin(selectionSet, parent: context.parentEntry) {
                context.report(
                    "Fields \"\(conflict.responseName)\" conflict because \(conflict.reason.text). "
                        + "Use different aliases on the fields to fetch both if this was intentional.",
                    at: conflict.fields1 + conflict.fields2)
            }
        }
    }
}
