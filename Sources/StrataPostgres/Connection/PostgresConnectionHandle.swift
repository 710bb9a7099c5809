import CLibPQ
import StrataSQL
import StrataStorage

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Sole owner of one `PGconn*`: it is finished in `deinit`, also after a failed connect.
///
/// Everything here blocks the calling thread (bounded by deadlines), so it runs only inside
/// `PostgresConnection`'s jobs on a thread-pool thread, never on the cooperative pool. libpq is used in
/// non-blocking mode with its asynchronous API: `PQsend…`, `PQflush`, `PQconsumeInput`, `PQisBusy`,
/// `PQgetResult`, waiting on `PQsocket` with `poll()`.
struct PostgresConnectionHandle: ~Copyable {
    private let connection: OpaquePointer
    /// SQL text (byte for byte, hashed with `KeyHasher`: found once per statement) → name of the statement
    /// prepared for it on this connection (`s1`, `s2`, …).
    private var preparedStatements: [ByteWiseString: String] = [:]
    private var nextStatementNumber = 1
    /// Statements beyond this many distinct SQL texts run unnamed instead of filling the server's memory.
    static let preparedStatementLimit = 256
    /// Set when the connection's state is unknown (a timeout or cancellation mid-statement): never reuse it.
    private(set) var isPoisoned = false

    private init(connection: OpaquePointer) {
        self.connection = connection
    }

    deinit {
        PQfinish(connection)
    }

    // MARK: - Connecting

    /// Opens a connection with `PQconnectStartParams`/`PQconnectPoll`, bounded by the connect timeout, and
    /// sets the session up: UTC, ISO dates, exact doubles, the statement timeout and the search path.
    static func connect(
        _ configuration: PostgresConfiguration, cancellation: PostgresCancellationFlag?
    ) throws(PostgresError) -> PostgresConnectionHandle {
        let deadline = ContinuousClock.now + configuration.connectTimeout
        var options = "-c TimeZone=UTC -c DateStyle=ISO -c IntervalStyle=iso_8601 -c extra_float_digits=3"
        options += " -c statement_timeout=\(configuration.statementTimeout.wholeMilliseconds)"
        if let schema = configuration.schema {
            options += " -c search_path=" + Self.escapeOption(PostgresIdentifier.quote(schema))
        }
        let parameters: [(String, String)] = [
            ("dbname", configuration.url),
            ("client_encoding", "UTF8"),
            ("application_name", "strata"),
            ("options", options),
        ]
        let started: OpaquePointer? = withCStringArrays(parameters) { keywords, values in
            PQconnectStartParams(keywords, values, 1)
        }
        guard let started else { throw .connectionFailed("libpq could not allocate a connection.") }
        let handle = PostgresConnectionHandle(connection: started)
        // Notices (e.g. "schema already exists, skipping") would go to stderr; the adapter has no use for them.
        _ = PQsetNoticeProcessor(started, { _, _ in }, nil)
        guard PQstatus(started) != CONNECTION_BAD else {
            throw .connectionFailed(handle.lastErrorMessage)
        }
        var status = PGRES_POLLING_WRITING
        while status != PGRES_POLLING_OK {
            switch status {
            case PGRES_POLLING_FAILED:
                throw .connectionFailed(handle.lastErrorMessage)
            case PGRES_POLLING_READING, PGRES_POLLING_WRITING:
                let outcome = PostgresSocketWait.wait(
                    socket: PQsocket(started), read: status == PGRES_POLLING_READING,
                    write: status == PGRES_POLLING_WRITING, deadline: deadline, cancellation: cancellation)
                switch outcome {
                case .ready: break
                case .timedOut:
                    throw .connectionFailed("Connecting timed out after \(configuration.connectTimeout).")
                case .cancelled: throw .cancelled
                case .failed(let code): throw .connectionFailed("poll() failed with errno \(code).")
                }
            default:
                break
            }
            status = PQconnectPoll(started)
        }
        guard PQsetnonblocking(started, 1) == 0 else { throw .connectionFailed(handle.lastErrorMessage) }
        return handle
    }

