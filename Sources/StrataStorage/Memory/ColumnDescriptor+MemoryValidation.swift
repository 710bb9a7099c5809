/// The type rules the memory adapter applies to values, shared by writes and by request validation.
extension ColumnDescriptor {
    /// Whether `value` has the storage case this column holds (NULL is accepted by every column here;
    /// nullability is checked separately). Enumeration columns hold strings; uuid columns hold `.string`.
    func acceptsCase(of value: StorageValue) -> Bool {
        switch (type, value) {
        case (_, .null): true
        case (.uuid, .string), (.string, .string), (.enumeration, .string): true
        case (.int, .int), (.double, .double), (.bool, .bool): true
        case (.timestamp, .timestamp), (.date, .date), (.json, .json), (.stringList, .stringList): true
        default: false
        }
    }

    /// Checks a non-NULL value about to be stored: its case, canonical lowercase UUIDs, finite doubles, no NUL
    /// characters in text (PostgreSQL rejects them; SQLite turns NaN into NULL), declared enumeration values.
    func validateStored(_ value: StorageValue, entity: String) throws(StorageError) {
        guard acceptsCase(of: value) else {
            throw StorageError(
                .invalidRequest, "Value for \(entity).\(field) has the wrong type.",
                detail: "column \(name) of type \(type) got \(value)", column: name)
        }
        switch (type, value) {
        case (.uuid, .string(let s)):
            guard Self.isCanonicalUUID(s) else {
                throw StorageError(
                    .invalidRequest, "Value for \(entity).\(field) is not a canonical lowercase UUID.",
                    detail: "column \(name) got \(value)", column: name)
            }
        case (.double, .double(let d)):
            guard d.isFinite else {
                throw StorageError(
                    .invalidRequest, "Value for \(entity).\(field) must be a finite number.",
                    detail: "column \(name) got \(d)", column: name)
            }
        case (.enumeration(let allowed), .string(let s)):
            guard allowed.contains(where: { UTF8Bytes.equal($0, s) }) else {
                throw StorageError(
                    .checkViolation, "Value for \(entity).\(field) is not one of its declared values.",
                    detail: "column \(name) got \(value)", column: name)
            }
        case (_, .string(let s)), (_, .json(let s)):
            try rejectNUL(s, entity: entity)
        case (_, .stringList(let list)):
            for s in list { try rejectNUL(s, entity: entity) }
        default:
            break
        }
    }

    private func rejectNUL(_ s: String, entity: String) throws(StorageError) {
        if s.utf8.contains(0) {
            throw StorageError(
                .invalidRequest, "Value for \(entity).\(field) contains a NUL character.", column: name)
        }
    }

    /// `xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx` in lowercase hexadecimal.
    static func isCanonicalUUID(_ s: String) -> Bool {
        var count = 0
        for byte in s.utf8 {
            switch count {
            case 8, 13, 18, 23:
                if byte != UInt8(ascii: "-") { return false }
            default:
                let isDigit = byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
                let isHex = byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "f")
                if !(isDigit || isHex) { return false }
            }
            count += 1
            if count > 36 { return false }
        }
        return count == 36
    }

    /// Whether values of this column can be ordered and compared with `<`, `=` and friends.
    var isComparable: Bool {
        if case .stringList = type { return false }
        return true
    }

    /// Whether `contains`/`startsWith`/`endsWith` apply (text columns).
    var isText: Bool {
        switch type {
        case .string, .uuid, .enumeration, .json: true
        default: false
        }
    }
}
