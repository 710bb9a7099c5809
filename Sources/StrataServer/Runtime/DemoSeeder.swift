import StrataDemoData
import StrataStorage

/// Loads the deterministic demo data set through the storage layer.
enum DemoSeeder {
    static func load(into adapter: any StorageAdapter, scale: String) async throws {
        let generator = DemoDataGenerator(model: adapter.model, scale: try DemoDataScale.named(scale))
        try await generator.load(into: adapter)
    }
}
