/// Lets one transaction of an adapter run at a time, in arrival order, as the storage contract asks
/// ("adapters serialize writers"): a waiting writer suspends; it never blocks a thread or holds a connection.
actor PostgresWriterGate {
    private var held = false
    private var queue: [CheckedContinuation<Void, Never>] = []
    private var head = 0

    func enter() async {
        guard held else {
            held = true
            return
        }
        await withCheckedContinuation { queue.append($0) }
    }

    /// Hands the gate to the oldest waiter, or opens it.
    func leave() {
        guard head < queue.count else {
            held = false
            return
        }
        let next = queue[head]
        head += 1
        if head == queue.count {
            queue.removeAll(keepingCapacity: true)
            head = 0
        }
        next.resume()
    }
}
