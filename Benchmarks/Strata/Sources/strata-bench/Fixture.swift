import StrataDemoData
import StrataExecution
import StrataModel
import StrataStorage

/// The data model of schema.graphql and an executor over an adapter holding the benchmark-scale demo data.
struct Fixture {
    let model: DataModel

    init(schemaPath: String) {
        do {
            model = try DataModelBuilder.build(sdl: readText(schemaPath), name: schemaPath)
        } catch {
            fail("cannot build the data model of \(schemaPath): \(error)")
        }
    }

    /// Loads the benchmark scale (1,000 users, 200 projects, 20,000 tasks, 50,000 emission records).
    func load(into adapter: any StorageAdapter) async throws -> Double {
        let start = clock.now
        try await DemoDataGenerator(model: model.storage, scale: .benchmark).load(into: adapter)
        return (clock.now - start).seconds
    }

    /// An executor over one adapter. `cacheDocuments: false` makes every request parse and validate again.
    func executor(_ adapter: any StorageAdapter, maxBatchSize: Int = 1_000, cacheDocuments: Bool = true) -> Executor {
        Executor(
            model: model, storage: StorageRouter(single: adapter),
            options: ExecutorOptions(maxBatchSize: maxBatchSize, documentCacheCapacity: cacheDocuments ? 1_000 : 0))
    }
}

extension Executor {
    /// Runs `query` and fails the benchmark on any error or wrong row count; returns the body.
    func checkedBody(_ query: BenchQuery) async -> [UInt8] {
        let response = await execute(GraphQLRequest(query: query.text))
        guard response.errors.isEmpty, case .executed = response.outcome else {
            fail("\(query.name) failed: \(response.bodyText.prefix(600))")
        }
        let found = BenchQueries.count(field: query.check.field, in: response.body)
        guard found == query.check.count else {
            fail("\(query.name): expected \(query.check.count) \"\(query.check.field)\" in the response, found \(found)")
        }
        return response.body
    }

    /// Statements the storage received for one execution of `query`.
    func statementCount(_ query: BenchQuery) async -> Int {
        let recorder = StatementRecorder()
        _ = await StatementRecorder.$current.withValue(recorder) {
            await execute(GraphQLRequest(query: query.text))
        }
        return recorder.totalStatements
    }
}
