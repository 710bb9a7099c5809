import StrataJSON
import StrataSchema
import StrataStorage

/// Result coercion of leaf values (spec §3.5 "Result Coercion") for the built-in scalars, Strata's scalars
/// (`DateTime`, `Date`, `UUID`, `JSON`) and enums; application scalars pass their value through.
enum LeafSerializer {
    /// How a field's leaf values are serialized, decided once per field (not per value).
    enum Kind {
        case builtIn(Scalar)
        case enumeration(name: String, values: EnumValues)
        case notLeaf
    }

    /// A scalar by name, resolved once per field so serializing a value does not compare type names.
    enum Scalar {
        case int, float, string, boolean, id, uuid, dateTime, date, json
        /// An application scalar: values pass through.
        case custom(String)

        init(_ name: String) {
            switch name {
            case "Int": self = .int
            case "Float": self = .float
            case "String": self = .string
            case "Boolean": self = .boolean
            case "ID": self = .id
            case "UUID": self = .uuid
            case "DateTime": self = .dateTime
            case "Date": self = .date
            case "JSON": self = .json
            default: self = .custom(name)
            }
        }

        var name: String {
            switch self {
            case .int: "Int"
            case .float: "Float"
            case .string: "String"
            case .boolean: "Boolean"
            case .id: "ID"
            case .uuid: "UUID"
            case .dateTime: "DateTime"
            case .date: "Date"
            case .json: "JSON"
            case .custom(let name): name
            }
        }
    }

    /// The names of an enum's values: a short list is scanned (cheaper than hashing the value), a long one is a set.
    /// Both compare with `String ==`.
    enum EnumValues {
        case few([String])
        case many(Set<String>)

        init(_ names: [String]) {
            self = names.count <= 16 ? .few(names) : .many(Set(names))
        }

        @inline(__always)
        func contains(_ name: String) -> Bool {
            switch self {
            case .few(let names):
                for candidate in names where candidate == name { return true }
                return false
            case .many(let names): return names.contains(name)
            }
        }
    }

    static func kind(of type: NamedType) -> Kind {
        switch type {
        case .scalar(let scalar): .builtIn(Scalar(scalar.name))
        case .enumType(let enumType): .enumeration(name: enumType.name, values: EnumValues(enumType.values.map(\.name)))
        default: .notLeaf
        }
    }

    static func serialize(_ value: OutputValue, as kind: Kind) -> Result<ResultTree.Leaf, FieldError> {
        switch kind {
        case .builtIn(let scalar):
            // Fast paths for the common stored cases.
            switch (scalar, value) {
            case (.string, .stored(.string(let s))), (.id, .stored(.string(let s))): return .success(.string(s))
            default: return serializeScalar(value, scalar)
            }
        case .enumeration(let name, let values):
            let text: String
            switch value {
            case .string(let s), .stored(.string(let s)): text = s
            default: return .failure(FieldError("Enum \"\(name)\" cannot represent value: \(describe(value))"))
            }
            guard values.contains(text) else {
                return .failure(FieldError("Enum \"\(name)\" cannot represent value: \(describe(.string(text)))"))
            }
            return .success(.string(text))
        case .notLeaf:
            return .failure(FieldError("Not a leaf type."))
        }
    }

    /// `serialize(.stored(value), as: kind)`, without wrapping the value for the common cases.
    @inline(__always)
    static func serialize(stored value: StorageValue, as kind: Kind) -> Result<ResultTree.Leaf, FieldError> {
        switch (kind, value) {
        case (.builtIn(.string), .string(let s)), (.builtIn(.id), .string(let s)), (.builtIn(.uuid), .string(let s)):
            return .success(.string(s))
        case (.builtIn(.int), .int(let i)) where i >= Int64(Int32.min) && i <= Int64(Int32.max):
            return .success(.int(i))
        case (.builtIn(.boolean), .bool(let b)):
            return .success(.bool(b))
        case (.builtIn(.dateTime), .timestamp(let microseconds)):
            return .success(.dateTime(microseconds))
        case (.builtIn(.date), .date(let days)):
            return .success(.date(days))
        case (.builtIn(.float), .double(let d)) where d.isFinite:
            return .success(.double(d))
        case (.enumeration(_, let values), .string(let s)) where values.contains(s):
            return .success(.string(s))
        default:
            return serialize(.stored(value), as: kind)
        }
    }

