/// The sort-key values of many rows packed for one fast full sort, so that comparisons touch no reference counts
/// and no scattered heap objects: per row and term, a NULL flag and a 64-bit order-preserving image of the value.
/// Numbers, booleans, dates and enumeration values (their declared position) map exactly. Text maps to 8 bytes
/// taken after the prefix that all of the term's values share (so that ids like
/// `00000005-0000-4000-8000-0000000004e2` still differ there), and all text sits in one contiguous byte arena for
/// the comparisons whose 8 bytes tie.
struct MemoryPackedSortKeys {
    private enum Kind {
        /// Equal images mean equal values.
        case exact
        /// Images are 8 bytes after `sharedPrefix`; ties fall back to the arena.
        case text(sharedPrefix: Int)
        /// The column holds values of an unexpected case (validation rules it out): compare the values themselves.
        case generic
    }

    private struct Term {
        var kind: Kind
        var descending: Bool
    }

    private var terms: [Term] = []
    private let rowCount: Int
    /// The live rows' slots, ascending: packed row `i` is the row in `slots[i]`.
    private(set) var slots: [Int32] = []
    /// Row-major: entry `row * terms.count + term`.
    private var images: [UInt64] = []
    private var isNull: [Bool] = []
    /// For text entries: where their UTF-8 starts in `arena` and its length.
    private var textStart: [Int] = []
    private var textLength: [Int] = []
    private var arena: [UInt8] = []
    /// For generic entries: the values.
    private var values: [StorageValue] = []

    /// Packs the keys of `table`'s live rows in slot order; a row's index here is its position in `slots`.
    init(liveRowsOf table: MemoryTable, ordering: MemoryOrdering, entity: EntityDescriptor) {
        let width = ordering.terms.count
        let entries = table.liveCount * width
        let types = ordering.terms.map { entity.columns[$0.column].type }
        let declared = ordering.terms.map(\.declared)
        let hasText = types.contains(where: Self.isText)
        rowCount = table.liveCount
        slots.reserveCapacity(table.liveCount)
        images = [UInt64](repeating: 0, count: entries)
        isNull = [Bool](repeating: false, count: entries)
        if hasText {
            textStart = [Int](repeating: 0, count: entries)
            textLength = [Int](repeating: 0, count: entries)
        }
        var unexpected = [Bool](repeating: false, count: width)
        // One pass over the rows: NULL flags, exact images, and text into the arena.
        var entry = 0
        var slot: Int32 = 0
        for chunk in table.rows.chunks {
            for row in chunk {
                defer { slot += 1 }
                guard let row else { continue }
                slots.append(slot)
                for (t, term) in ordering.terms.enumerated() {
                    defer { entry += 1 }
                    let value = row.values[term.column]
                    guard Self.hasExpectedCase(value, for: types[t]) else {
                        unexpected[t] = true
                        continue
                    }
                    switch value {
                    case .null:
                        isNull[entry] = true
                    case .string where declared[t] != nil:
                        images[entry] = Self.exactImage(of: value.orderValue(declared: declared[t]))
                    case .string(let s), .json(let s):
                        let start = arena.count
                        arena.append(contentsOf: s.utf8)
                        textStart[entry] = start
                        textLength[entry] = arena.count - start
                    default:
                        images[entry] = Self.exactImage(of: value)
                    }
                }
            }
        }
        // Text images: the 8 bytes after the prefix all of the term's values share.
        var terms: [Term] = []
        for (t, term) in ordering.terms.enumerated() {
            var kind = Kind.exact
            if unexpected[t] {
                kind = .generic
            } else if Self.isText(types[t]) {
                let shared = sharedPrefixLength(term: t, width: width)
                kind = .text(sharedPrefix: shared)
                arena.withUnsafeBytes { arena in
                    var e = t
                    while e < entries {
                        if !isNull[e] {
                            images[e] = Self.textImage(
                                arena, from: textStart[e] + shared, length: textLength[e] - shared)
                        }
                        e += width
                    }
                }
            }
            terms.append(Term(kind: kind, descending: term.descending))
        }
        self.terms = terms
        // Columns holding unexpected cases (validation rules them out) compare the values themselves.
        if unexpected.contains(true) {
            values = [StorageValue](repeating: .null, count: entries)
            var e = 0
            for chunk in table.rows.chunks {
                for case let row? in chunk {
                    for (t, term) in ordering.terms.enumerated() {
                        if unexpected[t] {
                            values[e] = row.values[term.column].orderValue(declared: term.declared)
                            isNull[e] = row.values[term.column].isNull
                            images[e] = 0  // equal images: every comparison falls back to the values
                        }
                        e += 1
                    }
                }
            }
        }
    }

    /// The number of leading bytes all non-NULL values of text term `t` share.
    private func sharedPrefixLength(term t: Int, width: Int) -> Int {
        arena.withUnsafeBytes { arena in
            var first = -1
            var shared = Int.max
            var e = t
            while e < isNull.count && shared > 0 {
                defer { e += width }
                if isNull[e] { continue }
                if first < 0 {
                    first = e
                    shared = textLength[e]
                    continue
                }
                var n = 0
                let limit = min(shared, textLength[e])
                let (a, b) = (textStart[first], textStart[e])
                while n < limit && arena[a + n] == arena[b + n] { n += 1 }
                shared = n
            }
            return first < 0 ? 0 : shared
        }
    }

