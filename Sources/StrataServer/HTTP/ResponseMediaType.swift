/// The two media types a GraphQL response is served as (GraphQL over HTTP, "Accept" and "Status Codes").
public enum ResponseMediaType: Sendable, Hashable {
    /// `application/graphql-response+json`: request errors get 4xx, executed responses 200.
    case graphQLResponseJSON
    /// `application/json` (legacy): every well-formed request gets 200.
    case json

    public var contentType: String {
        switch self {
        case .graphQLResponseJSON: "application/graphql-response+json; charset=utf-8"
        case .json: "application/json; charset=utf-8"
        }
    }

    /// Chooses the response media type from an `Accept` header by RFC 9110 content negotiation: the most specific
    /// matching range gives each candidate its quality, and the higher quality wins. On a tie,
    /// `application/graphql-response+json` wins only when it is named: a tie that comes from a wildcard (`*/*`, the
    /// default of curl and of `fetch`, or `application/*`) goes to `application/json`, as the reference
    /// implementation and the GraphQL-over-HTTP audit expect of such clients. A missing or empty header is treated
    /// like `application/graphql-response+json`, as the spec says from its 2025 watershed on. nil: neither is
    /// acceptable (406).
    public static func negotiate(accept: String?) -> ResponseMediaType? {
        guard let accept, accept.contains(where: { !$0.isWhitespace }) else { return .graphQLResponseJSON }
        let preferred = ResponseMediaType.graphQLResponseJSON.match(in: accept)
        let legacy = ResponseMediaType.json.match(in: accept)
        if preferred.quality == 0 && legacy.quality == 0 { return nil }
        if preferred.quality != legacy.quality { return preferred.quality > legacy.quality ? .graphQLResponseJSON : .json }
        return preferred.specificity == Self.named ? .graphQLResponseJSON : .json
    }

    /// The specificity of a range that names the type itself (`*/*` is 0, `application/*` 1).
    private static let named = 2

    private var subtype: Substring {
        switch self {
        case .graphQLResponseJSON: "graphql-response+json"
        case .json: "json"
        }
    }

    /// The most specific range matching this type: its quality in thousandths (0: not acceptable) and its
    /// specificity (-1 when no range matches).
    private func match(in accept: String) -> (quality: Int, specificity: Int) {
        var bestSpecificity = -1
        var quality = 0
        for range in AcceptRange.parse(accept) where range.charsetIsUTF8 {
            let specificity: Int
            if range.type == "*" && range.subtype == "*" {
                specificity = 0
            } else if range.type == "application" && range.subtype == "*" {
                specificity = 1
            } else if range.type == "application" && range.subtype == subtype {
                specificity = Self.named
            } else {
                continue
            }
            if specificity > bestSpecificity {
                bestSpecificity = specificity
                quality = range.quality
            }
        }
        return (quality, bestSpecificity)
    }
}

extension Substring {
    var trimmingSpaces: Substring {
        var text = self
        while let first = text.first, first == " " || first == "\t" { text = text.dropFirst() }
        while let last = text.last, last == " " || last == "\t" { text = text.dropLast() }
        return text
    }
}

extension String {
    func trimmingCharacters(in character: Character) -> String {
        var text = Substring(self)
        while text.first == character { text = text.dropFirst() }
        while text.last == character { text = text.dropLast() }
        return String(text)
    }
}
