/// One row of a read while the adapter's statement is on it: a column's value decoded on demand, or a text
/// column's bytes read where the database holds them. Valid only during the `StoredRowWriter.write` call it is
/// handed to.
///
/// Columns are the entity's (`EntityDescriptor.columns`), as in `Row`: a column the request did not fetch reads
/// as `.null`. Every value that can fail to decode (a malformed stored date or list) has been decoded before the
/// row is handed over, and a read with one fails as `list` fails; so reading a column cannot fail.
public protocol StoredRowCursor {
    /// The number of columns (the entity's).
    var width: Int { get }
    func isNull(at column: Int) -> Bool
    /// The value `list` would have put in the row's `column`.
    func value(at column: Int) -> StorageValue
    /// The UTF-8 bytes of a non-null text column when they are exactly the bytes of the `String` that `value(at:)`
    /// returns (ASCII text); nil otherwise (then read `value(at:)`). Valid until the cursor moves on.
    func asciiText(at column: Int) -> UnsafeBufferPointer<UInt8>?
}

/// Takes a read's rows one at a time, in the read's order, on the adapter's own thread, so a caller that turns rows
/// into bytes (the executor's direct reads) need not build them as `Row` values first. A value type handed to the
/// adapter and returned by it.
public protocol StoredRowWriter: Sendable {
    /// Takes one row; false when it cannot, and the read stops (the caller then reads the usual way).
    mutating func write(_ row: any StoredRowCursor) -> Bool
}

/// An adapter that can hand a list's rows to a `StoredRowWriter` as its statement produces them. Adapters without
/// it are read through `list`.
public protocol RowStreamingAdapter: StorageAdapter {
    /// Runs `request` as `list` would and gives `writer` each row of the page, in order; returns the writer, or nil
    /// when this request cannot be streamed (it asks for a total count, say) or the writer refused a row — the
    /// caller then reads with `list`. Fails as `list` fails.
    func list<Writer: StoredRowWriter>(_ request: ListRequest, streamingInto writer: Writer)
        async throws(StorageError) -> Writer?
}

/// Whether UTF-8 bytes are all ASCII (below 0x80), read eight at a time: the test a cursor makes before handing
/// text over as its own bytes (`StoredRowCursor.asciiText(at:)`).
public enum ASCIIText {
    public static func isASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return true }
        let raw = UnsafeRawPointer(base)
        let count = bytes.count
        var offset = 0
        var seen: UInt64 = 0
        while offset &+ 8 <= count {
            seen |= raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
            offset &+= 8
        }
        while offset < count {
            seen |= UInt64(bytes[offset])
            offset &+= 1
        }
        return seen & 0x8080_8080_8080_8080 == 0
    }
}
