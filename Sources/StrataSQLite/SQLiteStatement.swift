import CSQLite3
import StrataStorage

/// One prepared statement. Its lifetime is the object's: prepared in `init`, finalized in `deinit`. It belongs to
/// one connection and is used by one thread at a time, so it is deliberately not Sendable.
final class SQLiteStatement {
    let handle: OpaquePointer
    let text: String
    let columnCount: Int
    let isReadOnly: Bool

    init(connection db: OpaquePointer, text: String) throws(StorageError) {
        var statement: OpaquePointer?
        var tail: UnsafePointer<CChar>?
        let rc = text.withCString { sql in
            let rc = sqlite3_prepare_v3(db, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &statement, &tail)
            if rc == SQLITE_OK, let tail, !Self.isBlank(tail) { return SQLITE_MISUSE }
            return rc
        }
        guard rc == SQLITE_OK, let statement else {
            let error =
                rc == SQLITE_MISUSE && statement != nil
                ? StorageError(.invalidRequest, "Only one SQL statement can run at a time.")
                : SQLiteFailure.error(db, rc, while: "preparing a statement")
            sqlite3_finalize(statement)
            throw error
        }
        self.handle = statement
        self.text = text
        self.columnCount = Int(sqlite3_column_count(statement))
        self.isReadOnly = sqlite3_stmt_readonly(statement) != 0
    }

    deinit { sqlite3_finalize(handle) }

    private static func isBlank(_ text: UnsafePointer<CChar>) -> Bool {
        var p = text
        while p.pointee != 0 {
            switch UInt8(bitPattern: p.pointee) {
            case UInt8(ascii: " "), 0x0A, 0x0D, 0x09, UInt8(ascii: ";"): p += 1
            default: return false
            }
        }
        return true
    }

    /// Binds every value (1-based positions, in order).
    func bind(_ values: [StorageValue], db: OpaquePointer) throws(StorageError) {
        let expected = Int(sqlite3_bind_parameter_count(handle))
        guard expected == values.count else {
            throw StorageError(
                .invalidRequest, "The statement has a different number of parameters.",
                detail: "expected \(expected), got \(values.count)")
        }
        for (offset, value) in values.enumerated() {
            let index = Int32(offset + 1)
            let rc: Int32
            switch value {
            case .null: rc = sqlite3_bind_null(handle, index)
            case .bool(let b): rc = sqlite3_bind_int64(handle, index, b ? 1 : 0)
            case .int(let i), .timestamp(let i): rc = sqlite3_bind_int64(handle, index, i)
            case .double(let d): rc = sqlite3_bind_double(handle, index, d)
            case .string(let s), .json(let s): rc = bindText(s, at: index)
            case .date(let days): rc = bindText(CivilDate.format(daysSinceEpoch: days), at: index)
            case .stringList(let list): rc = bindText(JSONStringArray.encode(list), at: index)
            }
            guard rc == SQLITE_OK else { throw SQLiteFailure.error(db, rc, while: "binding a value") }
        }
    }

    /// Text with its exact byte length (NUL bytes included), copied by SQLite (`SQLITE_TRANSIENT`).
    private func bindText(_ text: String, at index: Int32) -> Int32 {
        var text = text
        return text.withUTF8 { bytes in
            // An empty buffer may have no base address, which SQLite would bind as NULL.
            guard let base = bytes.baseAddress, !bytes.isEmpty else {
                return sqlite3_bind_text(handle, index, "", 0, strata_sqlite3_transient())
            }
            return base.withMemoryRebound(to: CChar.self, capacity: bytes.count) { chars in
                sqlite3_bind_text(handle, index, chars, Int32(bytes.count), strata_sqlite3_transient())
            }
        }
    }

    /// Result column `index` of the current row as a value of `type` (by storage class when `type` is nil).
    func value(at index: Int, as type: ColumnType?) throws(StorageError) -> StorageValue {
        try value(at: index, decoder: ColumnDecoder(type))
    }

    /// How a result column is read: its `ColumnType` without the payload, chosen once per statement, so reading a
    /// value copies no enum that holds references (an `.enumeration`'s names were retained for every value).
    enum ColumnDecoder {
        /// No declared type: the value's own storage class decides.
        case dynamic
        case text, json, int, double, bool, timestamp, date, stringList

        init(_ type: ColumnType?) {
            switch type {
            case nil: self = .dynamic
            case .uuid?, .string?, .enumeration?: self = .text
            case .json?: self = .json
            case .int?: self = .int
            case .double?: self = .double
            case .bool?: self = .bool
            case .timestamp?: self = .timestamp
            case .date?: self = .date
            case .stringList?: self = .stringList
            }
        }
    }

    func value(at index: Int, decoder: ColumnDecoder) throws(StorageError) -> StorageValue {
        let column = Int32(index)
        let storageClass = sqlite3_column_type(handle, column)
        if storageClass == SQLITE_NULL { return .null }
        switch decoder {
        case .dynamic:
            switch storageClass {
            case SQLITE_INTEGER: return .int(sqlite3_column_int64(handle, column))
            case SQLITE_FLOAT: return .double(sqlite3_column_double(handle, column))
            default: return .string(text(at: column))
            }
        case .text: return .string(text(at: column))
        case .json: return .json(text(at: column))
        case .int: return .int(sqlite3_column_int64(handle, column))
        case .double: return .double(sqlite3_column_double(handle, column))
        case .bool: return .bool(sqlite3_column_int64(handle, column) != 0)
        case .timestamp: return .timestamp(sqlite3_column_int64(handle, column))
        case .date:
            let text = text(at: column)
            guard let days = CivilDate.parse(text) else {
                throw StorageError(.internal, "A stored date is malformed.", detail: "'\(text)' in column \(index)")
            }
            return .date(days)
        case .stringList:
            let text = text(at: column)
            guard let list = JSONStringArray.decode(text) else {
                throw StorageError(.internal, "A stored list is malformed.", detail: "column \(index)")
            }
            return .stringList(list)
        }
    }

    private func text(at column: Int32) -> String {
        guard let bytes = sqlite3_column_text(handle, column) else { return "" }
        let count = Int(sqlite3_column_bytes(handle, column))
        return String(decoding: UnsafeBufferPointer(start: bytes, count: count), as: UTF8.self)
    }
}

@available(*, unavailable)
extension SQLiteStatement: Sendable {}
