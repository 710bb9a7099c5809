public import Hummingbird
public import Logging
import NIOCore
import ServiceLifecycle

/// The Strata HTTP server: a Hummingbird application around a runtime, whose adapters are closed after the server
/// has drained on graceful shutdown (SIGINT/SIGTERM through `runService()`).
public enum StrataApp {
    /// The application for a runtime. `onServerRunning` receives the bound port (useful with port 0). With
    /// `closesRuntime`, the runtime's adapters are closed on graceful shutdown, after the server has drained.
    public static func makeApplication(
        runtime: StrataRuntime, config: StrataConfig, logger: Logger = Logger(label: "strata"),
        closesRuntime: Bool = true, onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }
    ) -> some ApplicationProtocol {
        Application(
            responder: StrataHTTPResponder(
                runtime: runtime, maxBodyBytes: config.maxBodyBytes, cors: config.cors, explorer: config.explorer),
            configuration: ApplicationConfiguration(
                address: .hostname(config.host, port: config.port), serverName: nil),
            services: closesRuntime ? [RuntimeShutdownService(runtime: runtime)] : [],
            onServerRunning: { channel in
                let port = channel.localAddress?.port ?? config.port
                logger.info("Strata is serving GraphQL at http://\(config.host):\(port)/graphql")
                await onServerRunning(port)
            },
            logger: logger)
    }

    /// Starts the runtime from `config`, serves until SIGINT/SIGTERM, then shuts everything down.
    public static func serve(config: StrataConfig, logger: Logger = Logger(label: "strata")) async throws {
        let runtime = try await StrataRuntime.start(config: config, logger: logger, options: config.executorOptions)
        let app = makeApplication(runtime: runtime, config: config, logger: logger)
        do {
            try await app.runService()
        } catch {
            await runtime.shutdown()
            throw error
        }
        await runtime.shutdown()
    }
}

/// Keeps the runtime's adapters open while the server runs and closes them on graceful shutdown. Services shut down
/// in reverse order, so this one (listed before the server) closes the adapters after in-flight requests finished.
struct RuntimeShutdownService: Service {
    let runtime: StrataRuntime

    func run() async throws {
        try? await gracefulShutdown()
        await runtime.shutdown()
    }
}
