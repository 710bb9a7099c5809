import StrataLanguage
import StrataStorage
import Synchronization

/// Parsed and validated documents by their text, so a repeated query skips lexing, parsing and validation.
/// Bounded: when full, the oldest half is dropped (cheap, and hot queries come straight back).
final class DocumentCache: Sendable {
    struct Entry: Sendable {
        var source: Source
        var document: Document
        /// The document's operations, in order.
        var operations: [OperationDefinition]
        /// The document's fragments by name.
        var fragments: [String: FragmentDefinition]
        /// Batches planned by earlier requests (nil when the document's field collection reads variables).
        var plans: PlanCache?

        init(source: Source, document: Document) {
            self.source = source
            self.document = document
            var operations: [OperationDefinition] = []
            var fragments: [String: FragmentDefinition] = [:]
            for definition in document.definitions {
                switch definition {
                case .operation(let operation): operations.append(operation)
                case .fragment(let fragment): fragments[fragment.name.value] = fragment
                default: continue
                }
            }
            self.operations = operations
            self.fragments = fragments
            self.plans = PlanCache.make(for: document)
        }
    }

    private let capacity: Int
    private let maxDocumentBytes: Int
    private let state = Mutex<(entries: [Key: Entry], order: [Key])>(([:], []))

    /// The document text compared by its UTF-8 bytes. `String`'s own `==` is canonical equivalence, under which
    /// a query with `"É"` (precomposed) and one with `"E\u{301}"` (decomposed) in a literal would share an entry,
    /// and the second would run with the first one's literal. (And a repeated query's lookup is on every request's
    /// path, where `String`'s hashing cost more than planning a one-field query.)
    typealias Key = ByteWiseString

    init(capacity: Int, maxDocumentBytes: Int = 64 * 1024) {
        self.capacity = capacity
        self.maxDocumentBytes = maxDocumentBytes
    }

    func get(_ text: String) -> Entry? {
        state.withLock { $0.entries[Key(text)] }
    }

    /// Stores a document that parsed and validated cleanly; false when it is not kept (too large, or no cache).
    @discardableResult
    func put(_ text: String, _ entry: Entry) -> Bool {
        guard capacity > 0, text.utf8.count <= maxDocumentBytes else { return false }
        let key = Key(text)
        return state.withLock { state in
            if state.entries[key] != nil { return true }
            if state.entries.count >= capacity {
                let dropped = state.order.prefix(state.order.count / 2 + 1)
                for key in dropped { state.entries[key] = nil }
                state.order.removeFirst(dropped.count)
            }
            state.entries[key] = entry
            state.order.append(key)
            return true
        }
    }

    var count: Int { state.withLock { $0.entries.count } }
}