    /// Escapes spaces and backslashes for libpq's `options` keyword.
    private static func escapeOption(_ text: String) -> String {
        var escaped = ""
        for character in text {
            if character == " " || character == "\\" { escaped.append("\\") }
            escaped.append(character)
        }
        return escaped
    }

    // MARK: - State

    var lastErrorMessage: String {
        guard let message = PQerrorMessage(connection) else { return "unknown libpq error" }
        return String(cString: message).trimmingTrailingNewlines()
    }

    /// Open, not poisoned and outside any transaction: safe to hand to the next request.
    var isReusable: Bool {
        !isPoisoned && PQstatus(connection) == CONNECTION_OK && PQtransactionStatus(connection) == PQTRANS_IDLE
    }

    /// Open and not poisoned (possibly inside a transaction).
    var isOpen: Bool { !isPoisoned && PQstatus(connection) == CONNECTION_OK }

    /// Notices a connection the server closed while it sat idle (a restart, an idle timeout) without a round
    /// trip: an idle socket that is readable holds either a notice or the end of the stream.
    mutating func checkIdleConnection() -> Bool {
        guard isOpen else { return false }
        var descriptor = pollfd(fd: PQsocket(connection), events: Int16(POLLIN), revents: 0)
        if poll(&descriptor, 1, 0) > 0 {
            if PQconsumeInput(connection) == 0 { return false }
            while PQisBusy(connection) == 0, let stray = PQgetResult(connection) { PQclear(stray) }
        }
        return PQstatus(connection) == CONNECTION_OK
    }

    /// Number of statements prepared on this connection (for tests of the statement cache).
    var preparedStatementCount: Int { preparedStatements.count }

    // MARK: - Executing

    enum Mode {
        /// Prepared once per connection under a cached name, then executed by name.
        case prepared
        /// Sent with its parameters as an unnamed statement (DDL, one-off statements).
        case unnamed
    }

    /// Runs one statement and returns its rows (from the last result, if the server sent several).
    /// With a `layout`, rows are decoded straight into it (see `SQLQuery.layout`); without, in result order.
    /// With `rows`, the rows are handed to it instead (`PostgresRowVisitor`), and the result has none.
    mutating func execute(
        _ sql: String, bindings: [StorageValue], mode: Mode, timeout: Duration,
        cancellation: PostgresCancellationFlag?, layout: ResultLayout? = nil, rows: PostgresRowVisitor? = nil
    ) throws(PostgresError) -> PostgresQueryResult {
        guard isOpen else { throw .connectionLost(lastErrorMessage) }
        // The server's statement_timeout fires first; this client deadline only catches a silent server.
        let deadline = ContinuousClock.now + timeout + .seconds(2)
        let parameters = bindings.map(PostgresValueCodec.encode)
        var mode = mode
        let key = ByteWiseString(sql)
        if mode == .prepared && preparedStatements[key] == nil
            && preparedStatements.count >= Self.preparedStatementLimit
        {
            mode = .unnamed
        }
        switch mode {
        case .unnamed:
            let sent = withParameters(parameters) { values, types, count in
                PQsendQueryParams(connection, sql, count, types, values, nil, nil, 0)
            }
            guard sent == 1 else { throw lostOrFailed() }
        case .prepared:
            let name: String
            if let existing = preparedStatements[key] {
                name = existing
            } else {
                name = "s\(nextStatementNumber)"
                let sent = withParameters(parameters) { _, types, count in
                    PQsendPrepare(connection, name, sql, count, types)
                }
                guard sent == 1 else { throw lostOrFailed() }
                _ = try collectResults(deadline: deadline, cancellation: cancellation)
                nextStatementNumber += 1
                preparedStatements[key] = name
            }
            let sent = withParameters(parameters) { values, _, count in
                PQsendQueryPrepared(connection, name, count, values, nil, nil, 0)
            }
            guard sent == 1 else { throw lostOrFailed() }
        }
        return try collectResults(deadline: deadline, cancellation: cancellation, layout: layout, rows: rows)
    }

