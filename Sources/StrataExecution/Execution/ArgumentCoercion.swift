import StrataJSON
import StrataLanguage
import StrataSchema

/// Coercion of field arguments (spec §6.4.1 CoerceArgumentValues) and of request variables
/// (spec §6.1.2 CoerceVariableValues), on top of StrataSchema's value coercion.
enum ArgumentCoercion {
    static func coerce(
        _ arguments: some Collection<Argument>, definition: FieldDef, schema: Schema, variables: [String: InputValue]
    ) -> Result<[String: InputValue], FieldError> {
        if definition.arguments.isEmpty { return .success([:]) }
        var values: [String: InputValue] = [:]
        for argumentDefinition in definition.arguments {
            let name = argumentDefinition.name
            let given = arguments.first { $0.name.value == name }
            if let given {
                if case .variable(let variable) = given.value {
                    if let value = variables[variable.value] {
                        // A nullable variable may stand where a non-null argument has a default (validation
                        // allows it); given as null, it is a field error (spec §6.4.1 CoerceArgumentValues).
                        if value.isNull, argumentDefinition.type.isNonNull {
                            let type = argumentDefinition.type
                            return .failure(
                                FieldError(
                                    "Argument \"\(name)\" of non-null type \"\(type)\" must not be null.",
                                    code: .badUserInput
                                ).located(at: [given.value.span]))
                        }
                        values[name] = value
                        continue
                    }
                    // An absent variable behaves as if the argument were not given.
                } else {
                    switch coerceLiteral(given.value, to: argumentDefinition.type, in: schema, variables: variables) {
                    case .success(let value):
                        values[name] = value
                        continue
                    case .failure(let failure):
                        let message = "Argument \"\(name)\" has invalid value: \(failure.message)"
                        return .failure(
                            FieldError(message, code: .badUserInput).located(at: [given.value.span]))
                    }
                }
            }
            if let defaultValue = argumentDefinition.defaultValue {
                switch coerceLiteral(defaultValue, to: argumentDefinition.type, in: schema, variables: nil) {
                case .success(let value): values[name] = value
                case .failure(let failure):
                    return .failure(FieldError("Argument \"\(name)\" has an invalid default: \(failure.message)"))
                }
            } else if argumentDefinition.type.isNonNull {
                return .failure(
                    FieldError(
                        "Argument \"\(name)\" of required type \"\(argumentDefinition.type)\" was not provided.",
                        code: .badUserInput))
            }
        }
        return .success(values)
    }

    /// Coerces the request's variables against the operation's definitions; errors name the variable.
    static func coerceVariables(
        _ definitions: [VariableDefinition], _ provided: [String: JSONValue], schema: Schema
    ) -> Result<[String: InputValue], VariableErrors> {
        var values: [String: InputValue] = [:]
        var errors: [GraphQLError] = []
        for definition in definitions {
            let name = definition.variable.value
            let type = TypeRef(definition.type)
            guard let named = schema.types[type.namedType], named.kind.isInput else {
                errors.append(
                    GraphQLError(
                        "Variable \"$\(name)\" expected value of type \"\(type)\" which cannot be used as an input type.",
                        code: .badUserInput, spans: [definition.span]))
                continue
            }
            guard let given = provided[name] else {
                if let defaultValue = definition.defaultValue {
                    if case .success(let value) = coerceLiteral(defaultValue, to: type, in: schema, variables: nil) {
                        values[name] = value
                    }
                } else if type.isNonNull {
                    errors.append(
                        GraphQLError(
                            "Variable \"$\(name)\" of required type \"\(type)\" was not provided.", code: .badUserInput,
                            spans: [definition.span]))
                }
                continue
            }
            if given.isNull && type.isNonNull {
                errors.append(
                    GraphQLError(
                        "Variable \"$\(name)\" of non-null type \"\(type)\" must not be null.", code: .badUserInput,
                        spans: [definition.span]))
                continue
            }
            switch coerceVariableValue(given, to: type, in: schema) {
            case .success(let value): values[name] = value
            case .failure(let failure):
                errors.append(
                    GraphQLError(
                        failure.variableMessage(variableName: name, given: given), code: .badUserInput,
                        spans: [definition.span]))
            }
        }
        return errors.isEmpty ? .success(values) : .failure(VariableErrors(errors: errors))
    }
}

/// Every problem found while coercing a request's variables.
struct VariableErrors: Error {
    var errors: [GraphQLError]
}

extension TypeRef {
    /// The schema form of a type written in a document.
    init(_ reference: TypeReference) {
        switch reference {
        case .named(let name): self = .named(name.value)
        case .list(let inner, _): self = .list(TypeRef(inner))
        case .nonNull(let inner, _): self = .nonNull(TypeRef(inner))
        }
    }
}
