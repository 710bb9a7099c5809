import CSQLite3
import StrataStorage

/// Translates SQLite result codes into `StorageError`s at the boundary, copying the message out at once
/// (`sqlite3_errmsg` is overwritten by the next call on the connection).
enum SQLiteFailure {
    // Extended constraint codes: function-like macros in sqlite3.h, which Swift does not import.
    static let constraintCheck = SQLITE_CONSTRAINT | (1 << 8)
    static let constraintForeignKey = SQLITE_CONSTRAINT | (3 << 8)
    static let constraintNotNull = SQLITE_CONSTRAINT | (5 << 8)
    static let constraintPrimaryKey = SQLITE_CONSTRAINT | (6 << 8)
    static let constraintUnique = SQLITE_CONSTRAINT | (8 << 8)
    /// What an `ON DELETE RESTRICT` action reports (SQLite implements the actions as internal triggers).
    static let constraintTrigger = SQLITE_CONSTRAINT | (7 << 8)

    /// The error for a failed call on `db`, which must be the very next thing done after the failure.
    static func error(_ db: OpaquePointer?, _ resultCode: Int32, while activity: String) -> StorageError {
        let extended = db.map { sqlite3_extended_errcode($0) } ?? resultCode
        let message =
            db.flatMap { sqlite3_errmsg($0) }.map { String(cString: $0) } ?? String(cString: sqlite3_errstr(resultCode))
        return error(extendedCode: extended, message: message, activity: activity)
    }

    static func error(extendedCode: Int32, message: String, activity: String) -> StorageError {
        let detail = "\(activity): \(message) (SQLite code \(extendedCode))"
        switch extendedCode {
        case constraintUnique, constraintPrimaryKey:
            return StorageError(
                .uniqueViolation, "A row with this value already exists.", detail: detail,
                column: constrainedColumn(message))
        case constraintForeignKey,
            constraintTrigger where message.contains("FOREIGN KEY"):
            return StorageError(
                .foreignKeyViolation, "The change would break a reference between rows.", detail: detail)
        case constraintNotNull:
            return StorageError(
                .notNullViolation, "A required value is missing.", detail: detail, column: constrainedColumn(message))
        case constraintCheck:
            return StorageError(
                .checkViolation, "A value is not allowed here.", detail: detail, column: checkedColumn(message))
        default:
            break
        }
        switch extendedCode & 0xFF {
        case SQLITE_CONSTRAINT:
            return StorageError(.checkViolation, "A constraint was violated.", detail: detail)
        case SQLITE_BUSY, SQLITE_LOCKED:
            return StorageError(.busy, "The database is busy.", detail: detail)
        case SQLITE_INTERRUPT:
            return StorageError(.timeout, "The statement was interrupted (the request was cancelled).", detail: detail)
        case SQLITE_CANTOPEN, SQLITE_NOTADB, SQLITE_PERM, SQLITE_AUTH:
            return StorageError(.connectionFailed, "The database could not be opened.", detail: detail)
        case SQLITE_MISUSE, SQLITE_RANGE, SQLITE_ERROR:
            return StorageError(.internal, "The database rejected a statement.", detail: detail)
        default:
            return StorageError(.internal, "The database failed.", detail: detail)
        }
    }

    /// `UNIQUE constraint failed: table.column[, table.column]` → the first column.
    static func constrainedColumn(_ message: String) -> String? {
        guard let colon = message.lastIndex(of: ":") else { return nil }
        let list = message[message.index(after: colon)...]
        let first = list.split(separator: ",").first?.trimmingSpaces ?? ""
        guard let dot = first.lastIndex(of: ".") else { return first.isEmpty ? nil : String(first) }
        return String(first[first.index(after: dot)...])
    }

    /// `CHECK constraint failed: "column" IN (…)` (the expression text) → the quoted column name.
    static func checkedColumn(_ message: String) -> String? {
        guard let colon = message.firstIndex(of: ":") else { return nil }
        let expression = message[message.index(after: colon)...].trimmingSpaces
        guard expression.first == "\"" else {
            return expression.split(separator: " ").first.map(String.init)
        }
        let name = expression.dropFirst().prefix { $0 != "\"" }
        return name.isEmpty ? nil : String(name)
    }
}

extension Substring {
    fileprivate var trimmingSpaces: Substring {
        var text = self
        while text.first == " " { text = text.dropFirst() }
        while text.last == " " { text = text.dropLast() }
        return text
    }
}