    /// `0..<count` (the packed rows) sorted by their keys, ties broken by index.
    func sortedIndexes() -> [Int32] {
        var indexes = (0..<Int32(rowCount)).map { $0 }
        images.withUnsafeBufferPointer { images in
            isNull.withUnsafeBufferPointer { isNull in
                textStart.withUnsafeBufferPointer { textStart in
                    textLength.withUnsafeBufferPointer { textLength in
                        arena.withUnsafeBytes { arena in
                            values.withUnsafeBufferPointer { values in
                                terms.withUnsafeBufferPointer { terms in
                                    let keys = Keys(
                                        terms: terms, images: images, isNull: isNull, textStart: textStart,
                                        textLength: textLength, arena: arena, values: values)
                                    indexes.sort { a, b in
                                        let order = keys.compare(Int(a), Int(b))
                                        return order != 0 ? order < 0 : a < b
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        return indexes
    }

    /// Borrowed views of the packed keys for the duration of the sort.
    private struct Keys {
        let terms: UnsafeBufferPointer<Term>
        let images: UnsafeBufferPointer<UInt64>
        let isNull: UnsafeBufferPointer<Bool>
        let textStart: UnsafeBufferPointer<Int>
        let textLength: UnsafeBufferPointer<Int>
        let arena: UnsafeRawBufferPointer
        let values: UnsafeBufferPointer<StorageValue>

        @inline(__always)
        func compare(_ a: Int, _ b: Int) -> Int {
            let width = terms.count
            var ia = a &* width
            var ib = b &* width
            for term in terms {
                defer {
                    ia &+= 1
                    ib &+= 1
                }
                let (na, nb) = (isNull[ia], isNull[ib])
                if na || nb {
                    if na && nb { continue }
                    return na ? 1 : -1
                }
                var order = 0
                let (pa, pb) = (images[ia], images[ib])
                if pa != pb {
                    order = pa < pb ? -1 : 1
                } else {
                    switch term.kind {
                    case .exact: break
                    case .text(let shared): order = compareText(ia, ib, from: shared &+ 8)
                    case .generic: order = StorageValue.memoryCompare(values[ia], values[ib])
                    }
                }
                if order != 0 { return term.descending ? -order : order }
            }
            return 0
        }

        /// Byte-wise comparison of two arena strings from byte `offset` on (the bytes before it are equal).
        @inline(__always)
        private func compareText(_ ia: Int, _ ib: Int, from offset: Int) -> Int {
            let (la, lb) = (textLength[ia], textLength[ib])
            let common = min(la, lb)
            var i = offset
            guard let base = arena.baseAddress else { return la == lb ? 0 : (la < lb ? -1 : 1) }
            let (sa, sb) = (textStart[ia], textStart[ib])
            while i &+ 8 <= common {
                let x = UInt64(bigEndian: base.loadUnaligned(fromByteOffset: sa &+ i, as: UInt64.self))
                let y = UInt64(bigEndian: base.loadUnaligned(fromByteOffset: sb &+ i, as: UInt64.self))
                if x != y { return x < y ? -1 : 1 }
                i &+= 8
            }
            while i < common {
                let x = base.load(fromByteOffset: sa &+ i, as: UInt8.self)
                let y = base.load(fromByteOffset: sb &+ i, as: UInt8.self)
                if x != y { return x < y ? -1 : 1 }
                i &+= 1
            }
            return la == lb ? 0 : (la < lb ? -1 : 1)
        }
    }

    private static func isText(_ type: ColumnType) -> Bool {
        switch type {
        case .uuid, .string, .json: true
        case .int, .double, .bool, .timestamp, .date, .stringList, .enumeration: false  // enumerations: their rank
        }
    }

    private static func hasExpectedCase(_ value: StorageValue, for type: ColumnType) -> Bool {
        switch (type, value) {
        case (_, .null): true
        case (.uuid, .string), (.string, .string), (.enumeration, .string), (.json, .json): true
        case (.int, .int), (.double, .double), (.bool, .bool), (.timestamp, .timestamp), (.date, .date): true
        default: false
        }
    }

    /// An order-preserving 64-bit image of a non-NULL number, boolean, timestamp or date (0 for NULL).
    @inline(__always)
    private static func exactImage(of value: StorageValue) -> UInt64 {
        let signBit: UInt64 = 1 << 63
        switch value {
        case .int(let x), .timestamp(let x): return UInt64(bitPattern: x) ^ signBit
        case .date(let x): return UInt64(bitPattern: Int64(x)) ^ signBit
        case .bool(let x): return x ? 1 : 0
        case .double(let x):
            let bits = (x == 0 ? 0.0 : x).bitPattern  // -0.0 equals 0.0
            return bits & signBit != 0 ? ~bits : bits | signBit
        case .null, .string, .json, .stringList: return 0
        }
    }

    /// The first 8 of `length` bytes at `start`, big-endian, zero-padded. Unequal images agree with the byte-wise
    /// order; equal ones decide nothing (padding ties a string that ends with one continuing in NULs).
    @inline(__always)
    private static func textImage(_ arena: UnsafeRawBufferPointer, from start: Int, length: Int) -> UInt64 {
        var image: UInt64 = 0
        var shift: UInt64 = 56
        for i in 0..<min(max(length, 0), 8) {
            image |= UInt64(arena[start + i]) << shift
            shift &-= 8
        }
        return image
    }
}
