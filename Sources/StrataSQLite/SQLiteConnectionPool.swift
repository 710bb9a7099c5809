import StrataStorage
import Synchronization

/// Hands out a fixed set of connections, one task at a time each. Waiting tasks suspend (no thread is held)
/// and are served in arrival order; a cancelled waiter leaves the queue.
final class SQLiteConnectionPool: Sendable {
    private struct Waiter {
        var id: UInt64
        var continuation: CheckedContinuation<Int, any Error>
    }

    private struct State {
        var free: [Int]
        var waiters: [Waiter] = []
        var nextWaiterID: UInt64 = 0
        var isClosed = false
    }

    let connections: [SQLiteConnectionBox]
    private let state: Mutex<State>

    init(connections: [SQLiteConnectionBox]) {
        self.connections = connections
        self.state = Mutex(State(free: Array(connections.indices.reversed())))
    }

    /// Runs `body` with a connection of its own, waiting for one if all are busy.
    func withConnection<T>(_ body: (SQLiteConnectionBox) async throws -> T) async throws -> T {
        let index = try await acquire()
        do {
            let result = try await body(connections[index])
            release(index)
            return result
        } catch {
            release(index)
            throw error
        }
    }

    func acquire() async throws -> Int {
        let (free, id) = state.withLock { state -> (Int?, UInt64) in
            if !state.isClosed, let index = state.free.popLast() { return (index, 0) }
            state.nextWaiterID += 1
            return (nil, state.nextWaiterID)
        }
        if let free { return free }
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Int, any Error>) in
                let outcome: Result<Int, any Error>? = state.withLock { state in
                    if state.isClosed { return .failure(StorageError(.closed, "The data source is closed.")) }
                    if let index = state.free.popLast() { return .success(index) }
                    if Task.isCancelled { return .failure(CancellationError()) }
                    state.waiters.append(Waiter(id: id, continuation: continuation))
                    return nil
                }
                if let outcome { continuation.resume(with: outcome) }
            }
        } onCancel: {
            let waiter = state.withLock { state -> Waiter? in
                guard let position = state.waiters.firstIndex(where: { $0.id == id }) else { return nil }
                return state.waiters.remove(at: position)
            }
            waiter?.continuation.resume(throwing: CancellationError())
        }
    }

    func release(_ index: Int) {
        let next = state.withLock { state -> Waiter? in
            if state.waiters.isEmpty || state.isClosed {
                state.free.append(index)
                return nil
            }
            return state.waiters.removeFirst()
        }
        next?.continuation.resume(returning: index)
    }

    /// Fails current and future waiters with `.closed`; connections in use are returned as usual.
    func close() {
        let waiters = state.withLock { state -> [Waiter] in
            state.isClosed = true
            defer { state.waiters.removeAll() }
            return state.waiters
        }
        for waiter in waiters {
            waiter.continuation.resume(throwing: StorageError(.closed, "The data source is closed."))
        }
    }
}
