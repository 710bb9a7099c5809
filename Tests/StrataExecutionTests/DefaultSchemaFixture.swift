import Foundation
import StrataDemoData
import StrataExecution
import StrataJSON
import StrataModel
import StrataStorage

/// The repository's schema.graphql on the memory backend, filled by the demo-data generator.
enum DefaultSchemaFixture {
    static var schemaPath: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("schema.graphql").path
    }

    static func model() throws -> DataModel {
        let sdl = try String(contentsOfFile: schemaPath, encoding: .utf8)
        return try DataModelBuilder.build(sdl: sdl, name: "schema.graphql", defaultSource: "default")
    }

    /// An executor over a freshly seeded memory adapter.
    static func executor(scale: DemoDataScale = .small, options: ExecutorOptions = ExecutorOptions()) async throws
        -> (Executor, MemoryAdapter)
    {
        let model = try model()
        let adapter = MemoryAdapter(model: model.storage, sourceName: "default")
        try await DemoDataGenerator(model: model.storage, scale: scale).load(into: adapter)
        return (Executor(model: model, storage: StorageRouter(single: adapter), options: options), adapter)
    }
}

extension ExecutionHarness {
    /// Runs `query` and returns the response with the number of storage statements it took.
    func counting(_ query: String, variables: [String: JSONValue] = [:]) async -> (json: JSONValue, statements: Int) {
        let recorder = StatementRecorder()
        let (json, _) = await StatementRecorder.$current.withValue(recorder) { await run(query, variables: variables) }
        return (json, recorder.totalStatements)
    }
}
