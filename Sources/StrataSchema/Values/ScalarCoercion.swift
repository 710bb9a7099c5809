public import StrataJSON
public import StrataLanguage

/// Input coercion and text serialization for every scalar Strata knows: the five built-ins
/// (`Int`, `Float`, `String`, `Boolean`, `ID`) and Strata's `DateTime`, `Date`, `UUID` and `JSON`.
/// Any other custom scalar accepts every value as JSON.
public enum ScalarCoercion {
    /// Strata's own scalars, which a schema may declare with `scalar DateTime` and so on.
    public static let strataScalarNames: Set<String> = ["DateTime", "Date", "UUID", "JSON"]

    // MARK: Literals

    /// Coerces a literal (no variables at its top level) to the scalar `scalar`.
    /// `variables` is only consulted for variables nested in a `JSON` literal.
    public static func coerceLiteral(
        _ value: Value, scalar: String, variables: [String: InputValue]? = nil
    ) -> Result<InputValue, CoercionFailure> {
        switch scalar {
        case "Int":
            switch value {
            case .int(let text, let span):
                guard let int = Int(text), let int32 = Int32(exactly: int) else {
                    return fail("Int cannot represent non 32-bit signed integer value: \(text)", span)
                }
                return .success(.int(Int(int32)))
            default:
                return fail("Int cannot represent non-integer value: \(ValuePrinter.print(value))", value.span)
            }
        case "Float":
            switch value {
            case .int(let text, let span), .float(let text, let span):
                guard let double = Double(text), double.isFinite else {
                    return fail("Float cannot represent non numeric value: \(text)", span)
                }
                return .success(.float(double))
            default:
                return fail("Float cannot represent non numeric value: \(ValuePrinter.print(value))", value.span)
            }
        case "String":
            if case .string(let string) = value { return .success(.string(string.value)) }
            return fail("String cannot represent a non string value: \(ValuePrinter.print(value))", value.span)
        case "Boolean":
            if case .boolean(let b, _) = value { return .success(.boolean(b)) }
            return fail("Boolean cannot represent a non boolean value: \(ValuePrinter.print(value))", value.span)
        case "ID":
            switch value {
            case .string(let string): return .success(.string(string.value))
            case .int(let text, _): return .success(.string(canonicalIntegerText(text)))
            default:
                return fail(
                    "ID cannot represent a non-string and non-integer value: \(ValuePrinter.print(value))", value.span)
            }
        case "DateTime":
            guard case .string(let string) = value else {
                return fail("DateTime cannot represent a non string value: \(ValuePrinter.print(value))", value.span)
            }
            return coerceDateTime(string.value).mapError { $0.at(string.span) }
        case "Date":
            guard case .string(let string) = value else {
                return fail("Date cannot represent a non string value: \(ValuePrinter.print(value))", value.span)
            }
            return coerceDate(string.value).mapError { $0.at(string.span) }
        case "UUID":
            guard case .string(let string) = value else {
                return fail("UUID cannot represent a non string value: \(ValuePrinter.print(value))", value.span)
            }
            return coerceUUID(string.value).mapError { $0.at(string.span) }
        default:
            return literalToJSON(value, variables: variables).map { .json($0) }
        }
    }

    /// The JSON a literal denotes: objects, lists and scalars map one to one, enum values become strings.
    /// A variable inside takes the variable's value; an absent one, or one in a constant context, fails.
    public static func literalToJSON(
        _ value: Value, variables: [String: InputValue]?
    ) -> Result<JSONValue, CoercionFailure> {
        switch value {
        case .variable(let name):
            guard let input = variables?[name.value] else {
                return fail("Variable \"$\(name.value)\" has no value here.", name.span)
            }
            return .success(input.jsonValue)
        case .int(let text, let span):
            if let int = Int64(text) { return .success(.int(int)) }
            guard let double = Double(text), double.isFinite else {
                return fail("JSON cannot represent number: \(text)", span)
            }
            return .success(.double(double))
        case .float(let text, let span):
            guard let double = Double(text), double.isFinite else {
                return fail("JSON cannot represent number: \(text)", span)
            }
            return .success(.double(double))
        case .string(let string): return .success(.string(string.value))
        case .boolean(let b, _): return .success(.bool(b))
        case .null: return .success(.null)
        case .enumValue(let name): return .success(.string(name.value))
        case .list(let items, _):
            var out: [JSONValue] = []
            out.reserveCapacity(items.count)
            for (index, item) in items.enumerated() {
                switch literalToJSON(item, variables: variables) {
                case .success(let json): out.append(json)
                case .failure(let failure): return .failure(failure.prefixed(by: .index(index)))
                }
            }
            return .success(.array(out))
        case .object(let fields, _):
            var out: [JSONMember] = []
            out.reserveCapacity(fields.count)
            for field in fields {
                switch literalToJSON(field.value, variables: variables) {
                case .success(let json): out.append(JSONMember(field.name.value, json))
                case .failure(let failure): return .failure(failure.prefixed(by: .field(field.name.value)))
                }
            }
            return .success(.object(out))
        }
    }

