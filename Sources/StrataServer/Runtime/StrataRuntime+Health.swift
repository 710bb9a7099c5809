import StrataStorage
import Synchronization

extension StrataRuntime {
    /// Checks every source with one trivial read (the first row's key of its first table), each bounded by `timeout`.
    public func health(timeout: Duration = .seconds(2)) async -> HealthReport {
        await withTaskGroup(of: (String, HealthReport.SourceState).self) { group in
            for (name, adapter) in adapters {
                group.addTask { (name, await Self.probe(adapter, timeout: timeout)) }
            }
            var sources: [String: HealthReport.SourceState] = [:]
            for await (name, state) in group { sources[name] = state }
            return HealthReport(sources: sources)
        }
    }

    static func probe(_ adapter: any StorageAdapter, timeout: Duration) async -> HealthReport.SourceState {
        guard let entity = adapter.model.entities.first else { return .up }
        let request = ListRequest(entity: entity.name, limit: 1, columns: [entity.primaryKeyColumn.name])
        return await firstOf(timeout: timeout, onTimeout: .down("no answer within \(timeout)")) {
            do throws(StorageError) {
                _ = try await adapter.list(request)
                return .up
            } catch {
                return .down(error.description)
            }
        }
    }

    /// Runs `operation` in its own task and returns its result, or `onTimeout` once `timeout` has passed, whichever
    /// comes first; a hung operation is cancelled and left to finish on its own rather than awaited.
    static func firstOf<T: Sendable>(
        timeout: Duration, onTimeout: T, _ operation: @escaping @Sendable () async -> T
    ) async -> T {
        let once = ResumeOnce<T>()
        return await withCheckedContinuation { (continuation: CheckedContinuation<T, Never>) in
            once.set(continuation)
            let work = Task { await operation() }
            let timer = Task {
                do { try await Task.sleep(for: timeout) } catch { return }
                if once.resume(returning: onTimeout) { work.cancel() }
            }
            Task {
                let value = await work.value
                once.resume(returning: value)
                timer.cancel()
            }
        }
    }
}

/// A continuation resumed by whichever of several tasks gets there first.
private final class ResumeOnce<T: Sendable>: Sendable {
    private let continuation = Mutex<CheckedContinuation<T, Never>?>(nil)

    func set(_ continuation: CheckedContinuation<T, Never>) {
        self.continuation.withLock { $0 = continuation }
    }

    /// Resumes with `value` unless already resumed; true if this call did it.
    @discardableResult
    func resume(returning value: T) -> Bool {
        guard let pending = continuation.withLock({ $0.take() }) else { return false }
        pending.resume(returning: value)
        return true
    }
}
