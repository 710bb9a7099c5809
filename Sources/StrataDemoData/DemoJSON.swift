/// Minimal JSON text building for demo `json` columns (fixed key order, so the text is deterministic).
enum DemoJSON {
    static func string(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    enum Value {
        case string(String)
        case int(Int)
        case bool(Bool)
        case null
    }

    /// An object with the members in the given order.
    static func object(_ members: [(String, Value)]) -> String {
        let body = members.map { key, value in
            let text: String
            switch value {
            case .string(let s): text = string(s)
            case .int(let i): text = String(i)
            case .bool(let b): text = b ? "true" : "false"
            case .null: text = "null"
            }
            return string(key) + ":" + text
        }
        return "{" + body.joined(separator: ",") + "}"
    }
}
