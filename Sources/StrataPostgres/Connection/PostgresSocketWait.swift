import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Set from any thread to make the blocking job running on a connection give up at its next wake-up.
final class PostgresCancellationFlag: Sendable {
    private let flag = Atomic<Bool>(false)

    init() {}

    var isCancelled: Bool { flag.load(ordering: .acquiring) }
    func cancel() { flag.store(true, ordering: .releasing) }
}

/// Waits for a libpq socket with `poll()`, in slices short enough to notice cancellation, until a deadline.
/// Runs only on a thread-pool thread: it blocks.
enum PostgresSocketWait {
    enum Outcome: Equatable {
        case ready
        case timedOut
        case cancelled
        case failed(Int32)
    }

    static let slice: Duration = .milliseconds(100)

    static func wait(
        socket: Int32, read: Bool, write: Bool, deadline: ContinuousClock.Instant,
        cancellation: PostgresCancellationFlag?
    ) -> Outcome {
        guard socket >= 0 else { return .failed(EBADF) }
        var events: Int16 = 0
        if read { events |= Int16(POLLIN) }
        if write { events |= Int16(POLLOUT) }
        while true {
            if cancellation?.isCancelled == true { return .cancelled }
            let now = ContinuousClock.now
            guard now < deadline else { return .timedOut }
            let wait = min(deadline - now, slice)
            var descriptor = pollfd(fd: socket, events: events, revents: 0)
            let result = poll(&descriptor, 1, Int32(max(1, wait.wholeMilliseconds)))
            if result > 0 { return .ready }
            if result < 0 && errno != EINTR { return .failed(errno) }
        }
    }
}
