import StrataSchema
import StrataStorage

/// A selection on a `@table` type made only of stored leaf columns (and `__typename`): an object of it is written
/// straight from its row as one JSON object, without an object node, a slot per field or a batch for the next
/// step. `users { id name email }`, and what Apollo Client sends for it with `__typename` added, are such
/// selections.
///
/// Built once per planned selection (`PlannedSelection.flatLayout`), nil for any other selection: a field with
/// arguments, a relation, a list column of anything but text, an application resolver. A class: completing a list
/// binds its items' layout once per item, and a copy of five arrays retained and released each of them.
final class FlatObjectLayout: Sendable {
    /// How a field's value is written: the common stored cases of `LeafSerializer.serialize(stored:as:)` decided
    /// once per field, so a row's values are written without copying the field's serializer (an enum's value
    /// names are reference-counted) or building a `Result` for each. Any other value goes through
    /// `LeafSerializer.serialize(stored:as:)` itself.
    enum Writer: UInt8, Sendable {
        /// `String`, `ID`, `UUID`: a stored string as a JSON string.
        case text
        /// `Int`: a stored integer within 32 bits.
        case int
        case boolean
        case dateTime
        case date
        /// `Float`: a finite stored double.
        case float
        /// An enum: a stored string naming one of its values.
        case enumeration
        /// A list of `String` or `ID` (`[T]`, `[T!]`, either non-null): a stored string list as a JSON array.
        case textList
        /// Anything else (an application scalar, `JSON`): the general serializer.
        case general
        case typeName
    }

    /// Trivial (no reference-counted member), so reading one costs no retain.
    struct Field: Sendable {
        var column: Int
        var writer: Writer
        var nonNull: Bool
        /// For `.enumeration`: the index of its value names in `enumValues`.
        var enumIndex: Int
    }

    let fields: [Field]
    /// Per field, its serializer (`.notLeaf` for `__typename`): the general path for values the writers above
    /// do not take.
    let kinds: [LeafSerializer.Kind]
    let enumValues: [LeafSerializer.EnumValues]
    /// Every field's `"key":`, one after another (the same bytes the object's slots would be written with).
    let keyBytes: [UInt8]
    /// Where each field's key ends in `keyBytes`.
    let keyEnds: [Int]

    /// The layout of `fields` (planned as `entries`, with `arguments`), or nil when one of them is not a plain
    /// stored leaf column.
    init?(
        fields: [CollectedField], entries: [FieldPlans.Entry?], arguments: [Result<[String: InputValue], FieldError>?],
        keys: EncodedKeySet
    ) {
        guard !fields.isEmpty else { return nil }
        var layout: [Field] = []
        var kinds: [LeafSerializer.Kind] = []
        var enumValues: [LeafSerializer.EnumValues] = []
        for (index, field) in fields.enumerated() {
            if field.name == "__typename" {
                layout.append(Field(column: 0, writer: .typeName, nonNull: true, enumIndex: 0))
                kinds.append(.notLeaf)
                continue
            }
            guard let entry = entries[index], case .column(let column) = entry.direct,
                case .success(let values)? = arguments[index], values.isEmpty
            else { return nil }
            var shape = entry.definition.type
            let nonNull: Bool
            if case .nonNull(let inner) = shape {
                nonNull = true
                shape = inner
            } else {
                nonNull = false
            }
            let isList: Bool
            switch shape {
            case .named: isList = false
            case .list(.named), .list(.nonNull(.named)): isList = true
            default: return nil
            }
            let writer: Writer
            var enumIndex = 0
            switch (isList, entry.leafKind) {
            // Lists only of text: their items are never null and need no other check.
            case (true, .builtIn(.string)), (true, .builtIn(.id)): writer = .textList
            case (true, _), (false, .notLeaf): return nil
            case (false, .builtIn(.string)), (false, .builtIn(.id)), (false, .builtIn(.uuid)): writer = .text
            case (false, .builtIn(.int)): writer = .int
            case (false, .builtIn(.boolean)): writer = .boolean
            case (false, .builtIn(.dateTime)): writer = .dateTime
            case (false, .builtIn(.date)): writer = .date
            case (false, .builtIn(.float)): writer = .float
            case (false, .enumeration(_, let names)):
                writer = .enumeration
                enumIndex = enumValues.count
                enumValues.append(names)
            case (false, .builtIn): writer = .general
            }
            layout.append(Field(column: column, writer: writer, nonNull: nonNull, enumIndex: enumIndex))
            kinds.append(entry.leafKind)
        }
        self.fields = layout
        self.kinds = kinds
        self.enumValues = enumValues
        self.keyBytes = keys.bytes
        self.keyEnds = keys.ends
    }
}

extension ResultTree {
    /// Writes `row`, an object of `typeName`, into `slot` as the JSON object `layout` describes, and returns true;
    /// or writes nothing and returns false when a value needs the general completion (a null in a non-null field,
    /// a value its type cannot represent), which then completes the object and reports the error as before.
    mutating func setFlatObject(_ slot: Int32, row: Row, typeName: String, layout: FlatObjectLayout) -> Bool {
        let start = leafBytes.count
        guard appendFlatObject(row: row, typeName: typeName, layout: layout) else { return false }
        slots[Int(slot)] = .encoded(start: Int32(start), end: Int32(leafBytes.count))
        return true
    }

    /// Appends the JSON object of `setFlatObject` to `leafBytes` and returns true; or appends nothing and returns
    /// false.
    mutating func appendFlatObject(row: Row, typeName: String, layout: FlatObjectLayout) -> Bool {
        let start = leafBytes.count
        leafBytes.append(UInt8(ascii: "{"))
        guard appendFlatFields(row: row, typeName: typeName, layout: layout, afterOthers: false) else {
            leafBytes.truncate(to: start)
            return false
        }
        leafBytes.append(UInt8(ascii: "}"))
        return true
    }

