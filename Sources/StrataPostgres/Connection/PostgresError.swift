/// What the connection layer reports, before `PostgresAdapter` turns it into a `StorageError` in the model's terms.
enum PostgresError: Error, Sendable, Hashable {
    /// The server answered the statement with an error; the connection is still usable (outside a failed
    /// transaction).
    case server(PostgresServerError)
    /// No connection could be opened (refused, unreachable, authentication, connect timeout).
    case connectionFailed(String)
    /// The connection broke while a statement was in flight or idle.
    case connectionLost(String)
    /// The client-side deadline passed without an answer; the connection was dropped.
    case timedOut
    /// The task was cancelled; the statement was cancelled on the server and the connection dropped.
    case cancelled
    /// A result field could not be read as its type.
    case undecodable(String)
    /// No pooled connection became free in time.
    case poolTimedOut
    /// The pool (adapter) is closed.
    case closed
}
