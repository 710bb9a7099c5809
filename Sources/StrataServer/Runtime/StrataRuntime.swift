import Foundation
public import Logging
public import StrataExecution
public import StrataModel
public import StrataStorage
import Synchronization

/// A running Strata instance without its transport: the data model, one open adapter per source and the executor.
/// The HTTP server, `strata query` and `StrataTesting` all execute through one of these.
public final class StrataRuntime: Sendable {
    public let model: DataModel
    public let executor: Executor
    /// Open adapters by source name.
    public let adapters: [String: any StorageAdapter]
    private let isShutDown = Mutex(false)

    /// Wraps already-open adapters (they are closed by `shutdown()`).
    public init(model: DataModel, adapters: [String: any StorageAdapter], options: ExecutorOptions = ExecutorOptions()) {
        self.model = model
        self.adapters = adapters
        self.executor = Executor(
            model: model, storage: StorageRouter(adapters: adapters, defaultSource: StrataConfig.defaultSourceName),
            options: options)
    }

    /// Reads the schema, opens every source, migrates SQL sources when `migrate` is set, and seeds empty sources
    /// with demo data when `seed` is set (by default: `config.shouldSeedIfEmpty`). Anything opened is closed again
    /// when a later step fails.
    public static func start(
        config: StrataConfig, logger: Logger = Logger(label: "strata"), migrate: Bool = true, seed: Bool? = nil,
        options: ExecutorOptions = ExecutorOptions()
    ) async throws(RuntimeError) -> StrataRuntime {
        let model = try loadModel(schemaPath: config.schemaPath)
        let sourceModels = try storageModels(of: model, config: config)
        var adapters: [String: any StorageAdapter] = [:]
        do throws(RuntimeError) {
            for (name, storage) in sourceModels.sorted(by: { $0.key < $1.key }) {
                guard let source = config.sources[name] else { throw RuntimeError.config(.undefinedSource(name)) }
                let adapter = try await SourceOpener.open(source, name: name, model: storage)
                adapters[name] = adapter
                logger.info("opened source", metadata: ["source": "\(name)", "backend": "\(source.backend.rawValue)"])
                if migrate && source.backend != .memory {
                    do {
                        try await adapter.migrate()
                    } catch {
                        throw RuntimeError.source(name: name, error)
                    }
                }
            }
        } catch {
            for adapter in adapters.values { await adapter.close() }
            throw error
        }
        let runtime = StrataRuntime(model: model, adapters: adapters, options: options)
        if seed ?? config.shouldSeedIfEmpty {
            do throws(RuntimeError) {
                for name in adapters.keys.sorted() {
                    let outcome = try await runtime.seed(source: name, scale: config.effectiveDemoScale, force: false)
                    if case .seeded(let rows) = outcome {
                        logger.info("seeded demo data", metadata: ["source": "\(name)", "rows": "\(rows)"])
                    }
                }
            } catch {
                await runtime.shutdown()
                throw error
            }
        }
        return runtime
    }

    /// Builds the data model from a schema file.
    public static func loadModel(schemaPath: String) throws(RuntimeError) -> DataModel {
        let sdl: String
        do {
            sdl = try String(contentsOfFile: schemaPath, encoding: .utf8)
        } catch {
            throw .schemaUnreadable(path: schemaPath, reason: (error as NSError).localizedDescription)
        }
        do {
            return try DataModelBuilder.build(sdl: sdl, name: schemaPath, defaultSource: StrataConfig.defaultSourceName)
        } catch {
            throw .schemaInvalid(path: schemaPath, error)
        }
    }

    /// The storage model of every source: the entities whose type names it (`@source`), in dependency order.
    /// The default source is always present, even when no type uses it.
    static func storageModels(of model: DataModel, config: StrataConfig) throws(RuntimeError) -> [String: StorageModel] {
        var result: [String: StorageModel] = [:]
        for source in Set(model.sources + [StrataConfig.defaultSourceName]) {
            guard config.sources[source] != nil else { throw .config(.undefinedSource(source)) }
            result[source] = model.storageModel(forSource: source)
        }
        return result
    }

    /// Runs one request in-process.
    public func execute(_ request: GraphQLRequest, context: RequestContext = RequestContext()) async -> GraphQLResponse {
        await executor.execute(request, context: context)
    }

    /// Creates or updates the tables of every source (idempotent; nothing to do in memory).
    public func migrate() async throws(RuntimeError) {
        for name in adapters.keys.sorted() {
            guard let adapter = adapters[name] else { continue }
            do {
                try await adapter.migrate()
            } catch {
                throw .source(name: name, error)
            }
        }
    }

    /// Whether none of a source's tables holds a row (one `LIMIT 1` read per table).
    public func isEmpty(source: String) async throws(RuntimeError) -> Bool {
        guard let adapter = adapters[source] else { throw .config(.undefinedSource(source)) }
        for entity in adapter.model.entities {
            let page: Page
            do {
                page = try await adapter.list(
                    ListRequest(entity: entity.name, limit: 1, columns: [entity.primaryKeyColumn.name]))
            } catch {
                throw .source(name: source, error)
            }
            if !page.rows.isEmpty { return false }
        }
        return true
    }

    /// What `seed(source:scale:force:)` did.
    public enum SeedOutcome: Sendable, Hashable {
        /// The demo data was loaded; `rows` counts the rows of the source afterwards (an estimate by table).
        case seeded(rows: Int)
        /// The source already held data and `force` was not set.
        case skippedNotEmpty
        /// The source serves no tables.
        case nothingToSeed
    }

    /// Loads the demo data set into one source, unless it already holds data and `force` is off.
    public func seed(source: String, scale: String, force: Bool) async throws(RuntimeError) -> SeedOutcome {
        guard let adapter = adapters[source] else { throw .config(.undefinedSource(source)) }
        guard !adapter.model.entities.isEmpty else { return .nothingToSeed }
        if !force, try await !isEmpty(source: source) { return .skippedNotEmpty }
        do {
            try await DemoSeeder.load(into: adapter, scale: scale)
        } catch {
            throw .seedFailed(source: source, reason: "\(error)")
        }
        return .seeded(rows: await rowEstimate(adapter))
    }

    private func rowEstimate(_ adapter: any StorageAdapter) async -> Int {
        var total = 0
        for entity in adapter.model.entities {
            let page = try? await adapter.list(
                ListRequest(entity: entity.name, limit: 0, includeTotalCount: true, columns: [entity.primaryKeyColumn.name]))
            total += page?.totalCount ?? 0
        }
        return total
    }

    /// Closes every adapter once; later calls do nothing.
    public func shutdown() async {
        let first = isShutDown.withLock { done in
            defer { done = true }
            return !done
        }
        guard first else { return }
        for adapter in adapters.values { await adapter.close() }
    }
}
