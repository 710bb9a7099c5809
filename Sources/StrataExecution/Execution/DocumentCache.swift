import StrataLanguage
import Synchronization

/// Parsed and validated documents by their text, so a repeated query skips lexing, parsing and validation.
/// Bounded: when full, the oldest half is dropped (cheap, and hot queries come straight back).
final class DocumentCache: Sendable {
    struct Entry: Sendable {
        var source: Source
        var document: Document
    }

    private let capacity: Int
    private let maxDocumentBytes: Int
    private let state = Mutex<(entries: [String: Entry], order: [String])>(([:], []))

    init(capacity: Int, maxDocumentBytes: Int = 64 * 1024) {
        self.capacity = capacity
        self.maxDocumentBytes = maxDocumentBytes
    }

    func get(_ text: String) -> Entry? {
        state.withLock { $0.entries[text] }
    }

    /// Stores a document that parsed and validated cleanly.
    func put(_ text: String, _ entry: Entry) {
        guard capacity > 0, text.utf8.count <= maxDocumentBytes else { return }
        state.withLock { state in
            if state.entries[text] != nil { return }
            if state.entries.count >= capacity {
                let dropped = state.order.prefix(state.order.count / 2 + 1)
                for key in dropped { state.entries[key] = nil }
                state.order.removeFirst(dropped.count)
            }
            state.entries[text] = entry
            state.order.append(text)
        }
    }

    var count: Int { state.withLock { $0.entries.count } }
}
