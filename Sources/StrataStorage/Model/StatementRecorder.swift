import Synchronization

/// Counts the statements (and time) each source spends on behalf of one request.
///
/// The executor installs a recorder with `StatementRecorder.$current.withValue(recorder) { … }`; adapters call
/// `StatementRecorder.record(source:statements:nanoseconds:)` for every statement they send (the memory adapter
/// counts each request as one statement). Tests assert exact counts; responses can report them in `extensions`.
public final class StatementRecorder: Sendable {
    @TaskLocal public static var current: StatementRecorder?

    public struct Entry: Sendable, Hashable {
        public var statements: Int
        public var nanoseconds: UInt64
    }

    private let entries = Mutex<[String: Entry]>([:])

    public init() {}

    /// Records on the recorder of the current task, if any.
    @inlinable public static func record(source: String, statements: Int = 1, nanoseconds: UInt64) {
        current?.add(source: source, statements: statements, nanoseconds: nanoseconds)
    }

    public func add(source: String, statements: Int, nanoseconds: UInt64) {
        entries.withLock { entries in
            var entry = entries[source] ?? Entry(statements: 0, nanoseconds: 0)
            entry.statements += statements
            entry.nanoseconds += nanoseconds
            entries[source] = entry
        }
    }

    /// Per-source totals so far.
    public var snapshot: [String: Entry] { entries.withLock { $0 } }

    /// Statements across all sources.
    public var totalStatements: Int { entries.withLock { $0.values.reduce(0) { $0 + $1.statements } } }

    public func reset() { entries.withLock { $0.removeAll() } }
}

/// Measures a closure's duration in nanoseconds with a monotonic clock.
@inlinable public func measureNanoseconds<T, E: Error>(_ body: () throws(E) -> T) throws(E) -> (T, UInt64) {
    let start = ContinuousClock.now
    let value = try body()
    let elapsed = ContinuousClock.now - start
    let (seconds, attoseconds) = elapsed.components
    return (value, UInt64(seconds) * 1_000_000_000 + UInt64(attoseconds / 1_000_000_000))
}
