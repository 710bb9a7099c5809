import StrataExecution
import StrataJSON
import StrataModel
import StrataStorage
import Testing

/// One backend's database loaded with a dataset, with an executor over it.
struct ConformanceDatabase: Sendable {
    /// The clock every request sees: 2025-01-02T03:04:05.678901Z.
    static let now: Int64 = 1_735_787_045_678_901
    /// The actor of every request (Alice).
    static let actor = "a0000000-0000-4000-8000-000000000001"

    let backend: ConformanceBackend
    let model: DataModel
    let adapter: any StorageAdapter
    let executor: Executor

    /// A fresh database of `backend` loaded with `dataset`; nil when the backend is unavailable here (skip).
    static func open(
        _ backend: ConformanceBackend, dataset: FixtureDataset? = nil, options: ExecutorOptions = ExecutorOptions()
    ) async throws -> ConformanceDatabase? {
        let model = try ConformanceSchema.model()
        guard let adapter = try await backend.open(model.storage) else { return nil }
        do {
            try await (dataset ?? FixtureDataset.standard(model)).load(into: adapter, model: model)
        } catch {
            await adapter.close()
            throw error
        }
        return ConformanceDatabase(
            backend: backend, model: model, adapter: adapter,
            executor: Executor(model: model, storage: StorageRouter(single: adapter), options: options))
    }

    /// Runs one operation with the pinned clock and actor.
    func run(
        _ query: String, variables: [String: JSONValue] = [:], operationName: String? = nil,
        reportStatements: Bool = false
    ) async -> (json: JSONValue, response: GraphQLResponse) {
        let response = await executor.execute(
            GraphQLRequest(query: query, operationName: operationName, variables: variables),
            context: RequestContext(actorID: Self.actor, reportStatements: reportStatements, now: Self.now))
        let json = (try? JSONParser.parse(response.body)) ?? .string("<invalid JSON: \(response.bodyText)>")
        return (json, response)
    }

    /// Runs one operation and counts the statements it sent.
    func counting(
        _ query: String, variables: [String: JSONValue] = [:], reportStatements: Bool = false
    ) async -> (json: JSONValue, statements: Int) {
        let recorder = StatementRecorder()
        let (json, _) = await StatementRecorder.$current.withValue(recorder) {
            await run(query, variables: variables, reportStatements: reportStatements)
        }
        return (json, recorder.totalStatements)
    }

    /// Row counts per entity, read straight from storage (soft-deleted rows included).
    func rowCounts() async throws -> [String: Int] {
        var counts: [String: Int] = [:]
        for entity in model.storage.entities {
            let page = try await adapter.list(
                ListRequest(entity: entity.name, limit: 0, includeTotalCount: true))
            counts[entity.name] = page.totalCount ?? -1
        }
        return counts
    }

    func close() async { await adapter.close() }
}
