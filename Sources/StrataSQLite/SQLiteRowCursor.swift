import CSQLite3
import StrataSQL
import StrataStorage

/// The row a statement is on, read as a `StoredRowCursor`: entity column `c` is result column `sources[c]` (-1: not
/// fetched), decoded as `SQLiteConnection.query(_:layout:)` decodes it. Lives only while the statement is on the row.
struct SQLiteRowCursor: StoredRowCursor {
    let statement: SQLiteStatement
    let sources: [Int]
    let decoders: [SQLiteStatement.ColumnDecoder]

    var width: Int { sources.count }

    func isNull(at column: Int) -> Bool {
        let source = sources[column]
        return source < 0 || sqlite3_column_type(statement.handle, Int32(source)) == SQLITE_NULL
    }

    func value(at column: Int) -> StorageValue {
        let source = sources[column]
        guard source >= 0 else { return .null }
        // The values that can fail to decode were decoded before the row was handed over (`checkDecodable`).
        return (try? statement.value(at: source, decoder: decoders[column])) ?? .null
    }

    func asciiText(at column: Int) -> UnsafeBufferPointer<UInt8>? {
        let source = Int32(sources[column])
        // Only a column decoded as text whose value is stored as text: its bytes are the decoded string's when
        // they are ASCII (`String(decoding:as:)` changes only invalid UTF-8, and ASCII is valid).
        guard source >= 0, decoders[column] == .text, sqlite3_column_type(statement.handle, source) == SQLITE_TEXT
        else { return nil }
        guard let text = sqlite3_column_text(statement.handle, source) else { return nil }
        let bytes = UnsafeBufferPointer(start: text, count: Int(sqlite3_column_bytes(statement.handle, source)))
        return ASCIIText.isASCII(bytes) ? bytes : nil
    }

    /// Decodes every fetched value that can fail (stored dates and lists), in column order, so the row fails the
    /// read with the error `query(_:layout:)` gives for it.
    func checkDecodable(_ fallible: [Int]) throws(StorageError) {
        for column in fallible { _ = try statement.value(at: sources[column], decoder: decoders[column]) }
    }
}

extension SQLiteConnection {
    /// Runs a rendered read (cached by text) and hands each row to `writer`, as `query(_:layout:)` would decode it;
    /// false when the writer refused a row.
    func stream<Writer: StoredRowWriter>(_ statement: SQLStatement, layout: ResultLayout, into writer: inout Writer)
        throws(StorageError) -> Bool
    {
        try withStatement(statement.text, cached: true) { prepared throws(StorageError) in
            try prepared.bind(statement.bindings, db: handle)
            let sources = layout.sources(available: prepared.columnCount)
            let decoders = sources.map { SQLiteStatement.ColumnDecoder($0 < 0 ? nil : layout.types[$0]) }
            let fallible = decoders.indices.filter { sources[$0] >= 0 && (decoders[$0] == .date || decoders[$0] == .stringList) }
            let cursor = SQLiteRowCursor(statement: prepared, sources: sources, decoders: decoders)
            let row: any StoredRowCursor = cursor
            while true {
                let rc = sqlite3_step(prepared.handle)
                if rc == SQLITE_DONE { return true }
                guard rc == SQLITE_ROW else { throw SQLiteFailure.error(handle, rc, while: "running a statement") }
                if !fallible.isEmpty { try cursor.checkDecodable(fallible) }
                guard writer.write(row) else { return false }
            }
        }
    }
}
