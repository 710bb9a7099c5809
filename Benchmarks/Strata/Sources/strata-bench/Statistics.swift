import Foundation

/// Wall-clock timing and the statistics the report quotes (median and minimum).
let clock = ContinuousClock()

extension Duration {
    var seconds: Double {
        let (seconds, attoseconds) = components
        return Double(seconds) + Double(attoseconds) * 1e-18
    }
}

/// The per-operation times of one measurement, in seconds.
struct Sample {
    var times: [Double]

    var median: Double {
        let sorted = times.sorted()
        let n = sorted.count
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2
    }

    var min: Double { times.min() ?? 0 }
}

/// Keeps benchmarked results observable so the optimiser cannot drop the work.
nonisolated(unsafe) var sink = 0

/// Times `body` `runs` times after `warmup` untimed calls. An operation much shorter than `minRunSeconds` is
/// repeated within each run (the count is calibrated once) and the run's time divided by the repetitions.
func measure(
    runs: Int, warmup: Int, minRunSeconds: Double = 0.002, _ body: () async throws -> Int
) async rethrows -> Sample {
    let repetitions = try await calibratedRepetitions(warmup: warmup, minRunSeconds: minRunSeconds, body)
    var times: [Double] = []
    times.reserveCapacity(runs)
    for _ in 0..<runs { times.append(try await timedRun(repetitions, body)) }
    return Sample(times: times)
}

/// The time of one run of `repetitions` calls, divided by `repetitions`.
private func timedRun(_ repetitions: Int, _ body: () async throws -> Int) async rethrows -> Double {
    let start = clock.now
    for _ in 0..<repetitions { sink &+= try await body() }
    return (clock.now - start).seconds / Double(repetitions)
}

/// Runs `body` `warmup` times (at least once), untimed but for the fastest call, and returns how many calls make
/// one run last at least `minRunSeconds`.
private func calibratedRepetitions(
    warmup: Int, minRunSeconds: Double, _ body: () async throws -> Int
) async rethrows -> Int {
    var single = Double.infinity
    for _ in 0..<max(1, warmup) {
        let start = clock.now
        sink &+= try await body()
        single = Swift.min(single, (clock.now - start).seconds)
    }
    return max(1, Int(minRunSeconds / Swift.max(single, 1e-9)))
}

/// Times several operations in turns (one run of each, round after round) so that the machine's slow and fast
/// moments fall on all of them alike: on a shared machine, timing one operation's runs after another's lets a
/// burst of load land on one side of a ratio. Each operation is repeated within a run as `measure` does; a nil
/// operation is skipped (its sample is a single 0).
func measureInTurns(
    runs: Int, warmup: Int, minRunSeconds: Double = 0.002, _ bodies: [(() async throws -> Int)?]
) async throws -> [Sample] {
    var repetitions: [Int] = []
    for body in bodies {
        guard let body else {
            repetitions.append(0)
            continue
        }
        repetitions.append(try await calibratedRepetitions(warmup: warmup, minRunSeconds: minRunSeconds, body))
    }
    var times = [[Double]](repeating: [], count: bodies.count)
    for _ in 0..<runs {
        for (index, body) in bodies.enumerated() {
            guard let body else { continue }
            times[index].append(try await timedRun(repetitions[index], body))
        }
    }
    return times.map { Sample(times: $0.isEmpty ? [0] : $0) }
}

/// FNV-1a over bytes: a cheap fingerprint of a response.
func fnv1a(_ bytes: some Sequence<UInt8>) -> String {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
    return String(hash, radix: 16)
}

/// Runs `body` on the global executor while the calling thread waits, and returns when it is done (exiting on an
/// error). Used by the untimed count modes before `main` first suspends: an async `main` that suspends parks the
/// main thread in `sigsuspend` (libdispatch's `dispatch_main`), which valgrind 3.19 cannot follow; a main thread
/// blocked on a semaphore it can.
func runBlocking(_ body: @escaping @Sendable () async throws -> Void) {
    let done = DispatchSemaphore(value: 0)
    Task.detached {
        do { try await body() } catch {
            print("error: \(error)")
            exit(1)
        }
        done.signal()
    }
    done.wait()
}
