/// A stack on which the parser builds the lists of the nodes that are open, so that each finished list
/// is allocated once, at its exact size, instead of growing by doubling.
///
/// Lists nest: a list started while another is being built is finished before it. `finishList(from:)`
/// moves the top elements, from a mark taken with `count`, into a new array.
final class ListStack<Element> {
    private var storage: UnsafeMutablePointer<Element>
    private var capacity: Int
    private(set) var count = 0

    init(capacity: Int = 64) {
        self.capacity = capacity
        self.storage = .allocate(capacity: capacity)
    }

    deinit {
        storage.deinitialize(count: count)  // what an error left behind
        storage.deallocate()
    }

    @inline(__always) func push(_ element: consuming Element) {
        if count == capacity { grow() }
        (storage + count).initialize(to: element)
        count += 1
    }

    /// The elements pushed since `mark`, removed from the stack.
    @inline(__always) func finishList(from mark: Int) -> [Element] {
        let length = count - mark
        if length == 0 { return [] }
        let list = [Element](unsafeUninitializedCapacity: length) { buffer, initialized in
            buffer.baseAddress!.moveInitialize(from: storage + mark, count: length)
            initialized = length
        }
        count = mark
        return list
    }

    @inline(never) private func grow() {
        let larger = UnsafeMutablePointer<Element>.allocate(capacity: capacity * 2)
        larger.moveInitialize(from: storage, count: count)
        storage.deallocate()
        storage = larger
        capacity *= 2
    }
}