    // MARK: JSON variable values

    /// Coerces a non-null JSON variable value to the scalar `scalar` (GraphQL spec §3.5, input coercion).
    public static func coerceJSON(_ value: JSONValue, scalar: String) -> Result<InputValue, CoercionFailure> {
        switch scalar {
        case "Int":
            switch value {
            case .int(let int):
                guard let int32 = Int32(exactly: int) else {
                    return failJSON("Int cannot represent non 32-bit signed integer value: \(int)", value)
                }
                return .success(.int(Int(int32)))
            case .double(let double):
                guard double == double.rounded(.towardZero) else {
                    return failJSON("Int cannot represent non-integer value: \(value.serialized())", value)
                }
                guard let int32 = Int32(exactly: double) else {
                    return failJSON("Int cannot represent non 32-bit signed integer value: \(value.serialized())", value)
                }
                return .success(.int(Int(int32)))
            default:
                return failJSON("Int cannot represent non-integer value: \(value.serialized())", value)
            }
        case "Float":
            switch value {
            case .int(let int): return .success(.float(Double(int)))
            case .double(let double): return .success(.float(double))
            default: return failJSON("Float cannot represent non numeric value: \(value.serialized())", value)
            }
        case "String":
            if case .string(let s) = value { return .success(.string(s)) }
            return failJSON("String cannot represent a non string value: \(value.serialized())", value)
        case "Boolean":
            if case .bool(let b) = value { return .success(.boolean(b)) }
            return failJSON("Boolean cannot represent a non boolean value: \(value.serialized())", value)
        case "ID":
            switch value {
            case .string(let s): return .success(.string(s))
            case .int(let int): return .success(.string(String(int)))
            case .double(let double) where double == double.rounded(.towardZero) && abs(double) < 9.0e15:
                return .success(.string(String(Int64(double))))
            default:
                return failJSON("ID cannot represent value: \(value.serialized())", value)
            }
        case "DateTime", "Date", "UUID":
            guard case .string(let s) = value else {
                return failJSON("\(scalar) cannot represent a non string value: \(value.serialized())", value)
            }
            let result =
                scalar == "DateTime" ? coerceDateTime(s) : scalar == "Date" ? coerceDate(s) : coerceUUID(s)
            return result.mapError { failure in
                var failure = failure
                failure.invalidValue = value
                return failure
            }
        default:
            return .success(.json(value))
        }
    }

    // MARK: Strata's scalars from text

    public static func coerceDateTime(_ text: String) -> Result<InputValue, CoercionFailure> {
        guard let micros = DateTimeText.parse(text) else {
            return fail("DateTime cannot represent an invalid date-time string: \(quoted(text))", nil)
        }
        return .success(.dateTime(micros))
    }

    public static func coerceDate(_ text: String) -> Result<InputValue, CoercionFailure> {
        guard let days = DateText.parse(text) else {
            return fail("Date cannot represent an invalid date string: \(quoted(text))", nil)
        }
        return .success(.date(days))
    }

    public static func coerceUUID(_ text: String) -> Result<InputValue, CoercionFailure> {
        guard let canonical = UUIDText.canonical(text) else {
            return fail("UUID cannot represent an invalid UUID string: \(quoted(text))", nil)
        }
        return .success(.string(canonical))
    }

    // MARK: Output

    /// `2024-05-01T10:30:00Z`, `…00.123Z` or `…00.123456Z`.
    public static func serializeDateTime(_ microseconds: Int64) -> String {
        DateTimeText.format(microseconds: microseconds)
    }

    /// `2024-05-01`.
    public static func serializeDate(_ days: Int32) -> String { DateText.format(days: days) }

    /// The canonical lowercase form of a UUID string, or nil if it is not one.
    public static func serializeUUID(_ text: String) -> String? { UUIDText.canonical(text) }

    // MARK: Helpers

    /// A double-quoted GraphQL string literal, escaped as StrataLanguage's printer writes it.
    static func quoted(_ text: String) -> String { StrataLanguage.print(Value.string(StringValue(text))) }

    /// `007` → `7`, `-0` → `0`: the decimal text of an integer literal without leading zeros.
    static func canonicalIntegerText(_ text: String) -> String {
        if let int = Int64(text) { return String(int) }
        return text
    }

    static func fail<T>(_ message: String, _ span: SourceSpan?) -> Result<T, CoercionFailure> {
        .failure(CoercionFailure(message, span: span))
    }

    static func failJSON<T>(_ message: String, _ value: JSONValue) -> Result<T, CoercionFailure> {
        .failure(CoercionFailure(message, invalidValue: value))
    }
}

extension CoercionFailure {
    func at(_ span: SourceSpan) -> CoercionFailure {
        var copy = self
        if copy.span == nil { copy.span = span }
        return copy
    }
}
