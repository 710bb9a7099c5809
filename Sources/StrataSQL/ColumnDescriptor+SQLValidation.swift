package import StrataStorage

/// The value rules every adapter applies before a value reaches the database, so SQL backends reject exactly
/// what the memory adapter (the reference) rejects, with the same codes.
extension ColumnDescriptor {
    /// Whether `value` has the storage case this column holds (NULL is accepted; nullability is the database's).
    package func acceptsStorageCase(of value: StorageValue) -> Bool {
        switch (type, value) {
        case (_, .null): true
        case (.uuid, .string), (.string, .string), (.enumeration, .string): true
        case (.int, .int), (.double, .double), (.bool, .bool): true
        case (.timestamp, .timestamp), (.date, .date), (.json, .json), (.stringList, .stringList): true
        default: false
        }
    }

    /// Checks a value about to be stored: its case, canonical lowercase UUIDs, finite doubles, no NUL in text,
    /// declared enumeration values (`.checkViolation`).
    package func validateStorable(_ value: StorageValue, entity: EntityDescriptor) throws(StorageError) {
        guard acceptsStorageCase(of: value) else {
            throw StorageError(
                .invalidRequest, "Value for \(entity.name).\(field) has the wrong type.",
                detail: "column \(name) of type \(type) got \(value)", column: name)
        }
        switch (type, value) {
        case (.uuid, .string(let s)):
            guard Self.isCanonicalUUID(s) else {
                throw StorageError(
                    .invalidRequest, "Value for \(entity.name).\(field) is not a canonical lowercase UUID.",
                    column: name)
            }
        case (.double, .double(let d)):
            guard d.isFinite else {
                throw StorageError(
                    .invalidRequest, "Value for \(entity.name).\(field) must be a finite number.", column: name)
            }
        case (.enumeration(let allowed), .string(let s)):
            guard allowed.contains(where: { $0.utf8.elementsEqual(s.utf8) }) else {
                throw StorageError(
                    .checkViolation, "Value for \(entity.name).\(field) is not one of its declared values.",
                    column: name)
            }
        case (_, .string(let s)), (_, .json(let s)):
            try rejectNUL(s, entity: entity)
        case (_, .stringList(let list)):
            for s in list { try rejectNUL(s, entity: entity) }
        default:
            break
        }
    }

    private func rejectNUL(_ s: String, entity: EntityDescriptor) throws(StorageError) {
        if s.utf8.contains(0) {
            throw StorageError(
                .invalidRequest, "Value for \(entity.name).\(field) contains a NUL character.", column: name)
        }
    }

    /// `xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx` in lowercase hexadecimal.
    package static func isCanonicalUUID(_ s: String) -> Bool {
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

    /// Whether values of the column can be compared and ordered.
    package var isComparable: Bool {
        if case .stringList = type { return false }
        return true
    }

    /// Whether substring tests apply.
    package var isText: Bool {
        switch type {
        case .string, .uuid, .enumeration, .json: true
        default: false
        }
    }
}
