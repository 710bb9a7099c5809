import CLibPQ
import StrataSQL
import StrataStorage

/// The rows of a `PGresult` as a `StoredRowCursor`, one at a time, decoded as `PostgresResultReader.copyRows`
/// decodes them: entity column `c` is result column `sources[c]` (-1: not fetched). Before a row is handed over,
/// every fetched value that is not plain text (numbers, times, lists, JSON: the ones whose decoding can fail) is
/// decoded, in column order, so a malformed one fails the read where `copyRows` fails it; text is read when asked
/// for, as the result's own bytes when they are ASCII.
final class PostgresRowCursor: StoredRowCursor {
    private let result: OpaquePointer
    private let sources: [Int]
    private let typeOIDs: [UInt32]
    /// Per entity column: fetched, decoded as `.string` of its bytes and not turned into JSON by the layout.
    private let plainText: [Bool]
    private let isJSON: [Bool]
    /// The current row's values of the fetched columns that are not plain text.
    private var decoded: [StorageValue]
    private var row: Int32 = 0

    private init(_ result: OpaquePointer, layout: ResultLayout) {
        self.result = result
        let columnCount = Int(PQnfields(result))
        let sources = layout.sources(available: columnCount)
        let typeOIDs = sources.map { $0 < 0 ? 0 : UInt32(PQftype(result, Int32($0))) }
        let isJSON = sources.map { column in
            if column >= 0, case .json? = layout.types[column] { return true }
            return false
        }
        self.sources = sources
        self.typeOIDs = typeOIDs
        self.isJSON = isJSON
        plainText = sources.indices.map { column in
            sources[column] >= 0 && !isJSON[column] && PostgresValueCodec.decodesAsText(typeOIDs[column])
        }
        decoded = [StorageValue](repeating: .null, count: sources.count)
    }

    var width: Int { sources.count }

    func isNull(at column: Int) -> Bool {
        let source = sources[column]
        return source < 0 || PQgetisnull(result, row, Int32(source)) != 0
    }

    func value(at column: Int) -> StorageValue {
        guard plainText[column] else { return decoded[column] }
        guard let bytes = bytes(at: column) else { return .null }
        return .string(String(decoding: bytes, as: UTF8.self))
    }

    func asciiText(at column: Int) -> UnsafeBufferPointer<UInt8>? {
        guard plainText[column], let bytes = bytes(at: column) else { return nil }
        return ASCIIText.isASCII(bytes) ? bytes : nil
    }

    /// The bytes of a non-null fetched value of the current row.
    private func bytes(at column: Int) -> UnsafeBufferPointer<UInt8>? {
        let source = Int32(sources[column])
        guard source >= 0, PQgetisnull(result, row, source) == 0 else { return nil }
        let length = Int(PQgetlength(result, row, source))
        guard let pointer = PQgetvalue(result, row, source) else { return UnsafeBufferPointer(start: nil, count: 0) }
        return UnsafeBufferPointer(start: UnsafeRawPointer(pointer).assumingMemoryBound(to: UInt8.self), count: length)
    }

    /// Decodes the current row's values that are not plain text.
    private func decodeRow() throws(PostgresValueCodec.DecodeError) {
        for column in sources.indices where sources[column] >= 0 && !plainText[column] {
            guard let bytes = bytes(at: column) else {
                decoded[column] = .null
                continue
            }
            let value = try PostgresValueCodec.decode(bytes: bytes, typeOID: typeOIDs[column])
            decoded[column] = isJSON[column] ? PostgresValueCodec.adapt(value, to: .json) : value
        }
    }

    /// Hands every row of `result` to `writer`, in order; false when the writer refused one.
    static func stream<Writer: StoredRowWriter>(_ result: OpaquePointer, layout: ResultLayout, into writer: inout Writer)
        throws(PostgresValueCodec.DecodeError) -> Bool
    {
        let cursor = PostgresRowCursor(result, layout: layout)
        let rows = PQntuples(result)
        while cursor.row < rows {
            try cursor.decodeRow()
            guard writer.write(cursor) else { return false }
            cursor.row += 1
        }
        return true
    }
}
