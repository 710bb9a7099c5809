import StrataStorage

/// What a filterless lookup renders to, by the request's shape: its entity, key column, requested column names
/// and number of keys. A lookup by id is the most frequent read; with its shape known, a repeated lookup checks
/// its keys and binds them to the stored text, without resolving column names or rendering anything (resolving
/// the names and rendering the key test for a cache key of their results cost ~13 K instructions per lookup,
/// more than SQLite spent running it).
///
/// Bounded: when full it starts over (the shapes a schema produces are few; the bound only stops a stream of
/// distinct key counts or column lists from growing it without end).
final class LookupTextCache: Sendable {
    /// The request's shape, hashed once and compared byte for byte.
    struct Key: Hashable, Sendable {
        let entity: String
        let column: String
        let columns: [String]?
        let keyCount: Int
        private let digest: UInt64

        init(_ request: LookupRequest, keyCount: Int) {
            entity = request.entity
            column = request.column
            columns = request.columns
            self.keyCount = keyCount
            // Only shapes whose names the model knows are ever stored (others fail before), so clients cannot
            // choose what collides: an unkeyed fold of each name is enough for the digest, which `_rawHashValue`
            // hashes with the process's key once (making a key cost ~1.1 K instructions, against ~1.6 K with
            // keyed hashing of each name).
            let multiplier: UInt64 = 0x9E37_79B9_7F4A_7C15
            var hash = (UTF8Bytes.fold(request.entity) ^ UInt64(truncatingIfNeeded: keyCount)) &* multiplier
            hash = (hash ^ UTF8Bytes.fold(request.column)) &* multiplier
            if let columns = request.columns {
                for name in columns { hash = (hash ^ UTF8Bytes.fold(name)) &* multiplier }
            } else {
                hash = ~hash
            }
            digest = hash
        }

        static func == (lhs: Key, rhs: Key) -> Bool {
            guard lhs.digest == rhs.digest, lhs.keyCount == rhs.keyCount, UTF8Bytes.equal(lhs.entity, rhs.entity),
                UTF8Bytes.equal(lhs.column, rhs.column)
            else { return false }
            switch (lhs.columns, rhs.columns) {
            case (nil, nil): return true
            case (let left?, let right?):
                return left.count == right.count && zip(left, right).allSatisfy { UTF8Bytes.equal($0, $1) }
            default: return false
            }
        }

        func _rawHashValue(seed: Int) -> Int { KeyHasher.hash(word: digest, discriminator: 4, seed: seed) }

        func hash(into hasher: inout Hasher) { hasher.combine(digest) }
    }

    /// A rendered lookup, less its bindings. A class: a hit takes one reference, not one per member.
    final class Entry: Sendable {
        let entity: EntityDescriptor
        let keyColumn: ColumnDescriptor
        let resultColumns: [SQLQuery.ResultColumn]
        let layout: ResultLayout
        let text: String
        /// nil when the statement binds the keys themselves, one by one and in order: then, for keys of the
        /// column's one storage case, its text depends on the key column and the number of keys alone. Otherwise
        /// (PostgreSQL's one array parameter) the key test's text, which a hit renders again for its bindings.
        let keyTestText: String?

        init(query: SQLQuery, keyColumn: ColumnDescriptor, text: String, keyTestText: String?) {
            entity = query.entity
            self.keyColumn = keyColumn
            resultColumns = query.resultColumns
            layout = query.layout
            self.text = text
            self.keyTestText = keyTestText
        }
    }

    private let entries: BoundedCache<Key, Entry>

    init(capacity: Int = 256) { entries = BoundedCache(capacity: capacity) }

    func entry(for key: Key) -> Entry? { entries.value(for: key) }

    func store(_ entry: Entry, for key: Key) { entries.store(entry, for: key) }

    var count: Int { entries.count }
}
