/// Value comparison for the memory adapter: the reference order every backend reproduces.
extension StorageValue {
    /// A small number per case, so values of different cases (which validation normally rules out) still
    /// compare consistently.
    @inline(__always)
    var caseRank: Int {
        switch self {
        case .null: 0
        case .bool: 1
        case .int: 2
        case .double: 3
        case .string: 4
        case .timestamp: 5
        case .date: 6
        case .json: 7
        case .stringList: 8
        }
    }

    /// -1, 0 or 1: the order every backend gives two values of an `orderBy` term, NULLs last in both directions
    /// (`memoryCompare` for the rest). The memory adapter sorts with it; SQL adapters use it to order rows they
    /// number themselves.
    @inline(__always)
    public static func orderCompare(_ a: StorageValue, _ b: StorageValue, descending: Bool) -> Int {
        switch (a.isNull, b.isNull) {
        case (true, true): return 0
        case (true, false): return 1
        case (false, true): return -1
        case (false, false):
            let order = memoryCompare(a, b)
            return descending ? -order : order
        }
    }

    /// Three-way comparison of two non-NULL values: strings (and JSON text) byte-wise, numbers numerically
    /// (`-0.0` equals `0.0`), `false` before `true`, lists element by element.
    @inline(__always)
    static func memoryCompare(_ a: StorageValue, _ b: StorageValue) -> Int {
        switch (a, b) {
        case (.int(let x), .int(let y)): return x == y ? 0 : (x < y ? -1 : 1)
        case (.string(let x), .string(let y)): return UTF8Bytes.compare(x, y)
        case (.timestamp(let x), .timestamp(let y)): return x == y ? 0 : (x < y ? -1 : 1)
        case (.double(let x), .double(let y)): return x == y ? 0 : (x < y ? -1 : 1)
        case (.date(let x), .date(let y)): return x == y ? 0 : (x < y ? -1 : 1)
        case (.bool(let x), .bool(let y)): return x == y ? 0 : (!x ? -1 : 1)
        case (.json(let x), .json(let y)): return UTF8Bytes.compare(x, y)
        case (.stringList(let x), .stringList(let y)):
            for (u, v) in zip(x, y) {
                let c = UTF8Bytes.compare(u, v)
                if c != 0 { return c }
            }
            return x.count == y.count ? 0 : (x.count < y.count ? -1 : 1)
        case (.null, .null): return 0
        default:
            let (x, y) = (a.caseRank, b.caseRank)
            return x == y ? 0 : (x < y ? -1 : 1)
        }
    }

    /// Byte-wise equality (NULL equals NULL here; predicates handle NULL themselves).
    @inline(__always)
    static func memoryEqual(_ a: StorageValue, _ b: StorageValue) -> Bool {
        switch (a, b) {
        case (.int(let x), .int(let y)): return x == y
        case (.string(let x), .string(let y)): return UTF8Bytes.equal(x, y)
        case (.timestamp(let x), .timestamp(let y)): return x == y
        case (.date(let x), .date(let y)): return x == y
        case (.bool(let x), .bool(let y)): return x == y
        case (.double(let x), .double(let y)): return x == y
        default: return memoryCompare(a, b) == 0 && a.caseRank == b.caseRank
        }
    }
}
