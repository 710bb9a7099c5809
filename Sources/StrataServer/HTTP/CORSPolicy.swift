public import HTTPTypes

/// Which web origins may call the server from a browser (CORS), so that browser-based GraphQL clients on another
/// origin (an IDE in a web page, a front end in development) can send their requests.
///
/// Strata sets no cookies and reads no credentials from the browser, so it never sends
/// `Access-Control-Allow-Credentials`; the policy only decides which origins are told they may read responses.
/// A preflight (`OPTIONS` with `Access-Control-Request-Method`) is answered with 204, the methods `/graphql`
/// takes, the request headers the browser asked for, and a one-day `Access-Control-Max-Age`.
public enum CORSPolicy: Sendable, Hashable {
    /// No CORS headers: browsers keep other origins out.
    case disabled
    /// Every origin (`Access-Control-Allow-Origin: *`). The default, as in most GraphQL servers.
    case anyOrigin
    /// Only these origins (scheme, host and port, as browsers send them in `Origin`), echoed back with `Vary: Origin`.
    case origins(Set<String>)

    /// Reads the `STRATA_CORS_ORIGINS` / `corsOrigins` forms: `*` (any origin), `none` (disabled), or origins
    /// separated by commas. nil: an entry is not an origin (`scheme://host[:port]`).
    public init?(list: [String]) {
        let entries = list.map { String(Substring($0).trimmingSpaces) }.filter { !$0.isEmpty }
        if entries == ["*"] {
            self = .anyOrigin
        } else if entries.isEmpty || entries.map({ $0.lowercased() }) == ["none"] {
            self = .disabled
        } else {
            guard entries.allSatisfy(Self.isOrigin) else { return nil }
            self = .origins(Set(entries.map { $0.lowercased() }))
        }
    }

    /// `init(list:)` for the entries of one comma-separated text (`STRATA_CORS_ORIGINS`, or `corsOrigins` as a string).
    public init?(commaSeparated text: String) {
        self.init(list: text.split(separator: ",").map(String.init))
    }

    /// `scheme://host[:port]` with nothing after it: the form of an `Origin` header.
    static func isOrigin(_ text: String) -> Bool {
        let parts = text.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
        guard parts.count == 2, parts[1].hasPrefix("//") else { return false }
        let scheme = parts[0]
        let authority = parts[1].dropFirst(2)
        return !scheme.isEmpty && scheme.allSatisfy { $0.isLetter || $0.isNumber || $0 == "+" || $0 == "-" || $0 == "." }
            && !authority.isEmpty && !authority.contains("/") && !authority.contains(where: \.isWhitespace)
    }

    /// The `Access-Control-Allow-Origin` value for a request from `origin`; nil: send no CORS headers.
    func allowedOrigin(for origin: String?) -> String? {
        guard let origin else { return nil }
        switch self {
        case .disabled: return nil
        case .anyOrigin: return "*"
        case .origins(let allowed): return allowed.contains(origin.lowercased()) ? origin : nil
        }
    }

    /// Adds the headers every response to a cross-origin request carries.
    func addHeaders(to headers: inout HTTPFields, origin: String?) {
        if case .origins = self { headers.append(HTTPField(name: .vary, value: "Origin")) }
        guard let allowed = allowedOrigin(for: origin) else { return }
        headers[.accessControlAllowOrigin] = allowed
    }

    /// The rest of a preflight's answer for a request from an allowed `origin`: `methods`, the headers asked for and
    /// the max age (empty for an origin that is not allowed). `addHeaders` adds the origin, as to every response.
    func preflightHeaders(origin: String?, methods: String, requestedHeaders: String?) -> HTTPFields {
        var headers = HTTPFields()
        guard allowedOrigin(for: origin) != nil else { return headers }
        headers[.accessControlAllowMethods] = methods
        if let requestedHeaders, !requestedHeaders.isEmpty {
            headers[.accessControlAllowHeaders] = requestedHeaders
            headers.append(HTTPField(name: .vary, value: "Access-Control-Request-Headers"))
        }
        headers[.accessControlMaxAge] = "86400"
        return headers
    }
}