    /// Runs many statements in pipeline mode: all are sent, then all results read, one round trip per
    /// `pipelineChunk` statements. Stops at the first error (later statements of its chunk are skipped by the
    /// server) and throws it. Returns the total number of affected rows.
    mutating func executePipelined(
        _ statements: [(sql: String, bindings: [StorageValue])], timeout: Duration,
        cancellation: PostgresCancellationFlag?
    ) throws(PostgresError) -> Int {
        guard isOpen else { throw .connectionLost(lastErrorMessage) }
        var affected = 0
        var start = 0
        while start < statements.count {
            let chunk = statements[start..<min(start + Self.pipelineChunk, statements.count)]
            affected += try runPipeline(chunk, deadline: ContinuousClock.now + timeout + .seconds(2), cancellation: cancellation)
            start += chunk.count
        }
        return affected
    }

    static let pipelineChunk = 500

    private mutating func runPipeline(
        _ statements: ArraySlice<(sql: String, bindings: [StorageValue])>, deadline: ContinuousClock.Instant,
        cancellation: PostgresCancellationFlag?
    ) throws(PostgresError) -> Int {
        guard PQenterPipelineMode(connection) == 1 else { throw lostOrFailed() }
        var newlyPrepared: [ByteWiseString: String] = [:]
        var commands = 0
        for statement in statements {
            let parameters = statement.bindings.map(PostgresValueCodec.encode)
            let key = ByteWiseString(statement.sql)
            var name = preparedStatements[key] ?? newlyPrepared[key]
            if name == nil {
                let fresh = "s\(nextStatementNumber)"
                nextStatementNumber += 1
                let sent = withParameters(parameters) { _, types, count in
                    PQsendPrepare(connection, fresh, statement.sql, count, types)
                }
                guard sent == 1 else { throw lostOrFailed() }
                commands += 1
                newlyPrepared[key] = fresh
                name = fresh
            }
            let sent = withParameters(parameters) { values, _, count in
                PQsendQueryPrepared(connection, name, count, values, nil, nil, 0)
            }
            guard sent == 1 else { throw lostOrFailed() }
            commands += 1
        }
        guard PQpipelineSync(connection) == 1 else { throw lostOrFailed() }
        while true {
            let flushed = PQflush(connection)
            if flushed == 0 { break }
            if flushed < 0 { throw lostOrFailed() }
            try wait(read: true, write: true, deadline: deadline, cancellation: cancellation)
            if PQconsumeInput(connection) == 0 { throw lostOrFailed() }
        }
        var firstError: PostgresServerError?
        var affected = 0
        var synced = false
        while !synced {
            while PQisBusy(connection) != 0 {
                try wait(read: true, write: false, deadline: deadline, cancellation: cancellation)
                if PQconsumeInput(connection) == 0 { throw lostOrFailed() }
            }
            // NULL ends each command's results; the sync point ends the pipeline.
            guard let result = PQgetResult(connection) else {
                if ContinuousClock.now > deadline {
                    isPoisoned = true
                    throw .timedOut
                }
                continue
            }
            defer { PQclear(result) }
            switch PQresultStatus(result) {
            case PGRES_PIPELINE_SYNC: synced = true
            case PGRES_COMMAND_OK, PGRES_TUPLES_OK: affected += PostgresResultReader.affectedRows(result)
            case PGRES_PIPELINE_ABORTED: break
            default:
                if firstError == nil { firstError = PostgresResultReader.copyError(result, fallback: lastErrorMessage) }
            }
        }
        guard PQexitPipelineMode(connection) == 1 else { throw lostOrFailed() }
        if let firstError {
            // Statements prepared before the failure exist on the server; keep only what is certain.
            if PQstatus(connection) != CONNECTION_OK || Self.isConnectionClass(firstError.sqlState) {
                throw .connectionLost(firstError.message)
            }
            throw .server(firstError)
        }
        preparedStatements.merge(newlyPrepared) { old, _ in old }
        return affected
    }

