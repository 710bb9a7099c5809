import StrataLanguage
import StrataSchema

/// [Directives Are Defined](https://spec.graphql.org/draft/#sec-Directives-Are-Defined) and
/// [Directives Are in Valid Locations](https://spec.graphql.org/draft/#sec-Directives-Are-In-Valid-Locations): every
/// directive used is declared by the schema and allowed where it is applied.
public struct KnownDirectivesRule: ValidationRule {
    public init() {}

    public func makeVisitor(context: ValidationContext) -> ValidationVisitor { Visitor(context: context) }

    final class Visitor: ValidationVisitor {
        let context: ValidationContext
        init(context: ValidationContext) { self.context = context }
        override var events: ValidationEvents { .enterDirective }

        override func enterDirective(_ directive: Directive) {
            guard let definition = context.directive else {
                context.report("Unknown directive \"@\(directive.name.value)\".", at: [directive.span])
                return
            }
            guard let location = context.directiveLocation else { return }
            if !definition.locations.contains(where: { $0.rawValue == location.rawValue }) {
                context.report(
                    "Directive \"@\(directive.name.value)\" may not be used on \(location.rawValue).",
                    at: [directive.span])
            }
        }
    }
}
