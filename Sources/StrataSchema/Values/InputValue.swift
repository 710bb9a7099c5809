public import StrataJSON

/// An argument or variable value after coercion to its schema type (GraphQL spec §6.4.1 / §3.10).
///
/// Built-in scalars: `Int` → `.int` (32-bit range checked), `Float` → `.float`, `String` → `.string`,
/// `Boolean` → `.boolean`, `ID` → `.string` (ints are accepted and turned into their decimal text).
/// Strata's scalars: `DateTime` → `.dateTime(µs since epoch, UTC)`, `Date` → `.date(days since epoch)`,
/// `UUID` → `.string` (canonical lowercase), `JSON` → `.json`. Enums → `.enumValue(name)`.
/// Input objects keep the fields that were given (explicit nulls included) in schema order,
/// plus defaults for fields that were omitted.
public indirect enum InputValue: Sendable, Hashable {
    case null
    case int(Int)
    case float(Double)
    case string(String)
    case boolean(Bool)
    case enumValue(String)
    case dateTime(Int64)
    case date(Int32)
    case json(JSONValue)
    case list([InputValue])
    case object([InputField])

    /// The field named `name` of an input object value, if it was given (or defaulted).
    public subscript(field name: String) -> InputValue? {
        guard case .object(let fields) = self else { return nil }
        return fields.first { $0.name == name }?.value
    }

    public var isNull: Bool {
        if case .null = self { return true }
        return false
    }
}

/// One field of a coerced input object.
public struct InputField: Sendable, Hashable {
    public var name: String
    public var value: InputValue

    public init(_ name: String, _ value: InputValue) {
        self.name = name
        self.value = value
    }
}
