import StrataJSON

extension JSONValue {
    /// Indented JSON (two spaces, members in order) for golden files people review.
    func prettyText() -> String {
        var text = ""
        appendPretty(to: &text, indent: "")
        return text + "\n"
    }

    private func appendPretty(to text: inout String, indent: String) {
        let inner = indent + "  "
        switch self {
        case .array(let items) where !items.isEmpty:
            text += "[\n"
            for (index, item) in items.enumerated() {
                text += inner
                item.appendPretty(to: &text, indent: inner)
                text += index == items.count - 1 ? "\n" : ",\n"
            }
            text += indent + "]"
        case .object(let members) where !members.isEmpty:
            text += "{\n"
            for (index, member) in members.enumerated() {
                text += inner + JSONValue.string(member.key).serialized() + ": "
                member.value.appendPretty(to: &text, indent: inner)
                text += index == members.count - 1 ? "\n" : ",\n"
            }
            text += indent + "}"
        default:
            text += serialized()
        }
    }

    /// Byte-exact equality (member order included; strings compared by their UTF-8 bytes, so NFC and NFD
    /// spellings differ, unlike Swift's `String ==`).
    func isByteIdentical(to other: JSONValue) -> Bool {
        serializedBytes() == other.serializedBytes()
    }
}
