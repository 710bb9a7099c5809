import StrataLanguage
import StrataSchema

/// `@skip(if: $v)` and `@include(if: $v)` with `$v` given as null: `if` is `Boolean!`, so the operation cannot be
/// executed as written (graphql-js fails it the same way: no data, "Argument "if" of non-null type "Boolean!" must
/// not be null."). Validation lets a nullable variable with a default stand there; only an explicit null breaks it.
enum NullConditionCheck {
    /// The errors for every such condition in `operation` and the fragments it uses; empty when no variable is
    /// null, which is checked first so that the usual request walks nothing.
    static func errors(
        _ operation: OperationDefinition, fragments: [String: FragmentDefinition], variables: [String: InputValue]
    ) -> [GraphQLError] {
        guard variables.values.contains(where: \.isNull) else { return [] }
        let nullVariables = Set(variables.filter { $0.value.isNull }.keys)
        var errors: [GraphQLError] = []
        var visited: Set<String> = []
        func check(_ directives: some Collection<Directive>) {
            for directive in directives where directive.name.value == "skip" || directive.name.value == "include" {
                for argument in directive.arguments where argument.name.value == "if" {
                    if case .variable(let name) = argument.value, nullVariables.contains(name.value) {
                        errors.append(
                            GraphQLError(
                                "Argument \"if\" of non-null type \"Boolean!\" must not be null.", code: .badUserInput,
                                spans: [argument.value.span]))
                    }
                }
            }
        }
        func walk(_ set: SelectionSet) {
            for selection in set.selections {
                check(selection.directives)
                switch selection {
                case .field(let field):
                    if let subSelection = field.selectionSet { walk(subSelection) }
                case .inlineFragment(let fragment):
                    walk(fragment.selectionSet)
                case .fragmentSpread(let spread):
                    let name = spread.name.value
                    guard visited.insert(name).inserted, let fragment = fragments[name] else { continue }
                    walk(fragment.selectionSet)
                }
            }
        }
        walk(operation.selectionSet)
        return errors
    }
}
