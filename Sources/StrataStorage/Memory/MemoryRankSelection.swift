/// Partial sorting of rank arrays (unique `Int32`s): the smallest `count` ranks in ascending order at the front.
enum MemoryRankSelection {
    /// Above this many ranks, a short prefix is selected before sorting instead of sorting everything.
    private static var selectionThreshold: Int { 64 }

    /// Reorders `ranks` so that `ranks[0..<count]` are its `count` smallest values, ascending. The rest is left
    /// in no particular order.
    static func sortPrefix(_ ranks: inout [Int32], through count: Int) {
        let n = ranks.count
        if count <= 0 { return }
        if count >= n || n <= selectionThreshold || count * 4 > n {
            ranks.sort()
            return
        }
        ranks.withUnsafeMutableBufferPointer { buffer in
            select(buffer, kth: count - 1)
            buffer[0..<count].sort()
        }
    }

    /// Quickselect (Hoare partition, median-of-three pivot): afterwards `buffer[k]` holds the value it would hold
    /// if sorted, with nothing larger before it and nothing smaller after it.
    private static func select(_ buffer: UnsafeMutableBufferPointer<Int32>, kth k: Int) {
        var low = 0
        var high = buffer.count - 1
        while low < high {
            let mid = low + (high - low) / 2
            let (a, b, c) = (buffer[low], buffer[mid], buffer[high])
            let pivot = max(min(a, b), min(max(a, b), c))
            var i = low
            var j = high
            while i <= j {
                while buffer[i] < pivot { i += 1 }
                while buffer[j] > pivot { j -= 1 }
                if i <= j {
                    buffer.swapAt(i, j)
                    i += 1
                    j -= 1
                }
            }
            if k <= j {
                high = j
            } else if k >= i {
                low = i
            } else {
                return
            }
        }
    }
}
