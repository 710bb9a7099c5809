import StrataLanguage
import StrataSchema

/// [Values of Correct Type](https://spec.graphql.org/draft/#sec-Values-of-Correct-Type) and
/// [Input Object Required Fields](https://spec.graphql.org/draft/#sec-Input-Object-Required-Fields): every literal
/// (argument values and variable defaults) can be coerced to the type its position expects.
///
/// Includes the OneOf rules: a literal of a OneOf input object gives exactly one field, and that field is not null.
/// Variables are left to `VariablesInAllowedPositionRule`. Scalar literals are checked with the schema's scalar
/// coercion (built-ins and Strata's `DateTime`, `Date`, `UUID`, `JSON`); other custom scalars accept any literal.
public struct ValuesOfCorrectTypeRule: ValidationRule {
    public init() {}

    public func makeVisitor(context: ValidationContext) -> ValidationVisitor { Visitor(context: context) }

    final class Visitor: ValidationVisitor {
        let context: ValidationContext
        init(context: ValidationContext) { self.context = context }
        override var events: ValidationEvents { [.enterArgument, .enterVariableDefinition] }

        override func enterArgument(_ argument: Argument) {
            guard let type = context.inputType else { return }
            check(argument.value, type, shownAs: type)
        }

        override func enterVariableDefinition(_ definition: VariableDefinition) {
            guard let value = definition.defaultValue, let type = context.inputType else { return }
            check(value, type, shownAs: type)
        }

        /// Checks `value` against `type`; messages name `shown` (the position's type, which differs from `type`
        /// when a single value stands for a one-item list).
        private func check(_ value: Value, _ type: TypeRef, shownAs shown: TypeRef) {
            switch value {
            case .variable:
                return
            case .null(let span):
                if type.isNonNull { expected(shown, value, at: span) }
                return
            default:
                break
            }
            let nullable = type.nullable
            if case .list(let item) = nullable {
                if case .list(let items, _) = value {
                    for element in items { check(element, item, shownAs: item) }
                } else {
                    check(value, item, shownAs: shown)
                }
                return
            }
            guard let entry = context.entry(named: nullable.namedType) else { return }
            switch entry.kind {
            case .scalar:
                guard entry.checksLiterals, value.isConstant else { return }
                if case .failure(let failure) = ScalarCoercion.coerceLiteral(value, scalar: entry.name) {
                    // A built-in scalar's own message names the type and the value already (graphql-js reports
                    // it alone); a custom scalar's reason is put after the expected type.
                    if ScalarType.isSpecified(entry.name) {
                        context.report(failure.message, at: [value.span])
                    } else {
                        expected(shown, value, at: value.span, reason: failure.message)
                    }
                }
            case .inputObject:
                guard let object = entry.inputObject else { return }
                checkObject(value, object, shownAs: shown)
            case .enumType:
                guard case .enumType(let enumType) = entry.type else { return }
                guard case .enumValue(let name) = value else {
                    let printed = ValuePrinter.print(value)
                    context.report(
                        "Enum \"\(enumType.name)\" cannot represent non-enum value: \(printed)."
                            + enumType.suggestion(for: printed),
                        at: [value.span])
                    return
                }
                if enumType.value(name.value) == nil {
                    context.report(enumType.unknownValueMessage(name.value), at: [value.span])
                }
            default:
                return  // unknown or non-input types are reported by other rules
            }
        }

        private func checkObject(_ value: Value, _ object: InputObjectType, shownAs shown: TypeRef) {
            guard case .object(let fields, let span) = value else {
                expected(shown, value, at: value.span)
                return
            }
            for field in fields {
                if let definition = object.field(field.name.value) {
                    check(field.value, definition.type, shownAs: definition.type)
                } else {
                    context.report(object.unknownFieldMessage(field.name.value), at: [field.span])
                }
            }
            for definition in object.fields
            where definition.isRequired && !fields.contains(where: { $0.name.value == definition.name })
            {
                context.report(
                    "Field \"\(object.name).\(definition.name)\" of required type \"\(definition.type)\" was not "
                        + "provided.",
                    at: [span])
            }
            if object.isOneOf {
                if fields.count != 1 {
                    context.report("OneOf Input Object \"\(object.name)\" must specify exactly one key.", at: [span])
                } else if case .null = fields[0].value {
                    context.report("Field \"\(object.name).\(fields[0].name.value)\" must be non-null.", at: [span])
                }
            }
        }

        private func expected(_ type: TypeRef, _ value: Value, at span: SourceSpan, reason: String? = nil) {
            var message = "Expected value of type \"\(type)\", found \(ValuePrinter.print(value))"
            if let reason { message += "; " + reason } else { message += "." }
            context.report(message, at: [span])
        }
    }
}
