/// A hash index split into shards, so that a transaction's first write to a large table copies one shard
/// (copy-on-write) instead of the whole index.
struct MemoryShardedIndex<Value: Sendable>: Sendable {
    private static var shardMask: Int { 63 }
    private var shards: [[MemoryKey: Value]] = Array(repeating: [:], count: 64)

    @inline(__always) private static func shard(_ key: MemoryKey) -> Int { key.hashValue & shardMask }

    subscript(key: MemoryKey) -> Value? {
        get { shards[Self.shard(key)][key] }
        set { shards[Self.shard(key)][key] = newValue }
    }

    /// Edits the value for `key` in place, starting from `defaultValue` when absent.
    mutating func update<R>(_ key: MemoryKey, default defaultValue: Value, _ body: (inout Value) -> R) -> R {
        body(&shards[Self.shard(key)][key, default: defaultValue])
    }

    mutating func removeAll() {
        for i in shards.indices where !shards[i].isEmpty { shards[i] = [:] }
    }
}
