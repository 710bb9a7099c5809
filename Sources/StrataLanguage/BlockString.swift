/// The block string rules of the specification: the value of a `"""…"""` literal, and how to write a
/// value back as one so that reading it again gives the same value.
enum BlockString {
    /// `BlockStringValue(rawValue)`: lines split at `\n`, `\r\n` or `\r`; the common indentation of all
    /// lines but the first removed; blank leading and trailing lines dropped; lines joined with `\n`.
    static func value(ofRaw raw: ArraySlice<UInt8>) -> String {
        var lines: [Range<Int>] = []
        var lineStart = raw.startIndex
        var index = raw.startIndex
        while index < raw.endIndex {
            switch raw[index] {
            case 0x0A:
                lines.append(lineStart..<index)
                index += 1
                lineStart = index
            case 0x0D:
                lines.append(lineStart..<index)
                index += 1
                if index < raw.endIndex, raw[index] == 0x0A { index += 1 }
                lineStart = index
            default:
                index += 1
            }
        }
        lines.append(lineStart..<raw.endIndex)
        if lines.count == 1 {
            return isBlank(raw) ? "" : String(decoding: raw, as: UTF8.self)
        }

        var commonIndent = Int.max
        for line in lines.dropFirst() {
            let indent = indentation(of: raw[line])
            if indent < line.count, indent < commonIndent { commonIndent = indent }
        }
        if commonIndent != Int.max {
            for position in 1..<lines.count {
                let line = lines[position]
                lines[position] = (line.lowerBound + min(commonIndent, line.count))..<line.upperBound
            }
        }

        var first = 0
        var last = lines.count - 1
        while first <= last, isBlank(raw[lines[first]]) { first += 1 }
        while last >= first, isBlank(raw[lines[last]]) { last -= 1 }
        guard first <= last else { return "" }

        var value: [UInt8] = []
        value.reserveCapacity(raw.count)
        for position in first...last {
            if position > first { value.append(0x0A) }
            value.append(contentsOf: raw[lines[position]])
        }
        return String(decoding: value, as: UTF8.self)
    }

    /// Whether `value` can be written as a block string that reads back as `value`. Values that came
    /// from a block string always can; a synthesized one may not (a `\r`, blank first or last lines).
    static func canRepresent(_ value: String) -> Bool {
        let bytes = Array(value.utf8)
        guard !bytes.contains(0x0D) else { return false }
        let lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false)
        if lines.count == 1 { return bytes.isEmpty || !isBlank(bytes[...]) }
        guard let firstLine = lines.first, let lastLine = lines.last, !isBlank(firstLine), !isBlank(lastLine)
        else { return false }
        // The first line keeps its indentation only if written on the opening line; then the others
        // must have none in common, or it would be removed from them.
        guard indentation(of: firstLine) > 0 else { return true }
        return lines.dropFirst().contains { line in !isBlank(line) && indentation(of: line) == 0 }
    }

    /// Writes `value` (for which `canRepresent` holds) as a block string whose lines after the opening
    /// one start with `indent`, the indentation of the surrounding construct.
    static func write(_ value: String, indent: String, to output: inout String) {
        let escaped = value.contains("\"\"\"") ? value.replacing("\"\"\"", with: "\\\"\"\"") : value
        let isSingleLine = !value.contains("\n")
        let endsBadly = value.hasSuffix("\"") || value.hasSuffix("\\")  // would merge with the closing quotes
        if isSingleLine, !endsBadly, value.unicodeScalars.count <= 70 {
            output += "\"\"\"" + escaped + "\"\"\""
            return
        }
        output += "\"\"\""
        let firstIsIndented = value.first == " " || value.first == "\t"
        var isFirstLine = true
        for line in escaped.split(separator: "\n", omittingEmptySubsequences: false) {
            if !(isFirstLine && firstIsIndented) {
                output += "\n"
                if !line.isEmpty { output += indent }
            }
            output += line
            isFirstLine = false
        }
        output += "\n" + indent + "\"\"\""
    }

    private static func indentation(of line: ArraySlice<UInt8>) -> Int {
        var count = 0
        for byte in line {
            guard byte.isWhiteSpace else { break }
            count += 1
        }
        return count
    }

    private static func isBlank(_ line: ArraySlice<UInt8>) -> Bool {
        line.allSatisfy(\.isWhiteSpace)
    }
}
