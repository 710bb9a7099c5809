/// All tables of one memory source at one moment. A value: the adapter publishes immutable snapshots of it and
/// each transaction edits a private copy (copy-on-write, per table).
struct MemoryDatabase: Sendable {
    let schema: MemorySchema
    var tables: [MemoryTable]

    init(schema: MemorySchema) {
        self.schema = schema
        self.tables = schema.entities.map(MemoryTable.init(entity:))
    }

    /// Renumbers slots of tables with many holes; run before publishing.
    mutating func compact() {
        for index in tables.indices { tables[index].compactIfNeeded() }
    }
}

/// A candidate result row with its slot, the final tie-breaker that keeps results deterministic.
struct MemoryCandidate {
    var row: Row
    var slot: Int
}

extension MemoryOrdering {
    /// Sorts, counts and pages candidates (the shared tail of `list` and `related`).
    func page(_ candidates: [MemoryCandidate], offset: Int, limit: Int?, includeTotalCount: Bool) -> Page {
        let total = includeTotalCount ? candidates.count : nil
        let end = limit.map { offset.addingReportingOverflow($0).overflow ? Int.max : offset + $0 } ?? Int.max
        if offset >= candidates.count || end <= offset { return Page(rows: [], totalCount: total) }
        let ordered: [MemoryCandidate]
        if isEmpty {
            ordered = candidates
        } else if end < candidates.count && end <= 512 && end * 4 < candidates.count {
            ordered = smallest(end, of: candidates)
        } else {
            ordered = candidates.sorted(by: precedes)
        }
        let upper = min(end, ordered.count)
        var rows: [Row] = []
        rows.reserveCapacity(upper - offset)
        for i in offset..<upper { rows.append(ordered[i].row) }
        return Page(rows: rows, totalCount: total)
    }

    @inline(__always)
    private func precedes(_ a: MemoryCandidate, _ b: MemoryCandidate) -> Bool {
        let order = compare(a.row, b.row)
        return order != 0 ? order < 0 : a.slot < b.slot
    }

    /// The first `k` candidates in order, without sorting all of them.
    private func smallest(_ k: Int, of candidates: [MemoryCandidate]) -> [MemoryCandidate] {
        var best: [MemoryCandidate] = []
        best.reserveCapacity(k + 1)
        for candidate in candidates {
            if best.count == k {
                guard precedes(candidate, best[k - 1]) else { continue }
                best.removeLast()
            }
            var low = 0
            var high = best.count
            while low < high {
                let mid = (low + high) / 2
                if precedes(best[mid], candidate) { low = mid + 1 } else { high = mid }
            }
            best.insert(candidate, at: low)
        }
        return best
    }
}
