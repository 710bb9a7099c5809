internal import StrataJSON
internal import StrataSchema
internal import StrataStorage

extension ColumnDescriptor {
    /// A stored value as GraphQL outputs it, as JSON: DateTime and Date in their text forms, JSON values
    /// embedded (parsed back from their stored text), lists as arrays.
    func outputJSON(_ value: StorageValue) -> JSONValue {
        switch value {
        case .null: return .null
        case .bool(let b): return .bool(b)
        case .int(let i): return .int(i)
        case .double(let d): return .double(d)
        case .string(let s): return .string(s)
        case .timestamp(let micros): return .string(DateTimeText.format(microseconds: micros))
        case .date(let days): return .string(DateText.format(days: days))
        case .json(let text): return (try? JSONParser.parse(text)) ?? .string(text)
        case .stringList(let items): return .array(items.map { .string($0) })
        }
    }
}
