/// Entries found by a name of the schema: a type's fields, and the schema's types, for the lookups validation
/// makes once per field, argument and type condition it visits.
///
/// A `[String: Entry]` lookup hashes the whole name with the standard library's seeded hasher (7% of the samples
/// when validating the benchmark's large document for field names, 3% of the instructions for type names). Here a
/// name's slot comes from its length and its first and last bytes, and the slots are probed in order until the name
/// or an empty slot is found; the table is at most half full, so a probe sequence stays short. Only the schema's
/// own names are stored, so names sent by a client cannot crowd a slot: they are only looked up. (Names from a
/// document, such as fragment names, do not belong here: a document could make all of them collide.)
struct SchemaNameTable<Entry> {
    /// Each slot's name, kept beside the entries so that a probe compares names without following each entry's
    /// reference.
    private let names: [String]
    private let entries: [Entry?]
    private let mask: Int

    init(_ byName: [String: Entry]) {
        var capacity = 8
        while capacity < byName.count * 2 { capacity <<= 1 }
        var names = [String](repeating: "", count: capacity)
        var entries = [Entry?](repeating: nil, count: capacity)
        // In name order, so the layout does not depend on the dictionary's iteration order.
        for (name, entry) in byName.sorted(by: { $0.key < $1.key }) {
            var slot = Self.slot(of: name, mask: capacity - 1)
            while entries[slot] != nil { slot = (slot + 1) & (capacity - 1) }
            names[slot] = name
            entries[slot] = entry
        }
        self.names = names
        self.entries = entries
        self.mask = capacity - 1
    }

    /// The entry called `name`, if there is one.
    func entry(named name: String) -> Entry? {
        var slot = Self.slot(of: name, mask: mask)
        while let entry = entries[slot] {
            if names[slot] == name { return entry }
            slot = (slot + 1) & mask
        }
        return nil
    }

    @inline(__always) private static func slot(of name: String, mask: Int) -> Int {
        let utf8 = name.utf8
        let shape =
            utf8.withContiguousStorageIfAvailable { bytes -> UInt64 in
                guard let first = bytes.first, let last = bytes.last else { return 0 }
                return UInt64(bytes.count) &<< 16 | UInt64(first) &<< 8 | UInt64(last)
            } ?? (UInt64(utf8.count) &<< 16 | UInt64(utf8.first ?? 0) &<< 8 | UInt64(utf8.last ?? 0))
        let mixed = shape &* 0x9E37_79B9_7F4A_7C15
        return Int(truncatingIfNeeded: mixed &>> 40) & mask
    }
}

extension SchemaNameTable: Sendable where Entry: Sendable {}
