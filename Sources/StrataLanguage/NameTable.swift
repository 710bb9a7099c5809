/// The names already read from one document, found again by their bytes.
///
/// A document repeats a few dozen field, type and argument names hundreds of times; building a `String` from
/// a name's bytes checks them for valid UTF-8 and copies them one by one (about 150 instructions), while finding
/// the same name here is two word loads, a multiply and a comparison. Names of up to 16 bytes are kept, packed
/// little-endian into two words and padded with zero bytes (a name never contains one, so the two words say
/// exactly which name it is), with their index in the document's `SelectionTree` names, which is what the tree's
/// records store. Each name has one slot, chosen by its words' hash; a name meeting another in its slot replaces
/// it. Longer names, and names in a taken slot, are built as usual and appended again.
struct NameTable {
    private struct Entry {
        var low: UInt64 = 0
        var high: UInt64 = 0
        /// The name's index in the selection tree's names.
        var index: Int32 = -1
    }

    private var entries: [Entry]
    /// `64 - log2(entries.count)`: the hash's top bits choose the slot.
    private let shift: UInt64

    /// A table sized for a document of `byteCount` bytes: one slot per 128 bytes, from 16 to 512 slots (a
    /// document repeats a few dozen names; a bigger table only cost more cache misses on its first touches).
    init(byteCount: Int) {
        var count = 16
        while count < 512, count * 128 < byteCount { count &<<= 1 }
        entries = Array(repeating: Entry(), count: count)
        shift = UInt64(64 - count.trailingZeroBitCount)
    }

    /// The name in `bytes[start..<end]`, which the lexer has checked to be a GraphQL name (ASCII).
    @inline(__always) mutating func name(
        _ bytes: [UInt8], _ start: Int, _ end: Int, names: inout ContiguousArray<String>
    ) -> String {
        // Two statements: `names[index(…, names: &names)]` read the array's storage before the call appended to
        // it, so a name that made the array grow was read from the freed storage.
        let index = index(bytes, start, end, names: &names)
        return names[Int(index)]
    }

    /// The index in `names` of the name in `bytes[start..<end]`, appended there the first time it is read (a name
    /// longer than 16 bytes, or one that lost its slot, is appended again: `names` may hold a name twice).
    @inline(__always) mutating func index(
        _ bytes: [UInt8], _ start: Int, _ end: Int, names: inout ContiguousArray<String>
    ) -> Int32 {
        let length = end &- start
        guard length <= 16 else {
            names.append(String(decoding: bytes[start..<end], as: UTF8.self))
            return Int32(truncatingIfNeeded: names.count &- 1)
        }
        let (low, high) = Self.pack(bytes, start, length)
        let slot = Int(truncatingIfNeeded: ((low ^ (high &* 0x9E37_79B9_7F4A_7C15)) &* 0xBF58_476D_1CE4_E5B9) &>> shift)
        let found = entries.withUnsafeBufferPointer { entries in
            entries[slot].low == low && entries[slot].high == high ? entries[slot].index : -1
        }
        if found >= 0 { return found }
        names.append(String(decoding: bytes[start..<end], as: UTF8.self))
        let index = Int32(truncatingIfNeeded: names.count &- 1)
        entries[slot] = Entry(low: low, high: high, index: index)
        return index
    }

    /// The `length` (1 to 16) bytes from `start` as two little-endian words, zero beyond the name.
    @inline(__always) private static func pack(_ bytes: [UInt8], _ start: Int, _ length: Int) -> (UInt64, UInt64) {
        bytes.withUnsafeBytes { raw in
            if start &+ 16 <= raw.count {
                let first = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: start, as: UInt64.self))
                let second = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: start &+ 8, as: UInt64.self))
                if length <= 8 { return (first & mask(length), 0) }
                return (first, second & mask(length &- 8))
            }
            // Near the end of the document a 16-byte load would read past it: gather the bytes one by one.
            var words: (UInt64, UInt64) = (0, 0)
            for offset in 0..<length {
                let byte = UInt64(raw[start &+ offset]) &<< UInt64((offset & 7) &* 8)
                if offset < 8 { words.0 |= byte } else { words.1 |= byte }
            }
            return words
        }
    }

    /// The low `count` bytes of a word set (1 to 8).
    @inline(__always) private static func mask(_ count: Int) -> UInt64 {
        count >= 8 ? ~0 : (1 &<< UInt64(count &* 8)) &- 1
    }
}
