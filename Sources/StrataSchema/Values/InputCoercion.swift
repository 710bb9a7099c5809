public import StrataJSON
public import StrataLanguage

/// Input coercion of literals and JSON variable values to schema types (GraphQL spec §3.10, §5.6, §6.4.1).
///
/// Failures carry the path inside the value and, for literals, the span of the offending literal.
/// Input objects come back with the given fields (explicit nulls included) in schema order, plus the defaults of
/// omitted fields; omitted nullable fields without a default stay absent.
public enum InputCoercion {
    /// Coerces a literal to `type`. `variables` nil means a constant context, where any variable is an error.
    /// Otherwise a variable takes its (already coerced) value; a variable that was not provided counts as absent:
    /// an error for a non-null type, the field's absence inside an input object (so its default applies), and null
    /// elsewhere. Callers coercing a top-level argument handle an absent variable themselves (default or omission).
    public static func coerceLiteral(
        _ value: Value, to type: TypeRef, in schema: Schema, variables: [String: InputValue]?
    ) -> Result<InputValue, CoercionFailure> {
        if case .variable(let name) = value {
            guard let variables else {
                return .failure(
                    CoercionFailure("Variable \"$\(name.value)\" is not allowed in a constant value.", span: name.span))
            }
            guard let provided = variables[name.value] else {
                if type.isNonNull {
                    return .failure(
                        CoercionFailure(
                            "Variable \"$\(name.value)\" of required type \"\(type)\" was not provided.",
                            span: name.span))
                }
                return .success(.null)
            }
            if provided.isNull && type.isNonNull {
                return .failure(
                    CoercionFailure(
                        "Variable \"$\(name.value)\" of non-null type \"\(type)\" must not be null.", span: name.span))
            }
            return .success(provided)
        }
        switch type {
        case .nonNull(let inner):
            if case .null(let span) = value {
                return .failure(CoercionFailure("Expected value of type \"\(type)\", found null.", span: span))
            }
            return coerceLiteral(value, to: inner, in: schema, variables: variables)
        case .list(let itemType):
            switch value {
            case .null: return .success(.null)
            case .list(let items, _):
                var coerced: [InputValue] = []
                coerced.reserveCapacity(items.count)
                for (index, item) in items.enumerated() {
                    switch coerceLiteral(item, to: itemType, in: schema, variables: variables) {
                    case .success(let v): coerced.append(v)
                    case .failure(let failure): return .failure(failure.prefixed(by: .index(index)))
                    }
                }
                return .success(.list(coerced))
            default:
                return coerceLiteral(value, to: itemType, in: schema, variables: variables).map { .list([$0]) }
            }
        case .named(let name):
            if case .null = value { return .success(.null) }
            switch schema.types[name] {
            case .scalar:
                return ScalarCoercion.coerceLiteral(value, scalar: name, variables: variables)
            case .enumType(let enumType):
                return coerceEnumLiteral(value, enumType)
            case .inputObject(let inputObject):
                return coerceObjectLiteral(value, inputObject, schema, variables)
            case .some(let other):
                return .failure(CoercionFailure("Type \"\(other.name)\" is not an input type.", span: value.span))
            case .none:
                return .failure(CoercionFailure("Unknown type \"\(name)\".", span: value.span))
            }
        }
    }

    private static func coerceEnumLiteral(_ value: Value, _ enumType: EnumType) -> Result<InputValue, CoercionFailure> {
        guard case .enumValue(let name) = value else {
            return .failure(
                CoercionFailure(
                    "Enum \"\(enumType.name)\" cannot represent non-enum value: \(ValuePrinter.print(value)).",
                    span: value.span))
        }
        guard enumType.value(name.value) != nil else {
            return .failure(
                CoercionFailure(
                    enumType.unknownValueMessage(name.value), span: name.span))
        }
        return .success(.enumValue(name.value))
    }

