import Foundation

/// The printed tables and the machine-readable JSON lines (one object per measurement, like baseline-bench).
enum JSONField {
    case string(String)
    case int(Int)
    case double(Double, Int)

    var encoded: String {
        switch self {
        case .string(let s):
            var out = "\""
            for scalar in s.unicodeScalars {
                switch scalar {
                case "\"": out += "\\\""
                case "\\": out += "\\\\"
                case "\n": out += "\\n"
                case "\t": out += "\\t"
                default:
                    if scalar.value < 0x20 {
                        out += String(format: "\\u%04x", scalar.value)
                    } else {
                        out.unicodeScalars.append(scalar)
                    }
                }
            }
            return out + "\""
        case .int(let i): return String(i)
        case .double(let d, let decimals): return String(format: "%.\(decimals)f", d)
        }
    }
}

nonisolated(unsafe) var jsonLines: [String] = []

func record(_ fields: KeyValuePairs<String, JSONField>) {
    jsonLines.append("{" + fields.map { "\"\($0.key)\":\($0.value.encoded)" }.joined(separator: ",") + "}")
}

let implementation = "Strata"

func ms(_ seconds: Double) -> String { String(format: "%.3f", seconds * 1e3) }
func fixed(_ x: Double, _ digits: Int = 3) -> String { String(format: "%.\(digits)f", x) }
func pad(_ s: String, _ width: Int) -> String {
    s.count >= width ? s : s + String(repeating: " ", count: width - s.count)
}
func lpad(_ s: String, _ width: Int) -> String {
    s.count >= width ? s : String(repeating: " ", count: width - s.count) + s
}
