import CLibPQ
import StrataSQL
import StrataStorage

/// Copies what the adapter needs out of a `PGresult` (rows, counts, error fields) before it is cleared.
enum PostgresResultReader {
    /// The rows in result-column order, or with a `layout` straight in it (JSON columns, which arrive as text,
    /// get their storage case).
    static func copyRows(_ result: OpaquePointer, layout: ResultLayout? = nil) throws(PostgresValueCodec.DecodeError)
        -> PostgresQueryResult
    {
        let rowCount = Int(PQntuples(result))
        let columnCount = Int(PQnfields(result))
        var copied = PostgresQueryResult()
        copied.columnNames.reserveCapacity(columnCount)
        copied.columnTypeOIDs.reserveCapacity(columnCount)
        for column in 0..<columnCount {
            copied.columnNames.append(PQfname(result, Int32(column)).map { String(cString: $0) } ?? "")
            copied.columnTypeOIDs.append(UInt32(PQftype(result, Int32(column))))
        }
        copied.rows.reserveCapacity(rowCount)
        func value(_ row: Int, _ column: Int) throws(PostgresValueCodec.DecodeError) -> StorageValue {
            if PQgetisnull(result, Int32(row), Int32(column)) != 0 { return .null }
            let length = Int(PQgetlength(result, Int32(row), Int32(column)))
            let typeOID = copied.columnTypeOIDs[column]
            guard let pointer = PQgetvalue(result, Int32(row), Int32(column)) else {
                return try PostgresValueCodec.decode("", typeOID: typeOID)
            }
            // `char` and `UInt8` are related types (signed and unsigned variants), which may alias. (Handing the
            // bytes over inside a typed-throws closure passed to `withMemoryRebound` crashed unrelated code.)
            let bytes = UnsafeBufferPointer(start: UnsafeRawPointer(pointer).assumingMemoryBound(to: UInt8.self), count: length)
            return try PostgresValueCodec.decode(bytes: bytes, typeOID: typeOID)
        }
        if let layout {
            let sources = layout.sources(available: columnCount)
            // Decided once per column: matching each value's `ColumnType` (an enum holding references) retained it.
            let isJSON = sources.map { column in
                if column >= 0, case .json? = layout.types[column] { return true }
                return false
            }
            for row in 0..<rowCount {
                var values: [StorageValue] = []
                values.reserveCapacity(sources.count)
                for position in 0..<sources.count {
                    let column = sources[position]
                    guard column >= 0 else {
                        values.append(.null)
                        continue
                    }
                    let decoded = try value(row, column)
                    values.append(isJSON[position] ? PostgresValueCodec.adapt(decoded, to: .json) : decoded)
                }
                copied.rows.append(values)
            }
        } else {
            for row in 0..<rowCount {
                var values: [StorageValue] = []
                values.reserveCapacity(columnCount)
                for column in 0..<columnCount { values.append(try value(row, column)) }
                copied.rows.append(values)
            }
        }
        copied.affectedRows = rowCount
        return copied
    }

    static func affectedRows(_ result: OpaquePointer) -> Int {
        guard let text = PQcmdTuples(result) else { return 0 }
        return Int(String(cString: text)) ?? 0
    }

    /// Copies the error fields out before the result is cleared.
    static func copyError(_ result: OpaquePointer, fallback: String) -> PostgresServerError {
        func field(_ code: StrataPQDiagnosticField) -> String? {
            PQresultErrorField(result, Int32(code.rawValue)).map { String(cString: $0) }
        }
        let message = field(STRATA_PG_DIAG_MESSAGE_PRIMARY) ?? fallback
        return PostgresServerError(
            sqlState: field(STRATA_PG_DIAG_SQLSTATE), severity: field(STRATA_PG_DIAG_SEVERITY_NONLOCALIZED),
            message: message, detail: field(STRATA_PG_DIAG_MESSAGE_DETAIL), table: field(STRATA_PG_DIAG_TABLE_NAME),
            column: field(STRATA_PG_DIAG_COLUMN_NAME), constraint: field(STRATA_PG_DIAG_CONSTRAINT_NAME))
    }
}