    private static func coerceObjectLiteral(
        _ value: Value, _ type: InputObjectType, _ schema: Schema, _ variables: [String: InputValue]?
    ) -> Result<InputValue, CoercionFailure> {
        guard case .object(let given, let span) = value else {
            return .failure(
                CoercionFailure(
                    "Expected value of type \"\(type.name)\", found \(ValuePrinter.print(value)).", span: value.span))
        }
        for field in given where type.field(field.name.value) == nil {
            return .failure(
                CoercionFailure(
                    type.unknownFieldMessage(field.name.value), span: field.name.span))
        }
        var coerced: [InputField] = []
        coerced.reserveCapacity(type.fields.count)
        for definition in type.fields {
            var literal = given.first { $0.name.value == definition.name }?.value
            if case .variable(let name)? = literal, let variables, variables[name.value] == nil {
                literal = nil  // a variable that was not provided leaves the field absent
            }
            if let literal {
                switch coerceLiteral(literal, to: definition.type, in: schema, variables: variables) {
                case .success(let v): coerced.append(InputField(definition.name, v))
                case .failure(let failure): return .failure(failure.prefixed(by: .field(definition.name)))
                }
            } else if let defaultValue = definition.defaultValue {
                switch coerceLiteral(defaultValue, to: definition.type, in: schema, variables: nil) {
                case .success(let v): coerced.append(InputField(definition.name, v))
                case .failure(let failure): return .failure(failure.prefixed(by: .field(definition.name)))
                }
            } else if definition.type.isNonNull {
                return .failure(
                    CoercionFailure(
                        "Field \"\(type.name).\(definition.name)\" of required type \"\(definition.type)\" was not provided.",
                        span: span))
            }
        }
        if type.isOneOf {
            guard coerced.count == 1 else {
                return .failure(
                    CoercionFailure("OneOf Input Object \"\(type.name)\" must specify exactly one key.", span: span))
            }
            if coerced[0].value.isNull {
                return .failure(
                    CoercionFailure("Field \"\(type.name).\(coerced[0].name)\" must be non-null.", span: span))
            }
        }
        return .success(.object(coerced))
    }

    /// Coerces a JSON variable value to `type` (spec §6.4.1 CoerceVariableValues, one variable).
    /// Int accepts integral numbers such as `1.0`; ID accepts strings and integers; enums accept only strings naming
    /// a value; a single value given for a list type becomes a one-item list.
    public static func coerceVariableValue(
        _ json: JSONValue, to type: TypeRef, in schema: Schema
    ) -> Result<InputValue, CoercionFailure> {
        switch type {
        case .nonNull(let inner):
            if json.isNull {
                return .failure(
                    CoercionFailure("Expected non-nullable type \"\(type)\" not to be null.", invalidValue: json))
            }
            return coerceVariableValue(json, to: inner, in: schema)
        case .list(let itemType):
            switch json {
            case .null: return .success(.null)
            case .array(let items):
                var coerced: [InputValue] = []
                coerced.reserveCapacity(items.count)
                for (index, item) in items.enumerated() {
                    switch coerceVariableValue(item, to: itemType, in: schema) {
                    case .success(let v): coerced.append(v)
                    case .failure(let failure): return .failure(failure.prefixed(by: .index(index)))
                    }
                }
                return .success(.list(coerced))
            default:
                return coerceVariableValue(json, to: itemType, in: schema).map { .list([$0]) }
            }
        case .named(let name):
            if json.isNull { return .success(.null) }
            switch schema.types[name] {
            case .scalar:
                return ScalarCoercion.coerceJSON(json, scalar: name)
            case .enumType(let enumType):
                guard case .string(let valueName) = json else {
                    return .failure(
                        CoercionFailure(
                            "Enum \"\(name)\" cannot represent non-string value: \(json.serialized()).",
                            invalidValue: json))
                }
                guard enumType.value(valueName) != nil else {
                    return .failure(
                        CoercionFailure(enumType.unknownValueMessage(valueName), invalidValue: json))
                }
                return .success(.enumValue(valueName))
            case .inputObject(let inputObject):
                return coerceObjectVariable(json, inputObject, schema)
            case .some(let other):
                return .failure(CoercionFailure("Type \"\(other.name)\" is not an input type.", invalidValue: json))
            case .none:
                return .failure(CoercionFailure("Unknown type \"\(name)\".", invalidValue: json))
            }
        }
    }

