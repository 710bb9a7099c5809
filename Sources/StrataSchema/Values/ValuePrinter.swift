public import StrataLanguage

/// Prints value literals as GraphQL source text (`{a: [1, "x"], b: RED}`), for messages and introspection.
public enum ValuePrinter {
    public static func print(_ value: Value) -> String {
        var text = ""
        append(value, to: &text)
        return text
    }

    static func append(_ value: Value, to text: inout String) {
        switch value {
        case .variable(let name): text += "$" + name.value
        case .int(let digits, _), .float(let digits, _): text += digits
        case .string(let string): appendString(string.value, to: &text)
        case .boolean(let b, _): text += b ? "true" : "false"
        case .null: text += "null"
        case .enumValue(let name): text += name.value
        case .list(let items, _):
            text += "["
            for (i, item) in items.enumerated() {
                if i > 0 { text += ", " }
                append(item, to: &text)
            }
            text += "]"
        case .object(let fields, _):
            text += "{"
            for (i, field) in fields.enumerated() {
                if i > 0 { text += ", " }
                text += field.name.value + ": "
                append(field.value, to: &text)
            }
            text += "}"
        }
    }

    /// A double-quoted GraphQL string literal with `"`, `\` and control characters escaped.
    static func appendString(_ string: String, to text: inout String) {
        text += "\""
        for scalar in string.unicodeScalars {
            switch scalar {
            case "\"": text += "\\\""
            case "\\": text += "\\\\"
            case "\n": text += "\\n"
            case "\r": text += "\\r"
            case "\t": text += "\\t"
            case "\u{8}": text += "\\b"
            case "\u{C}": text += "\\f"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F:
                let hex = String(scalar.value, radix: 16, uppercase: true)
                text += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: text.unicodeScalars.append(scalar)
            }
        }
        text += "\""
    }
}

/// The text introspection reports as an input value's `defaultValue`: the literal as GraphQL source.
public func printedDefaultValue(_ value: Value) -> String { ValuePrinter.print(value) }