    /// Appends the `"key":value` members of `layout`'s fields (a comma before the first when `afterOthers`) and
    /// returns true; or returns false, having appended part of them, when a value needs the general completion.
    mutating func appendFlatFields(row: Row, typeName: String, layout: FlatObjectLayout, afterOthers: Bool) -> Bool {
        layout.fields.withUnsafeBufferPointer { fields in
            layout.keyBytes.withUnsafeBufferPointer { keys in
                layout.keyEnds.withUnsafeBufferPointer { keyEnds in
                    row.values.withUnsafeBufferPointer { values in
                        var keyStart = 0
                        for index in 0..<fields.count {
                            if index > 0 || afterOthers { leafBytes.append(UInt8(ascii: ",")) }
                            let keyEnd = keyEnds[index]
                            leafBytes.append(bytes: UnsafeBufferPointer(rebasing: keys[keyStart..<keyEnd]))
                            keyStart = keyEnd
                            let field = fields[index]
                            if field.writer == .typeName {
                                JSONOutput.appendString(typeName, to: &leafBytes)
                                continue
                            }
                            guard field.column < values.count else { return false }
                            if values[field.column].isNull {
                                if field.nonNull { return false }
                                leafBytes.append(bytes: JSONOutput.nullBytes)
                                continue
                            }
                            guard appendValue(values[field.column], field, index, layout) else { return false }
                        }
                        return true
                    }
                }
            }
        }
    }

    /// `appendFlatFields(row:…)` for the row an adapter's statement is on (`StoredRowCursor`), whose ASCII text is
    /// escaped from the database's own bytes. The same loop as the `Row` one above, which stays as it is: written
    /// generically for both, the `Row` version retained and released the arena around each of its writes (a fifth
    /// more instructions for a list of 100 users).
    mutating func appendFlatFields(
        of values: any StoredRowCursor, typeName: String, layout: FlatObjectLayout, afterOthers: Bool
    ) -> Bool {
        layout.fields.withUnsafeBufferPointer { fields in
            layout.keyBytes.withUnsafeBufferPointer { keys in
                layout.keyEnds.withUnsafeBufferPointer { keyEnds in
                    var keyStart = 0
                    for index in 0..<fields.count {
                        if index > 0 || afterOthers { leafBytes.append(UInt8(ascii: ",")) }
                        let keyEnd = keyEnds[index]
                        leafBytes.append(bytes: UnsafeBufferPointer(rebasing: keys[keyStart..<keyEnd]))
                        keyStart = keyEnd
                        let field = fields[index]
                        if field.writer == .typeName {
                            JSONOutput.appendString(typeName, to: &leafBytes)
                            continue
                        }
                        guard field.column < values.width else { return false }
                        if values.isNull(at: field.column) {
                            if field.nonNull { return false }
                            leafBytes.append(bytes: JSONOutput.nullBytes)
                            continue
                        }
                        if field.writer == .text, let text = values.asciiText(at: field.column) {
                            leafBytes.append(UInt8(ascii: "\""))
                            JSONOutput.appendEscaped(utf8: text, to: &leafBytes)
                            leafBytes.append(UInt8(ascii: "\""))
                            continue
                        }
                        guard appendValue(values.value(at: field.column), field, index, layout) else { return false }
                    }
                    return true
                }
            }
        }
    }

    /// Writes the value of field `index` (`field` of `layout`) and returns true; false when it needs the general
    /// completion.
    @inline(__always)
    private mutating func appendValue(
        _ value: StorageValue, _ field: FlatObjectLayout.Field, _ index: Int, _ layout: FlatObjectLayout
    ) -> Bool {
        if appendFast(value, field, layout) { return true }
        guard field.writer != .textList,
            case .success(let leaf) = LeafSerializer.serialize(stored: value, as: layout.kinds[index])
        else { return false }
        appendLeaf(leaf)
        return true
    }

    /// Writes `value` the way `LeafSerializer.serialize(stored:as:)` would for the field's common cases; false
    /// (nothing written) for any other value.
    @inline(__always)
    private mutating func appendFast(_ value: StorageValue, _ field: FlatObjectLayout.Field, _ layout: FlatObjectLayout)
        -> Bool
    {
        switch (field.writer, value) {
        case (.text, .string(let text)):
            JSONOutput.appendString(text, to: &leafBytes)
        case (.int, .int(let number)) where number >= Int64(Int32.min) && number <= Int64(Int32.max):
            JSONOutput.appendInt(number, to: &leafBytes)
        case (.boolean, .bool(let flag)):
            leafBytes.append(bytes: flag ? JSONOutput.trueBytes : JSONOutput.falseBytes)
        case (.dateTime, .timestamp(let microseconds)):
            appendLeaf(.dateTime(microseconds))
        case (.date, .date(let days)):
            appendLeaf(.date(days))
        case (.float, .double(let number)) where number.isFinite:
            JSONOutput.appendDouble(number, to: &leafBytes)
        case (.textList, .stringList(let items)):
            leafBytes.append(UInt8(ascii: "["))
            for (index, item) in items.enumerated() {
                if index > 0 { leafBytes.append(UInt8(ascii: ",")) }
                JSONOutput.appendString(item, to: &leafBytes)
            }
            leafBytes.append(UInt8(ascii: "]"))
        case (.textList, _):
            return false
        case (.enumeration, .string(let name)):
            let known = layout.enumValues.withUnsafeBufferPointer { $0[field.enumIndex].contains(name) }
            guard known else { return false }
            JSONOutput.appendString(name, to: &leafBytes)
        default:
            return false
        }
        return true
    }
}