    /// Flushes the outgoing buffer, then reads results until libpq reports the end of the command.
    private mutating func collectResults(
        deadline: ContinuousClock.Instant, cancellation: PostgresCancellationFlag?, layout: ResultLayout? = nil,
        rows: PostgresRowVisitor? = nil
    ) throws(PostgresError) -> PostgresQueryResult {
        while true {
            let flushed = PQflush(connection)
            if flushed == 0 { break }
            if flushed < 0 { throw lostOrFailed() }
            try wait(read: true, write: true, deadline: deadline, cancellation: cancellation)
            if PQconsumeInput(connection) == 0 { throw lostOrFailed() }
        }
        var result = PostgresQueryResult()
        var firstError: PostgresServerError?
        var decodeError: String?
        while true {
            while PQisBusy(connection) != 0 {
                try wait(read: true, write: false, deadline: deadline, cancellation: cancellation)
                if PQconsumeInput(connection) == 0 { throw lostOrFailed() }
            }
            guard let pgResult = PQgetResult(connection) else { break }
            defer { PQclear(pgResult) }
            switch PQresultStatus(pgResult) {
            case PGRES_TUPLES_OK, PGRES_SINGLE_TUPLE:
                do {
                    if let rows {
                        try rows(pgResult)
                        result = PostgresQueryResult()
                    } else {
                        result = try PostgresResultReader.copyRows(pgResult, layout: layout)
                    }
                } catch {
                    decodeError = decodeError ?? "\(error)"
                }
            case PGRES_COMMAND_OK, PGRES_EMPTY_QUERY:
                result = PostgresQueryResult(affectedRows: PostgresResultReader.affectedRows(pgResult))
            case PGRES_FATAL_ERROR, PGRES_NONFATAL_ERROR, PGRES_BAD_RESPONSE:
                if firstError == nil { firstError = PostgresResultReader.copyError(pgResult, fallback: lastErrorMessage) }
            default:
                if firstError == nil {
                    firstError = PostgresServerError(message: "Unexpected result status.")
                }
            }
        }
        if let firstError {
            // A fatal error that closed the connection (shutdown, crash) is a lost connection, not a bad statement.
            if PQstatus(connection) != CONNECTION_OK || Self.isConnectionClass(firstError.sqlState) {
                throw .connectionLost(firstError.message)
            }
            throw .server(firstError)
        }
        if let decodeError { throw .undecodable(decodeError) }
        return result
    }

    private static func isConnectionClass(_ sqlState: String?) -> Bool {
        guard let sqlState else { return false }
        return sqlState.hasPrefix("08") || ["57P01", "57P02", "57P03"].contains(sqlState)
    }

    private mutating func wait(
        read: Bool, write: Bool, deadline: ContinuousClock.Instant, cancellation: PostgresCancellationFlag?
    ) throws(PostgresError) {
        switch PostgresSocketWait.wait(
            socket: PQsocket(connection), read: read, write: write, deadline: deadline, cancellation: cancellation)
        {
        case .ready:
            return
        case .timedOut:
            isPoisoned = true
            throw .timedOut
        case .cancelled:
            requestServerCancel()
            isPoisoned = true
            throw .cancelled
        case .failed(let code):
            isPoisoned = true
            throw .connectionLost("poll() failed with errno \(code).")
        }
    }

    /// Asks the server to cancel the running statement (a separate short connection, as libpq does it).
    private func requestServerCancel() {
        guard let cancel = PQgetCancel(connection) else { return }
        defer { PQfreeCancel(cancel) }
        var buffer = [CChar](repeating: 0, count: 256)
        _ = PQcancel(cancel, &buffer, Int32(buffer.count))
    }

    private mutating func lostOrFailed() -> PostgresError {
        let message = lastErrorMessage
        if PQstatus(connection) != CONNECTION_OK { return .connectionLost(message) }
        isPoisoned = true
        return .connectionLost(message)
    }
}

extension String {
    fileprivate func trimmingTrailingNewlines() -> String {
        var text = self[...]
        while let last = text.last, last == "\n" || last == " " { text = text.dropLast() }
        return String(text)
    }
}

/// Takes the rows of a statement's result while it is held (`PostgresRowCursor`), on the connection's thread;
/// a decoding failure fails the statement as `PostgresResultReader.copyRows` fails it.
typealias PostgresRowVisitor = @Sendable (OpaquePointer) throws(PostgresValueCodec.DecodeError) -> Void
