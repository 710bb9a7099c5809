import NIOCore
import NIOPosix

/// Where Swift concurrency runs the server's tasks.
///
/// Hummingbird reads and writes sockets on NIO's event loops but runs every connection's handler as a Swift task.
/// By default those tasks run on Swift's cooperative pool, so each request crosses threads at least twice (the event
/// loop hands the request to a pool thread, the pool thread hands the response back), and on a small machine the
/// pool's threads and the event loops compete for the same cores. `install()` makes NIO's singleton event loops
/// (the group Hummingbird serves on) Swift's global executor: a request's task then resumes on the event loop that
/// read it and writes its response without a hop.
///
/// The rule that blocking calls never run on the cooperative pool becomes "never on an event loop", which is the
/// same place now: the SQL adapters already run their C calls on their own thread pools.
public enum EventLoopExecutor {
    /// Installs NIO's singleton event loop group as Swift concurrency's global executor, with `threads` event loops
    /// (nil: one per core). Call it once, from the main thread, before any task starts and before anything touches
    /// `MultiThreadedEventLoopGroup.singleton`. Returns whether the hook was installed (it is not on toolchains whose
    /// runtime lacks the hook); when it is not, tasks keep running on the cooperative pool.
    @discardableResult
    public static func install(threads: Int? = nil) -> Bool {
        if let threads, threads > 0 { NIOSingletons.groupLoopCountSuggestion = threads }
        return NIOSingletons.unsafeTryInstallSingletonPosixEventLoopGroupAsConcurrencyGlobalExecutor()
    }

    /// Sets the number of NIO's singleton event loops without installing them as the global executor. Call it
    /// before anything touches `MultiThreadedEventLoopGroup.singleton`.
    public static func setThreadCount(_ threads: Int) {
        NIOSingletons.groupLoopCountSuggestion = threads
    }
}
