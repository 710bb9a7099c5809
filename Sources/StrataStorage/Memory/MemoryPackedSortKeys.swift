/// The sort-key values of many rows packed for a fast full sort: per row and term, a NULL flag and a 64-bit
/// order-preserving prefix (numbers, booleans and dates exactly; text as its first 8 UTF-8 bytes), so most
/// comparisons are integer compares that touch no reference counts. Text whose prefixes tie falls back to the
/// byte-wise comparison of the full values, kept alongside.
struct MemoryPackedSortKeys {
    private let terms: [MemoryOrdering.Term]
    /// Per term: whether equal prefixes mean equal values (no fallback needed).
    private let isExact: [Bool]
    /// Row-major: entry `row * terms.count + term`.
    private var prefixes: [UInt64] = []
    private var isNull: [Bool] = []
    /// The original values of inexact terms (`.null` for exact ones), for prefix ties.
    private var values: [StorageValue] = []

    /// Packs the keys of `rows` (in the order given; a row's index here is its identity in `compare`).
    init(_ rows: [Row], ordering: MemoryOrdering, entity: EntityDescriptor) {
        terms = ordering.terms
        let width = terms.count
        var exact: [Bool] = []
        exact.reserveCapacity(width)
        // A column holding an unexpected case (validation rules it out) is compared generically throughout.
        var generic: [Bool] = []
        for term in terms {
            let type = entity.columns[term.column].type
            let uniform = rows.allSatisfy { Self.hasExpectedCase($0.values[term.column], for: type) }
            generic.append(!uniform)
            exact.append(uniform && Self.isExactlyPacked(type))
        }
        isExact = exact
        prefixes.reserveCapacity(rows.count * width)
        isNull.reserveCapacity(rows.count * width)
        let keepsValues = exact.contains(false)
        if keepsValues { values.reserveCapacity(rows.count * width) }
        for row in rows {
            for (t, term) in terms.enumerated() {
                let value = row.values[term.column]
                isNull.append(value.isNull)
                prefixes.append(generic[t] ? 0 : Self.prefix(of: value))
                if keepsValues { values.append(exact[t] ? .null : value) }
            }
        }
    }

    /// -1, 0 or 1: the order of rows `a` and `b` (indexes into the packed rows), without a tie-breaker.
    @inline(__always)
    func compare(_ a: Int, _ b: Int, prefixes: UnsafeBufferPointer<UInt64>, isNull: UnsafeBufferPointer<Bool>,
        values: UnsafeBufferPointer<StorageValue>
    ) -> Int {
        let width = terms.count
        var ia = a * width
        var ib = b * width
        for t in 0..<width {
            defer {
                ia += 1
                ib += 1
            }
            let (na, nb) = (isNull[ia], isNull[ib])
            if na || nb {
                if na && nb { continue }
                return na ? 1 : -1
            }
            var order = 0
            let (pa, pb) = (prefixes[ia], prefixes[ib])
            if pa != pb {
                order = pa < pb ? -1 : 1
            } else if !isExact[t] {
                order = StorageValue.memoryCompare(values[ia], values[ib])
            }
            if order != 0 { return terms[t].descending ? -order : order }
        }
        return 0
    }

    /// `0..<count` sorted by the packed keys, ties broken by index.
    func sortedIndexes(count: Int) -> [Int32] {
        var indexes = (0..<Int32(count)).map { $0 }
        prefixes.withUnsafeBufferPointer { prefixes in
            isNull.withUnsafeBufferPointer { isNull in
                values.withUnsafeBufferPointer { values in
                    indexes.sort { a, b in
                        let order = compare(
                            Int(a), Int(b), prefixes: prefixes, isNull: isNull, values: values)
                        return order != 0 ? order < 0 : a < b
                    }
                }
            }
        }
        return indexes
    }

    private static func isExactlyPacked(_ type: ColumnType) -> Bool {
        switch type {
        case .int, .double, .bool, .timestamp, .date: true
        case .uuid, .string, .enumeration, .json, .stringList: false
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

    /// An order-preserving 64-bit image of a non-NULL value of an expected case.
    @inline(__always)
    private static func prefix(of value: StorageValue) -> UInt64 {
        let signBit: UInt64 = 1 << 63
        switch value {
        case .null, .stringList: return 0
        case .int(let x), .timestamp(let x): return UInt64(bitPattern: x) ^ signBit
        case .date(let x): return UInt64(bitPattern: Int64(x)) ^ signBit
        case .bool(let x): return x ? 1 : 0
        case .double(let x):
            let bits = (x == 0 ? 0.0 : x).bitPattern  // -0.0 equals 0.0
            return bits & signBit != 0 ? ~bits : bits | signBit
        case .string(let s), .json(let s): return textPrefix(s)
        }
    }

    /// The first 8 UTF-8 bytes, big-endian, zero-padded. Equal prefixes decide nothing; unequal ones agree with
    /// the byte-wise order (a shorter string pads with 0, which sorts before every byte it could be compared to,
    /// or ties when the longer one continues with NUL bytes).
    @inline(__always)
    private static func textPrefix(_ s: String) -> UInt64 {
        var result: UInt64 = 0
        var shift: UInt64 = 56
        for byte in s.utf8.prefix(8) {
            result |= UInt64(byte) << shift
            shift &-= 8
        }
        return result
    }
}
