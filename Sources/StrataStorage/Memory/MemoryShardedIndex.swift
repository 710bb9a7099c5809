/// A hash index split into shards, so that a transaction's first write to a large table copies one shard
/// (copy-on-write) instead of the whole index.
struct MemoryShardedIndex<Value: Sendable>: Sendable {
    private static var shardMask: Int { 63 }
    private var shards: [[MemoryKey: Value]] = Array(repeating: [:], count: 64)

    /// The shard of `key`: any function that gives equal keys (`MemoryKey ==`) the same shard does, and the
    /// dictionary inside hashes the key anyway, so strings and integers — nearly every key — are not hashed twice
    /// but folded cheaply (spreading keys over shards only matters for the size of a copy; a crafted key set
    /// could crowd one shard, never one hash bucket).
    @inline(__always) private static func shard(_ key: MemoryKey) -> Int {
        switch key.value {
        case .string(let s): return Int(truncatingIfNeeded: UTF8Bytes.fold(s) >> 58)
        case .int(let i), .timestamp(let i):
            return Int(truncatingIfNeeded: (UInt64(bitPattern: i) &* 0x9E37_79B9_7F4A_7C15) >> 58)
        default: return key.hashValue & shardMask
        }
    }

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
