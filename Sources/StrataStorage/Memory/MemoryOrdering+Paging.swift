extension MemoryOrdering {
    /// Sorts, counts and pages the matching rows (the shared tail of `list` and `related`). Candidates arrive in
    /// slot (insertion) order, and a candidate's position is the final tie-breaker, so results are deterministic.
    func page(_ candidates: [Row], offset: Int, limit: Int?, includeTotalCount: Bool) -> Page {
        let total = includeTotalCount ? candidates.count : nil
        let end = limit.map { offset.addingReportingOverflow($0).overflow ? Int.max : offset + $0 } ?? Int.max
        if offset >= candidates.count || end <= offset { return Page(rows: [], totalCount: total) }
        let upper = min(end, candidates.count)
        var rows: [Row] = []
        rows.reserveCapacity(upper - offset)
        if isEmpty || candidates.count == 1 {
            for i in offset..<upper { rows.append(candidates[i]) }
        } else {
            let order = sortedPositions(candidates, first: upper)
            for i in offset..<upper { rows.append(candidates[order[i]]) }
        }
        return Page(rows: rows, totalCount: total)
    }

    /// Positions of the first `count` candidates in order. A short page of many candidates is selected
    /// without a full sort; otherwise the sort keys are copied once into one flat buffer, so the sort's
    /// comparisons touch no reference counts.
    private func sortedPositions(_ candidates: [Row], first count: Int) -> [Int] {
        if count < candidates.count && count <= 512 && count * 4 < candidates.count {
            return smallest(count, of: candidates.count) { a, b in
                let order = compare(candidates[a], candidates[b])
                return order != 0 ? order < 0 : a < b
            }
        }
        let width = keyCount
        var flat: [StorageValue] = []
        flat.reserveCapacity(candidates.count * width)
        for candidate in candidates { appendKeys(of: candidate, to: &flat) }
        var positions = Array(0..<candidates.count)
        flat.withUnsafeBufferPointer { keys in
            positions.sort { a, b in
                let order = compare(keys, a * width, b * width)
                return order != 0 ? order < 0 : a < b
            }
        }
        return positions
    }

    /// The first `k` positions in order, without sorting all of them.
    private func smallest(_ k: Int, of n: Int, by precedes: (Int, Int) -> Bool) -> [Int] {
        var best: [Int] = []
        best.reserveCapacity(k + 1)
        for candidate in 0..<n {
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
