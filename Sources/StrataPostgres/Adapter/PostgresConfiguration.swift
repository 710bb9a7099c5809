/// How `PostgresAdapter` reaches its server and how long it waits.
public struct PostgresConfiguration: Sendable, Hashable {
    /// A libpq connection URI or `key=value` string, e.g. `postgresql://user@host:5432/db`.
    public var url: String
    /// The schema tables live in (created by `migrate()` when missing, and put first on the `search_path`);
    /// nil: the server's default search path (`public`).
    public var schema: String?
    /// The most connections the pool opens at once.
    public var maxConnections: Int
    /// How long opening one connection may take.
    public var connectTimeout: Duration
    /// How long one statement may run; the server cancels it (`statement_timeout`), and the client gives up a
    /// little later if the server does not answer at all.
    public var statementTimeout: Duration
    /// How long a request waits for a pooled connection when all are busy.
    public var checkoutTimeout: Duration
    /// Drop `schema` (with everything in it) on `close()`: for throwaway test schemas.
    public var dropsSchemaOnClose: Bool

    public init(
        url: String, schema: String? = nil, maxConnections: Int = 4, connectTimeout: Duration = .seconds(5),
        statementTimeout: Duration = .seconds(30), checkoutTimeout: Duration? = nil, dropsSchemaOnClose: Bool = false
    ) {
        self.url = url
        self.schema = schema
        self.maxConnections = max(1, maxConnections)
        self.connectTimeout = connectTimeout
        self.statementTimeout = statementTimeout
        self.checkoutTimeout = checkoutTimeout ?? statementTimeout
        self.dropsSchemaOnClose = dropsSchemaOnClose
    }
}
