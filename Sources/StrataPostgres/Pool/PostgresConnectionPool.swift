import NIOPosix
import Synchronization

/// A bounded pool of `PostgresConnection`s driven by `PostgresPoolStateMachine`: this class only keeps the
/// machine, the connection objects and the suspended requests under one lock, and performs the machine's
/// actions outside it.
final class PostgresConnectionPool: Sendable {
    private struct State: ~Copyable {
        var machine: PostgresPoolStateMachine
        var connections: [Int: PostgresConnection] = [:]
        var waiters: [Int: CheckedContinuation<PostgresConnection, any Error>] = [:]
        var timers: [Int: Task<Void, Never>] = [:]
        var nextRequest = 1
    }

    private let state: Mutex<State>
    private let configuration: PostgresConfiguration
    private let threadPool: NIOThreadPool

    init(configuration: PostgresConfiguration, threadPool: NIOThreadPool) {
        self.configuration = configuration
        self.threadPool = threadPool
        self.state = Mutex(State(machine: PostgresPoolStateMachine(maxConnections: configuration.maxConnections)))
    }

    /// A connection for the caller's exclusive use until `release`; waits (FIFO, up to the checkout timeout)
    /// when all are busy.
    func lease() async throws(PostgresError) -> PostgresConnection {
        let request = state.withLock { state in
            defer { state.nextRequest += 1 }
            return state.nextRequest
        }
        do {
            return try await withTaskCancellationHandler {
                try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<PostgresConnection, any Error>) in
                    let actions = state.withLock { state in
                        state.waiters[request] = continuation
                        return Task.isCancelled
                            ? [.fail(request, .cancelled)] : state.machine.requestConnection(request)
                    }
                    perform(actions)
                }
            } onCancel: {
                perform(state.withLock { $0.machine.requestCancelled(request) })
            }
        } catch let failure as PostgresPoolStateMachine.Failure {
            switch failure {
            case .timedOut: throw .poolTimedOut
            case .cancelled: throw .cancelled
            case .closed: throw .closed
            case .connectFailed(let error): throw error
            }
        } catch {
            throw .cancelled
        }
    }

    /// Returns a leased connection; one that is broken or in an unknown state is closed instead.
    func release(_ connection: PostgresConnection) {
        let reusable = connection.isReusable
        perform(state.withLock { $0.machine.connectionReleased(connection.id, reusable: reusable) })
    }

    /// Fails waiting requests and closes idle connections (waiting for them); leased ones close when released.
    func close() async {
        for task in perform(state.withLock { $0.machine.close() }) { await task.value }
    }

    var connectionCount: Int { state.withLock { $0.machine.connectionCount } }

    /// Performs `actions`; returns the tasks closing connections.
    @discardableResult
    private func perform(_ actions: [PostgresPoolStateMachine.Action]) -> [Task<Void, Never>] {
        var closing: [Task<Void, Never>] = []
        for action in actions {
            switch action {
            case .lease(let connectionID, let request):
                let (continuation, connection, timer) = state.withLock { state in
                    (
                        state.waiters.removeValue(forKey: request), state.connections[connectionID],
                        state.timers.removeValue(forKey: request)
                    )
                }
                timer?.cancel()
                guard let continuation else { continue }
                if let connection {
                    continuation.resume(returning: connection)
                } else {
                    continuation.resume(throwing: PostgresPoolStateMachine.Failure.closed)
                }
            case .fail(let request, let failure):
                let (continuation, timer) = state.withLock { state in
                    (state.waiters.removeValue(forKey: request), state.timers.removeValue(forKey: request))
                }
                timer?.cancel()
                continuation?.resume(throwing: failure)
            case .open(let connectionID):
                let configuration = self.configuration
                let threadPool = self.threadPool
                Task {
                    do throws(PostgresError) {
                        let connection = try await PostgresConnection.open(
                            id: connectionID, configuration: configuration, threadPool: threadPool)
                        self.perform(
                            self.state.withLock { state in
                                state.connections[connectionID] = connection
                                return state.machine.connectionOpened(connectionID)
                            })
                    } catch {
                        self.perform(self.state.withLock { $0.machine.connectionFailed(connectionID, error) })
                    }
                }
            case .close(let connectionID):
                if let connection = state.withLock({ $0.connections.removeValue(forKey: connectionID) }) {
                    closing.append(Task { await connection.close() })
                }
            case .startTimer(let request):
                let timeout = configuration.checkoutTimeout
                let timer = Task {
                    try? await Task.sleep(for: timeout)
                    if Task.isCancelled { return }
                    self.perform(self.state.withLock { $0.machine.requestTimedOut(request) })
                }
                state.withLock { state in
                    // The request may already have been served in the meantime.
                    if state.waiters[request] != nil { state.timers[request] = timer } else { timer.cancel() }
                }
            }
        }
        return closing
    }
}
