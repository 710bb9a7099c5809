/// A type's fields by name, for the lookups validation makes once per field it visits.
///
/// A `[String: FieldEntry]` lookup hashes the whole name with the standard library's seeded hasher (7% of the
/// samples when validating the benchmark's large document). Here a name's slot comes from its length and its first
/// and last bytes, and the slots are probed in order until the name or an empty slot is found; the table is at
/// most half full, so a probe sequence stays short. Only the schema's own names are stored, so names sent by a
/// client cannot crowd a slot: they are only looked up.
struct FieldTable: Sendable {
    /// Each slot's field name (its entry's `definition.name`), kept beside the entries so that a probe compares
    /// names without following each entry's reference.
    private let names: [String]
    private let entries: [FieldEntry?]
    private let mask: Int

    init(_ fields: [String: FieldEntry]) {
        var capacity = 8
        while capacity < fields.count * 2 { capacity <<= 1 }
        var names = [String](repeating: "", count: capacity)
        var entries = [FieldEntry?](repeating: nil, count: capacity)
        // In name order, so the layout does not depend on the dictionary's iteration order.
        for (name, entry) in fields.sorted(by: { $0.key < $1.key }) {
            var slot = Self.slot(of: name, mask: capacity - 1)
            while entries[slot] != nil { slot = (slot + 1) & (capacity - 1) }
            names[slot] = name
            entries[slot] = entry
        }
        self.names = names
        self.entries = entries
        self.mask = capacity - 1
    }

    /// The field called `name`, if the type has one.
    func entry(named name: String) -> FieldEntry? {
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
