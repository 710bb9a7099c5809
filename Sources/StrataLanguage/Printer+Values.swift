/// Value literals and strings.
extension Printer {
    mutating func write(_ value: Value) {
        switch value {
        case .variable(let name):
            output += "$" + name.value
        case .int(let text, _), .float(let text, _):
            output += text
        case .string(let string):
            write(string)
        case .boolean(let flag, _):
            output += flag ? "true" : "false"
        case .null:
            output += "null"
        case .enumValue(let name):
            output += name.value
        case .list(let items, _):
            output += "["
            for (position, item) in items.enumerated() {
                if position > 0 { output += ", " }
                write(item)
            }
            output += "]"
        case .object(let fields, _):
            output += "{"
            for (position, field) in fields.enumerated() {
                if position > 0 { output += ", " }
                output += field.name.value + ": "
                write(field.value)
            }
            output += "}"
        }
    }

    /// A block string stays a block string whenever its value allows; otherwise a quoted string.
    mutating func write(_ string: StringValue) {
        if string.isBlock, BlockString.canRepresent(string.value) {
            BlockString.write(string.value, indent: indent, to: &output)
        } else {
            writeQuoted(string.value)
        }
    }

    /// `"…"` with `"` and `\` escaped, and control characters (U+0000–U+001F, U+007F–U+009F) as escapes.
    mutating func writeQuoted(_ value: String) {
        output += "\""
        guard value.unicodeScalars.contains(where: Self.needsEscape) else {
            output += value
            output += "\""
            return
        }
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            case "\u{08}": output += "\\b"
            case "\u{0C}": output += "\\f"
            case _ where Self.needsEscape(scalar):
                let hex = String(scalar.value, radix: 16, uppercase: true)
                output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default:
                output.unicodeScalars.append(scalar)
            }
        }
        output += "\""
    }

    private static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || scalar == "\"" || scalar == "\\" || (scalar.value >= 0x7F && scalar.value <= 0x9F)
    }
}
