import StrataStorage
import Synchronization

/// The statement texts of lookups without a filter, by shape: entity, selected columns and the rendered key test
/// (its text depends on the number of keys and, on PostgreSQL, on whether they travel as one array). A lookup
/// by id is the most frequent read, and building and rendering its SQL took more instructions than SQLite took
/// to run it; with the text known, a lookup renders only its key test (for the bindings).
///
/// Bounded: when full it starts over (the shapes a schema produces are few; the bound only stops a stream of
/// distinct key counts from growing it without end).
final class LookupTextCache: Sendable {
    struct Key: Hashable, Sendable {
        var entity: ByteWiseString
        var columns: [Int]
        var membership: ByteWiseString
    }

    private let capacity: Int
    private let texts = Mutex<[Key: String]>([:])

    init(capacity: Int = 256) { self.capacity = capacity }

    func text(for key: Key) -> String? { texts.withLock { $0[key] } }

    func store(_ text: String, for key: Key) {
        texts.withLock { texts in
            if texts.count >= capacity { texts.removeAll(keepingCapacity: true) }
            texts[key] = text
        }
    }

    var count: Int { texts.withLock { $0.count } }
}
