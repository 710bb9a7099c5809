/// Where `JSONOutput` writes bytes: a `[UInt8]` (a response body) or a `ByteArena` (a response's leaves, many
/// small writes per row).
protocol JSONByteSink {
    mutating func append(_ byte: UInt8)
    mutating func append(bytes: UnsafeBufferPointer<UInt8>)
}

extension JSONByteSink {
    @inline(__always) mutating func append(bytes array: [UInt8]) {
        array.withUnsafeBufferPointer { append(bytes: $0) }
    }

    /// The string's UTF-8, as is (the caller knows it needs no escaping).
    @inline(__always) mutating func append(unescaped string: String) {
        var string = string
        string.withUTF8 { append(bytes: $0) }
    }
}

extension Array: JSONByteSink where Element == UInt8 {
    @inline(__always) mutating func append(bytes: UnsafeBufferPointer<UInt8>) { append(contentsOf: bytes) }
}
