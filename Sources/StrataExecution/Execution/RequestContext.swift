/// Per-request facts resolvers and the write path may use.
public struct RequestContext: Sendable {
    /// The user on whose behalf the request runs (recorded as the audit entry's actor).
    public var actorID: String?
    /// Report statements and time per source in the response's `extensions.statements`.
    public var reportStatements: Bool
    /// The request's clock in µs since the epoch (`nil`: the wall clock). Tests pin it.
    public var now: Int64?
    /// Free-form request attributes (e.g. selected headers) for application resolvers and policies.
    public var attributes: [String: String]

    public init(actorID: String? = nil, reportStatements: Bool = false, now: Int64? = nil, attributes: [String: String] = [:]) {
        self.actorID = actorID
        self.reportStatements = reportStatements
        self.now = now
        self.attributes = attributes
    }
}
