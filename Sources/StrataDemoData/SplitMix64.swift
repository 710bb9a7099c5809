/// A small, fast, seedable pseudo-random generator (SplitMix64), so that demo data is identical on every run and
/// machine. Each row seeds its own generator from (entity, index), so rows do not depend on generation order.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    /// The generator for row `index` of the entity with demo code `entity`.
    init(entity: UInt64, index: Int) {
        self.init(seed: entity &* 0xD1B5_4A32_D192_ED03 ^ UInt64(truncatingIfNeeded: index) &* 0x9E37_79B9_7F4A_7C15)
        _ = next()
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniform integer in `range` (the tiny modulo bias is irrelevant for demo data, and the result is exact).
    mutating func int(_ range: Range<Int>) -> Int {
        precondition(!range.isEmpty)
        return range.lowerBound + Int(next() % UInt64(range.count))
    }

    mutating func int(_ range: ClosedRange<Int>) -> Int { int(range.lowerBound..<(range.upperBound + 1)) }

    /// True with probability `percent`/100.
    mutating func percent(_ percent: Int) -> Bool { next() % 100 < UInt64(percent) }

    mutating func pick<T>(_ values: [T]) -> T { values[int(0..<values.count)] }

    /// An index into `weights`, chosen with probability proportional to its weight.
    mutating func weighted(_ weights: [Int]) -> Int {
        var roll = int(0..<weights.reduce(0, +))
        for (index, weight) in weights.enumerated() {
            if roll < weight { return index }
            roll -= weight
        }
        return weights.count - 1
    }

    /// Up to `count` distinct elements of `values`, in their list order.
    mutating func distinct(_ count: Int, of values: [String]) -> [String] {
        var chosen = Set<Int>()
        while chosen.count < min(count, values.count) { chosen.insert(int(0..<values.count)) }
        return chosen.sorted().map { values[$0] }
    }
}
