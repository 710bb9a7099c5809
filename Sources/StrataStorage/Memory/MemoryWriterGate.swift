/// Serializes memory-adapter transactions without blocking a thread: a waiting writer suspends, and `release()`
/// hands the gate straight to the longest-waiting writer.
actor MemoryWriterGate {
    private var isHeld = false
    private var waiters: [CheckedContinuation<Void, Never>] = []
    private var nextWaiter = 0

    func acquire() async {
        if !isHeld {
            isHeld = true
            return
        }
        await withCheckedContinuation { waiters.append($0) }
    }

    func release() {
        if nextWaiter < waiters.count {
            let waiter = waiters[nextWaiter]
            nextWaiter += 1
            if nextWaiter == waiters.count {
                waiters.removeAll(keepingCapacity: true)
                nextWaiter = 0
            }
            waiter.resume()  // ownership passes to the waiter; the gate stays held
        } else {
            isHeld = false
        }
    }
}
