import StrataLanguage
import StrataSchema

/// [All Variable Usages Are Allowed](https://spec.graphql.org/draft/#sec-All-Variable-Usages-Are-Allowed): a
/// variable's type must fit every position it is used in.
///
/// A nullable variable may fill a non-null position only when the variable has a non-null default or the position
/// has a default of its own. A variable that is the value of a field of a OneOf input object must be non-null
/// (defaults do not help there, since the field must never be null).
public struct VariablesInAllowedPositionRule: ValidationRule {
    public init() {}

    public func makeVisitor(context: ValidationContext) -> ValidationVisitor { Visitor(context: context) }

    final class Visitor: ValidationVisitor {
        let context: ValidationContext
        init(context: ValidationContext) { self.context = context }
        override var events: ValidationEvents { .leaveDocument }

        override func leaveDocument(_ document: Document) {
            for (index, operation) in context.operations.enumerated() {
                var definitions: [String: VariableDefinition] = [:]
                // A name defined twice (an error of its own) is checked against its last definition, as graphql-js
                // does, so that both report the same uses.
                for definition in operation.variableDefinitions {
                    definitions[definition.variable.value] = definition
                }
                for usage in context.recursiveVariableUsages(ofOperation: index) {
                    guard let definition = definitions[usage.name],
                        let variableType = context.typeRef(from: definition.type)
                    else { continue }
                    if let expected = usage.expectedType,
                        !isAllowed(variableType, default: definition.defaultValue, in: expected, usage: usage)
                    {
                        context.report(
                            "Variable \"$\(usage.name)\" of type \"\(variableType)\" used in position expecting "
                                + "type \"\(expected)\".",
                            at: [definition.span, usage.span])
                    } else if let oneOf = usage.oneOfParent, !variableType.isNonNull {
                        context.report(
                            "Variable \"$\(usage.name)\" is of type \"\(variableType)\" but must be non-nullable to "
                                + "be used for OneOf Input Object \"\(oneOf)\".",
                            at: [definition.span, usage.span])
                    }
                }
            }
        }

        private func isAllowed(
            _ variableType: TypeRef, default variableDefault: Value?, in location: TypeRef, usage: VariableUsage
        ) -> Bool {
            if case .nonNull(let nullableLocation) = location, !variableType.isNonNull {
                let hasNonNullDefault: Bool =
                    if let variableDefault, case .null = variableDefault { false } else { variableDefault != nil }
                guard hasNonNullDefault || usage.hasLocationDefault else { return false }
                return context.schema.isTypeSubType(variableType, of: nullableLocation)
            }
            return context.schema.isTypeSubType(variableType, of: location)
        }
    }
}
