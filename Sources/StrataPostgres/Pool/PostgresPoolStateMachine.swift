/// The connection pool's decisions as a pure value: events in, actions out. `PostgresConnectionPool` performs
/// the actions (opening connections, resuming waiters, closing connections); this type never does I/O or
/// keeps time, so every rule is unit-tested without a server.
///
/// Rules: at most `maxConnections` connections exist (idle + leased + opening). Requests are served by an
/// idle connection, else they queue in FIFO order and, while there is room, each queued request beyond the
/// connections already opening starts one new connection. A failed open fails the oldest waiter with that
/// error (so an unreachable server gives prompt, clear errors instead of silent waits). The checkout timeout
/// fails only requests waiting for a busy connection, not those a connection being opened will serve. A
/// connection released
/// in an unknown state is closed, and its slot reused for the next waiter.
struct PostgresPoolStateMachine: Sendable {
    typealias ConnectionID = Int
    typealias RequestID = Int

    enum Failure: Error, Sendable, Hashable {
        case timedOut
        case cancelled
        case closed
        case connectFailed(PostgresError)
    }

    enum Action: Sendable, Hashable {
        /// Give this connection to this request.
        case lease(ConnectionID, to: RequestID)
        /// Start opening a connection under this id, then report `connectionOpened` or `connectionFailed`.
        case open(ConnectionID)
        /// Fail this request.
        case fail(RequestID, Failure)
        /// Close (and forget) this connection.
        case close(ConnectionID)
        /// Arm the checkout timer of a request that had to queue.
        case startTimer(RequestID)
    }

    let maxConnections: Int
    private(set) var idle: [ConnectionID] = []
    private(set) var leased: Set<ConnectionID> = []
    private(set) var opening: Set<ConnectionID> = []
    private(set) var waiters: [RequestID] = []
    private(set) var isClosed = false
    private var nextConnectionID = 1

    init(maxConnections: Int) {
        self.maxConnections = max(1, maxConnections)
    }

    var connectionCount: Int { idle.count + leased.count + opening.count }

    mutating func requestConnection(_ request: RequestID) -> [Action] {
        if isClosed { return [.fail(request, .closed)] }
        if let connection = idle.popLast() {
            leased.insert(connection)
            return [.lease(connection, to: request)]
        }
        waiters.append(request)
        return [.startTimer(request)] + openIfNeeded()
    }

    mutating func connectionOpened(_ connection: ConnectionID) -> [Action] {
        guard opening.remove(connection) != nil else { return [.close(connection)] }
        if isClosed { return [.close(connection)] }
        return makeAvailable(connection)
    }

    mutating func connectionFailed(_ connection: ConnectionID, _ error: PostgresError) -> [Action] {
        guard opening.remove(connection) != nil else { return [] }
        guard !waiters.isEmpty else { return [] }
        let request = waiters.removeFirst()
        return [.fail(request, .connectFailed(error))] + openIfNeeded()
    }

    /// A leased connection comes back; `reusable` is false when its state is unknown or it is broken.
    mutating func connectionReleased(_ connection: ConnectionID, reusable: Bool) -> [Action] {
        guard leased.remove(connection) != nil else { return [] }
        if isClosed || !reusable { return [.close(connection)] + openIfNeeded() }
        return makeAvailable(connection)
    }

    /// The checkout timeout of a queued request fired. A request that a connection being opened will serve
    /// keeps waiting (re-armed): the open ends within the connect timeout, in a lease or a connect error.
    mutating func requestTimedOut(_ request: RequestID) -> [Action] {
        if let position = waiters.firstIndex(of: request), position < opening.count {
            return [.startTimer(request)]
        }
        return removeWaiter(request, failure: .timedOut)
    }

    mutating func requestCancelled(_ request: RequestID) -> [Action] {
        removeWaiter(request, failure: .cancelled)
    }

    /// Fails every waiter and closes idle connections; leased and opening ones are closed when they come back.
    mutating func close() -> [Action] {
        guard !isClosed else { return [] }
        isClosed = true
        let actions = waiters.map { Action.fail($0, .closed) } + idle.map { Action.close($0) }
        waiters.removeAll()
        idle.removeAll()
        return actions
    }

    private mutating func makeAvailable(_ connection: ConnectionID) -> [Action] {
        if waiters.isEmpty {
            idle.append(connection)
            return []
        }
        leased.insert(connection)
        return [.lease(connection, to: waiters.removeFirst())]
    }

    private mutating func removeWaiter(_ request: RequestID, failure: Failure) -> [Action] {
        guard let index = waiters.firstIndex(of: request) else { return [] }
        waiters.remove(at: index)
        return [.fail(request, failure)]
    }

    /// Opens connections for queued requests not already covered by one being opened, while there is room.
    private mutating func openIfNeeded() -> [Action] {
        if isClosed { return [] }
        var actions: [Action] = []
        while waiters.count > opening.count && connectionCount < maxConnections {
            let connection = nextConnectionID
            nextConnectionID += 1
            opening.insert(connection)
            actions.append(.open(connection))
        }
        return actions
    }
}
