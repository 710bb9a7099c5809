/// One media range of an `Accept` header (RFC 9110 §12.5.1): `type/subtype`, lower-cased, with its quality in
/// thousandths (a malformed `q` counts as 0) and whether its `charset` parameter, if any, is UTF-8.
struct AcceptRange: Sendable, Hashable {
    var type: Substring
    var subtype: Substring
    var quality: Int
    var charsetIsUTF8: Bool

    /// The header's ranges in order; entries that are not `type/subtype` are left out.
    static func parse(_ accept: String) -> [AcceptRange] {
        var ranges: [AcceptRange] = []
        for range in accept.split(separator: ",") {
            let parts = range.split(separator: ";")
            guard let mediaRange = parts.first?.trimmingSpaces.lowercased() else { continue }
            let pieces = mediaRange.split(separator: "/", maxSplits: 1)
            guard pieces.count == 2 else { continue }
            var quality = 1000
            var charsetIsUTF8 = true
            for parameter in parts.dropFirst() {
                let pair = parameter.split(separator: "=", maxSplits: 1).map { $0.trimmingSpaces.lowercased() }
                guard pair.count == 2 else { continue }
                let value = pair[1].trimmingCharacters(in: "\"")
                if pair[0] == "q" {
                    quality = thousandths(value) ?? 0
                } else if pair[0] == "charset", value != "utf-8", value != "utf8" {
                    charsetIsUTF8 = false
                }
            }
            ranges.append(AcceptRange(type: pieces[0], subtype: pieces[1], quality: quality, charsetIsUTF8: charsetIsUTF8))
        }
        return ranges
    }

    /// `1`, `0.9`, `0.125` → thousandths; nil for anything that is not a qvalue.
    private static func thousandths(_ text: String) -> Int? {
        guard let value = Double(text), value >= 0, value <= 1 else { return nil }
        return Int((value * 1000).rounded())
    }
}
