public import StrataStorage

/// The adapters of a server by source name. Every read and write of the executor goes through here.
public struct StorageRouter: Sendable {
    private let adapters: [String: any StorageAdapter]
    public let defaultSource: String

    public init(adapters: [String: any StorageAdapter], defaultSource: String = "default") {
        self.adapters = adapters
        self.defaultSource = defaultSource
    }

    /// A router with one adapter serving every entity.
    public init(single adapter: any StorageAdapter) {
        self.adapters = [adapter.sourceName: adapter]
        self.defaultSource = adapter.sourceName
    }

    public func adapter(_ source: String) -> (any StorageAdapter)? { adapters[source] ?? nil }

    public var all: [any StorageAdapter] { Array(adapters.values) }
}
