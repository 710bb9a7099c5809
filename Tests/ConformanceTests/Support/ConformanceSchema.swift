import Foundation
import StrataModel

/// The repository's schema.graphql and the model built from it (once per process).
enum ConformanceSchema {
    /// `Tests/ConformanceTests/`.
    static let testsDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()

    static let schemaURL = testsDirectory.deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("schema.graphql")

    static func model() throws -> DataModel {
        try cached.get()
    }

    private static let cached: Result<DataModel, ConformanceFailure> = {
        do {
            let sdl = try String(contentsOf: schemaURL, encoding: .utf8)
            return .success(try DataModelBuilder.build(sdl: sdl, name: "schema.graphql", defaultSource: "default"))
        } catch {
            return .failure(ConformanceFailure("schema.graphql does not build: \(error)"))
        }
    }()
}
