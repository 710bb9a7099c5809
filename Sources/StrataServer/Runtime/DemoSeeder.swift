import StrataDemoData
import StrataStorage

/// Loads the deterministic demo data set through the storage layer.
enum DemoSeeder {
    /// `small`, `benchmark`, or a positive number multiplying `small`.
    static func scale(named name: String) -> DemoDataScale? { DemoDataScale.named(name) }

    static func load(into adapter: any StorageAdapter, scale name: String) async throws {
        guard let scale = scale(named: name) else {
            throw ConfigError.badValue(key: "demoScale", value: name, expected: "small, benchmark or a positive multiple of small")
        }
        try await DemoDataGenerator(model: adapter.model, scale: scale).load(into: adapter)
    }
}
