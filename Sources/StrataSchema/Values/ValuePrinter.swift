public import StrataLanguage

/// Value literals as GraphQL source text (`{a: [1, "x"], b: RED}`), for messages and introspection.
public enum ValuePrinter {
    /// The literal as StrataLanguage's printer writes it.
    public static func print(_ value: Value) -> String { StrataLanguage.print(value) }

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
