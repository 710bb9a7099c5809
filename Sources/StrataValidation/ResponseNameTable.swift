/// Response names interned to dense integers (`0, 1, 2, …` in first-seen order), for the field-merging search.
///
/// That search interns the response name of every field of every selection set it groups, tens of thousands per
/// validation of a large document; through a `[String: Int32]` each lookup hashed the whole name with the seeded
/// hasher and the dictionary's strings were released one by one when the search ended (together 9% of a
/// validation). Here a name of up to 16 bytes is packed into two words, zero-padded (a GraphQL name has no zero
/// byte, so the words say exactly which name it is), and found by those words in an open-addressing table kept at
/// most half full. Longer names go through a dictionary, and so does a name that would have to probe more than
/// `maxProbes` slots: aliases are chosen by clients, and names made to collide in one slot could otherwise turn
/// each insertion into a walk over all of them (the dictionary's hasher is seeded per process).
struct ResponseNameTable {
    static let maxProbes = 16

    private struct Slot {
        var low: UInt64 = 0
        var high: UInt64 = 0
        /// The interned id, or -1 for an empty slot.
        var id: Int32 = -1
    }

    private var slots = [Slot](repeating: Slot(), count: 64)
    private var used = 0
    /// Names of more than 16 bytes, and names whose probe sequence was full.
    private var overflow: [String: Int32] = [:]
    /// The names by id.
    private(set) var names: [String] = []

    /// The id of `name`, interning it if it is new.
    mutating func id(of name: String) -> Int32 {
        var name = name
        let packed = name.withUTF8 { bytes -> (UInt64, UInt64)? in
            guard bytes.count <= 16 else { return nil }
            var words: (UInt64, UInt64) = (0, 0)
            for offset in bytes.indices {
                let byte = UInt64(bytes[offset]) &<< UInt64((offset & 7) &* 8)
                if offset < 8 { words.0 |= byte } else { words.1 |= byte }
            }
            return words
        }
        guard let (low, high) = packed else { return overflowID(of: name) }
        let mask = slots.count &- 1
        var slot = Self.slot(low, high, mask: mask)
        var free: Int?
        for _ in 0..<Self.maxProbes {
            // The slot's id when it holds this name, -1 when it is empty, -2 when another name holds it.
            let found = slots.withUnsafeBufferPointer { slots in
                slots[slot].id < 0 || (slots[slot].low == low && slots[slot].high == high) ? slots[slot].id : -2
            }
            if found >= 0 { return found }
            if found == -1 {
                free = slot
                break
            }
            slot = (slot &+ 1) & mask
        }
        // Not in the table: in the dictionary if its probe sequence was full when it came (or before a growth).
        guard let free else { return overflowID(of: name) }
        if !overflow.isEmpty, let id = overflow[name] { return id }
        let id = Int32(names.count)
        names.append(name)
        slots[free] = Slot(low: low, high: high, id: id)
        used += 1
        if used * 2 > slots.count { grow() }
        return id
    }

    private mutating func overflowID(of name: String) -> Int32 {
        if let id = overflow[name] { return id }
        let id = Int32(names.count)
        names.append(name)
        overflow[name] = id
        return id
    }

    private mutating func grow() {
        let old = slots
        slots = [Slot](repeating: Slot(), count: old.count * 2)
        used = 0
        let mask = slots.count &- 1
        for entry in old where entry.id >= 0 {
            var slot = Self.slot(entry.low, entry.high, mask: mask)
            var probes = 0
            while slots[slot].id >= 0, probes < Self.maxProbes {
                slot = (slot &+ 1) & mask
                probes += 1
            }
            if slots[slot].id >= 0 {
                overflow[names[Int(entry.id)]] = entry.id
            } else {
                slots[slot] = entry
                used += 1
            }
        }
    }

    @inline(__always) static func slot(_ low: UInt64, _ high: UInt64, mask: Int) -> Int {
        Int(truncatingIfNeeded: ((low ^ (high &* 0x9E37_79B9_7F4A_7C15)) &* 0xBF58_476D_1CE4_E5B9) &>> 40) & mask
    }
}
