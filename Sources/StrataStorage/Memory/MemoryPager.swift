/// Collects one page from matching rows offered in result order: skips `offset`, keeps up to `limit`, and counts
/// every match when a total is asked for (otherwise the producer may stop once `isDone`).
struct MemoryPager {
    private let offset: Int
    /// `offset + limit`, saturated: the number of leading matches that decide the page.
    let end: Int
    /// Whether the page reports the number of matches.
    let countsAll: Bool
    private(set) var matched = 0
    private var rows: [Row] = []

    init(offset: Int, limit: Int?, includeTotalCount: Bool) {
        self.offset = offset
        self.end = limit.map { offset.addingReportingOverflow($0).overflow ? Int.max : offset + $0 } ?? Int.max
        self.countsAll = includeTotalCount
    }

    /// The half-open range of match positions that the page holds, within `count` matches.
    func window(of count: Int) -> Range<Int> {
        let upper = min(end, count)
        return offset < upper ? offset..<upper : upper..<upper
    }

    /// Whether producing more matches can change the page or its total.
    var isDone: Bool { !countsAll && matched >= end }

    /// Offers the next match in order.
    @inline(__always)
    mutating func offer(_ row: Row) {
        if matched >= offset && matched < end {
            if rows.isEmpty { rows.reserveCapacity(min(end - offset, 1024)) }
            rows.append(row)
        }
        matched += 1
    }

    func page() -> Page { Page(rows: rows, totalCount: countsAll ? matched : nil) }
}
