public import StrataJSON

extension InputValue {
    /// The value as JSON: enums become their name, `DateTime`/`Date` their text form, lists and objects recurse.
    public var jsonValue: JSONValue {
        switch self {
        case .null: .null
        case .int(let i): .int(Int64(i))
        case .float(let d): .double(d)
        case .string(let s): .string(s)
        case .boolean(let b): .bool(b)
        case .enumValue(let name): .string(name)
        case .dateTime(let micros): .string(DateTimeText.format(microseconds: micros))
        case .date(let days): .string(DateText.format(days: days))
        case .json(let json): json
        case .list(let items): .array(items.map(\.jsonValue))
        case .object(let fields): .object(fields.map { JSONMember($0.name, $0.value.jsonValue) })
        }
    }
}
