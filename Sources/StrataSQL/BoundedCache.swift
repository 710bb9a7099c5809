import Synchronization

/// A dictionary shared between threads that holds at most `capacity` entries and starts over when full: for caches
/// of things a schema produces few of (statement texts by request shape), where the bound only stops a stream of
/// distinct keys from growing it without end.
final class BoundedCache<Key: Hashable & Sendable, Value: Sendable>: Sendable {
    private let capacity: Int
    private let entries = Mutex<[Key: Value]>([:])

    init(capacity: Int) { self.capacity = capacity }

    func value(for key: Key) -> Value? { entries.withLock { $0[key] } }

    func store(_ value: Value, for key: Key) {
        entries.withLock { entries in
            if entries.count >= capacity { entries.removeAll(keepingCapacity: true) }
            entries[key] = value
        }
    }

    var count: Int { entries.withLock { $0.count } }
}