    static func serialize(_ value: OutputValue, as type: NamedType) -> Result<ResultTree.Leaf, FieldError> {
        switch type {
        case .enumType(let enumType):
            let name: String
            switch value {
            case .string(let s), .stored(.string(let s)): name = s
            default: return .failure(FieldError("Enum \"\(enumType.name)\" cannot represent value: \(describe(value))"))
            }
            guard enumType.values.contains(where: { $0.name == name }) else {
                return .failure(
                    FieldError("Enum \"\(enumType.name)\" cannot represent value: \(describe(.string(name)))"))
            }
            return .success(.string(name))
        case .scalar(let scalar):
            return serializeScalar(value, Scalar(scalar.name))
        default:
            return .failure(FieldError("\(type.name) is not a leaf type."))
        }
    }

    static func serializeScalar(_ value: OutputValue, _ scalar: Scalar) -> Result<ResultTree.Leaf, FieldError> {
        let value = unwrapStored(value)
        switch scalar {
        case .int:
            switch value {
            case .int(let i) where i >= Int64(Int32.min) && i <= Int64(Int32.max): return .success(.int(i))
            case .int(let i): return .failure(FieldError("Int cannot represent non 32-bit signed integer value: \(i)"))
            case .double(let d) where d.rounded() == d && d >= Double(Int32.min) && d <= Double(Int32.max):
                return .success(.int(Int64(d)))
            case .double(let d) where d.isFinite && d.rounded() == d:
                return .failure(FieldError("Int cannot represent non 32-bit signed integer value: \(describe(value))"))
            case .bool(let b): return .success(.int(b ? 1 : 0))
            default:
                // Numeric text is read as a number, as graphql-js does (the spec's example: "123" gives 123).
                if case .string(let text) = value, let number = Double(numericText: text), number.rounded() == number {
                    guard number >= Double(Int32.min), number <= Double(Int32.max) else {
                        return .failure(
                            FieldError("Int cannot represent non 32-bit signed integer value: \(describe(value))"))
                    }
                    return .success(.int(Int64(number)))
                }
                return .failure(FieldError("Int cannot represent non-integer value: \(describe(value))"))
            }
        case .float:
            switch value {
            case .int(let i): return .success(.double(Double(i)))
            case .double(let d) where d.isFinite: return .success(.double(d))
            case .bool(let b): return .success(.double(b ? 1 : 0))
            default:
                if case .string(let text) = value, let number = Double(numericText: text), number.isFinite {
                    return .success(.double(number))
                }
                return .failure(FieldError("Float cannot represent non numeric value: \(describe(value))"))
            }
        case .string:
            switch value {
            case .string(let s): return .success(.string(s))
            case .int(let i): return .success(.string(String(i)))
            case .double(let d) where d.isFinite: return .success(.string(JSONWriter.javaScriptText(d)))
            case .bool(let b): return .success(.string(b ? "true" : "false"))
            case .stored(.timestamp(let t)): return .success(.dateTime(t))
            case .stored(.date(let d)): return .success(.date(d))
            default: return .failure(FieldError("String cannot represent value: \(describe(value))"))
            }
        case .boolean:
            switch value {
            case .bool(let b): return .success(.bool(b))
            case .int(let i): return .success(.bool(i != 0))
            case .double(let d) where d.isFinite: return .success(.bool(d != 0))
            default: return .failure(FieldError("Boolean cannot represent a non boolean value: \(describe(value))"))
            }
        case .id, .uuid:
            switch value {
            case .string(let s): return .success(.string(s))
            case .int(let i): return .success(.string(String(i)))
            case .double(let d) where scalar.name == "ID" && d.isFinite && d.rounded() == d:
                return .success(.string(JSONWriter.javaScriptText(d)))
            default: return .failure(FieldError("\(scalar.name) cannot represent value: \(describe(value))"))
            }
        case .dateTime:
            switch value {
            case .stored(.timestamp(let t)): return .success(.dateTime(t))
            case .int(let t): return .success(.dateTime(t))
            case .string(let s): return .success(.string(s))
            default: return .failure(FieldError("DateTime cannot represent value: \(describe(value))"))
            }
        case .date:
            switch value {
            case .stored(.date(let d)): return .success(.date(d))
            case .string(let s): return .success(.string(s))
            default: return .failure(FieldError("Date cannot represent value: \(describe(value))"))
            }
        case .json:
            switch value {
            case .json(let j): return .success(.json(j))
            case .stored(.json(let text)):
                do {
                    return .success(.json(try JSONParser.parse(text)))
                } catch {
                    return .failure(FieldError("Stored JSON is not valid JSON."))
                }
            case .string(let text): return .success(.string(text))
            case .int(let i): return .success(.int(i))
            case .double(let d): return .success(.double(d))
            case .bool(let b): return .success(.bool(b))
            case .list: return .failure(FieldError("JSON cannot represent a list value here."))
            default: return .failure(FieldError("JSON cannot represent value: \(describe(value))"))
            }
        case .custom(let name):
            switch value {
            case .int(let i): return .success(.int(i))
            case .double(let d): return .success(.double(d))
            case .string(let s): return .success(.string(s))
            case .bool(let b): return .success(.bool(b))
            case .json(let j): return .success(.json(j))
            default: return .failure(FieldError("\(name) cannot represent value: \(describe(value))"))
            }
        }
    }

