/// "Did you mean …?" hints, in the style of graphql-js: options within an edit distance of about 40% of the input's
/// length, closest first, at most five, appended to a message.
package enum Suggestions {
    /// The options close to `input`, closest first (ties in name order).
    package static func list(_ input: String, options: some Sequence<String>) -> [String] {
        let lowerInput = Array(input.lowercased().unicodeScalars)
        let threshold = input.unicodeScalars.count * 4 / 10 + 1
        var found: [(distance: Int, option: String)] = []
        for option in options {
            let distance: Int
            if option == input {
                distance = 0
            } else {
                let lowerOption = Array(option.lowercased().unicodeScalars)
                distance = lowerOption == lowerInput ? 1 : editDistance(lowerInput, lowerOption, limit: threshold)
            }
            if distance <= threshold { found.append((distance, option)) }
        }
        found.sort { $0.distance != $1.distance ? $0.distance < $1.distance : $0.option < $1.option }
        return found.map(\.option)
    }

    /// ` Did you mean "a", "b", or "c"?` (with a leading space), or "" when there is nothing to suggest.
    package static func didYouMean(_ suggestions: [String], lead: String = "", prefix: String = "") -> String {
        guard !suggestions.isEmpty else { return "" }
        let quoted = suggestions.prefix(5).map { "\"\(prefix)\($0)\"" }
        let body: String =
            switch quoted.count {
            case 1: quoted[0]
            case 2: "\(quoted[0]) or \(quoted[1])"
            default: quoted.dropLast().joined(separator: ", ") + ", or " + quoted.last!
            }
        return " Did you mean \(lead.isEmpty ? "" : lead + " ")\(body)?"
    }

    /// Optimal string alignment distance (insertions, deletions, substitutions, adjacent transpositions);
    /// returns `limit + 1` as soon as the distance is known to exceed `limit`.
    package static func editDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar], limit: Int) -> Int {
        if abs(a.count - b.count) > limit { return limit + 1 }
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previousPrevious = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            var rowMinimum = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    value = min(value, previousPrevious[j - 2] + 1)
                }
                current[j] = value
                rowMinimum = min(rowMinimum, value)
            }
            if rowMinimum > limit { return limit + 1 }
            swap(&previousPrevious, &previous)
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
