extension Array {
    /// `count` copies of `value`, appended into a buffer reserved once. `Array(repeating:count:)` reaches the
    /// standard library's unspecialized buffer allocation, which looks the array's type up in the runtime's cache
    /// on every call (~650 instructions); this specializes with its caller.
    static func filled(_ value: Element, count: Int) -> [Element] {
        var array: [Element] = []
        array.reserveCapacity(count)
        for _ in 0..<count { array.append(value) }
        return array
    }
}