    /// Turns simple stored values into plain output values; keeps the ones that need the scalar type to format.
    @inline(__always)
    static func unwrapStored(_ value: OutputValue) -> OutputValue {
        guard case .stored(let stored) = value else { return value }
        switch stored {
        case .null: return .null
        case .bool(let b): return .bool(b)
        case .int(let i): return .int(i)
        case .double(let d): return .double(d)
        case .string(let s): return .string(s)
        case .timestamp, .date, .json: return value
        case .stringList(let l): return .list(l.map { .string($0) })
        }
    }

    /// The value as graphql-js's messages show it: numbers as JavaScript prints them, strings and lists as JSON.
    static func describe(_ value: OutputValue) -> String {
        switch value {
        case .null: "null"
        case .int(let i): String(i)
        case .double(let d): JSONWriter.javaScriptText(d)
        case .string(let s): JSONValue.string(s).serialized()
        case .bool(let b): String(b)
        case .stored(let s): s.description
        case .json(let json): json.serialized()
        case .list(let items): "[" + items.map(describe).joined(separator: ", ") + "]"
        case .object: "{}"
        }
    }
}

extension Double {
    /// The number in `text` as JavaScript's `Number(text)` reads a non-empty decimal string (optional sign,
    /// fraction and exponent, white space around it); nil for anything else, hexadecimal and `Infinity` included.
    init?(numericText text: String) {
        var bytes = Substring(text).utf8[...]
        while let first = bytes.first, first == 0x20 || (0x09...0x0D).contains(first) { bytes = bytes.dropFirst() }
        while let last = bytes.last, last == 0x20 || (0x09...0x0D).contains(last) { bytes = bytes.dropLast() }
        let allowed: (UInt8) -> Bool = { byte in
            (0x30...0x39).contains(byte) || byte == 0x2B || byte == 0x2D || byte == 0x2E || byte | 0x20 == 0x65
        }
        guard bytes.contains(where: { (0x30...0x39).contains($0) }), bytes.allSatisfy(allowed),
            let number = Double(String(decoding: bytes, as: UTF8.self))
        else { return nil }
        self = number
    }
}