    private static func coerceObjectVariable(
        _ json: JSONValue, _ type: InputObjectType, _ schema: Schema
    ) -> Result<InputValue, CoercionFailure> {
        guard case .object(let members) = json else {
            return .failure(CoercionFailure("Expected type \"\(type.name)\" to be an object.", invalidValue: json))
        }
        for member in members where type.field(member.key) == nil {
            return .failure(
                CoercionFailure(type.unknownFieldMessage(member.key), invalidValue: json))
        }
        var coerced: [InputField] = []
        coerced.reserveCapacity(type.fields.count)
        for definition in type.fields {
            if let given = members.first(where: { $0.key == definition.name })?.value {
                switch coerceVariableValue(given, to: definition.type, in: schema) {
                case .success(let v): coerced.append(InputField(definition.name, v))
                case .failure(let failure): return .failure(failure.prefixed(by: .field(definition.name)))
                }
            } else if let defaultValue = definition.defaultValue {
                switch coerceLiteral(defaultValue, to: definition.type, in: schema, variables: nil) {
                case .success(let v): coerced.append(InputField(definition.name, v))
                case .failure(let failure): return .failure(failure.prefixed(by: .field(definition.name)))
                }
            } else if definition.type.isNonNull {
                return .failure(
                    CoercionFailure(
                        "Field \"\(definition.name)\" of required type \"\(definition.type)\" was not provided.",
                        invalidValue: json))
            }
        }
        if type.isOneOf {
            guard coerced.count == 1 else {
                return .failure(
                    CoercionFailure(
                        "Exactly one key must be specified for OneOf type \"\(type.name)\".", invalidValue: json))
            }
            if coerced[0].value.isNull {
                return .failure(
                    CoercionFailure(
                        "Field \"\(coerced[0].name)\" must be non-null.", path: [.field(coerced[0].name)],
                        invalidValue: .null))
            }
        }
        return .success(.object(coerced))
    }
}

/// `InputCoercion.coerceLiteral` as a free function.
public func coerceLiteral(
    _ value: Value, to type: TypeRef, in schema: Schema, variables: [String: InputValue]?
) -> Result<InputValue, CoercionFailure> {
    InputCoercion.coerceLiteral(value, to: type, in: schema, variables: variables)
}

/// `InputCoercion.coerceVariableValue` as a free function.
public func coerceVariableValue(_ json: JSONValue, to type: TypeRef, in schema: Schema) -> Result<InputValue, CoercionFailure> {
    InputCoercion.coerceVariableValue(json, to: type, in: schema)
}

extension EnumType {
    /// ` Did you mean the enum value "X"?` for a name this enumeration does not declare, or "".
    package func suggestion(for name: String) -> String {
        Suggestions.didYouMean(Suggestions.list(name, options: values.map(\.name)), lead: "the enum value")
    }

    /// `Value "X" does not exist in "E" enum.`, with the near names: for literals, variables and validation alike.
    package func unknownValueMessage(_ name: String) -> String {
        "Value \"\(name)\" does not exist in \"\(self.name)\" enum." + suggestion(for: name)
    }
}

extension InputObjectType {
    /// `Field "x" is not defined by type "T".`, with the near field names: for literals, variables and validation.
    package func unknownFieldMessage(_ name: String) -> String {
        "Field \"\(name)\" is not defined by type \"\(self.name)\"."
            + Suggestions.didYouMean(Suggestions.list(name, options: fields.map(\.name)))
    }
}
