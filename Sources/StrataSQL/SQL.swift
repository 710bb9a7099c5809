public import StrataStorage

/// A fragment of SQL that keeps values, identifiers and literals apart from the SQL text until a dialect renders it.
///
/// - Interpolating a `StorageValue` binds it as a parameter (`?` or `$N`); values never enter the text.
/// - Identifiers come from descriptors (`\(column)`, `\(table: entity)`) and are quoted by exactly one function,
///   `SQLDialect.quoteIdentifier`.
/// - Literal text comes from string literals in source code; anything else needs `SQL(unsafeRaw:)`.
public struct SQL: Sendable, Hashable {
    enum Segment: Sendable, Hashable {
        case raw(String)
        case identifier(String)
        /// A string literal that comes from the schema (enumeration values), quoted by `SQLDialect.quoteLiteral`.
        case literal(String)
        /// A bound parameter; the column type (when known) lets dialects add a cast.
        case binding(StorageValue, ColumnType?)
        /// Bound parameters, one per value, separated by commas, each in parentheses when `rows` (`?, ?` or
        /// `(?), (?)`): a key list as one segment instead of two per key.
        case bindingList([StorageValue], ColumnType?, rows: Bool)
    }

    private(set) var segments: [Segment]

    init(segments: [Segment]) { self.segments = segments }

    /// Raw SQL text, used as is. The caller guarantees it holds no user data.
    public init(unsafeRaw text: String) { self.segments = [.raw(text)] }

    /// A bound parameter.
    public static func bind(_ value: StorageValue, as type: ColumnType? = nil) -> SQL {
        SQL(segments: [.binding(value, type)])
    }

    /// Bound parameters separated by commas (`p1, p2, …`), or one per row (`(p1), (p2), …`) when `rows`.
    public static func bindList(_ values: [StorageValue], as type: ColumnType? = nil, rows: Bool = false) -> SQL {
        SQL(segments: [.bindingList(values, type, rows: rows)])
    }

    /// A quoted identifier whose name comes from a descriptor or from the renderer's own fixed names.
    static func identifier(_ name: String) -> SQL { SQL(segments: [.identifier(name)]) }

    /// A quoted string literal whose text comes from the schema, never from a request.
    static func literal(_ text: String) -> SQL { SQL(segments: [.literal(text)]) }

    public var isEmpty: Bool { segments.isEmpty }

    public mutating func append(_ other: SQL) { segments.append(contentsOf: other.segments) }

    public static func + (lhs: SQL, rhs: SQL) -> SQL { SQL(segments: lhs.segments + rhs.segments) }

    /// The text and bindings for `dialect`; placeholders are numbered from 1 in text order.
    public func render(in dialect: any SQLDialect) -> SQLStatement {
        var text = ""
        text.reserveCapacity(segments.count * 12)
        var bindings: [StorageValue] = []
        for segment in segments {
            switch segment {
            case .raw(let raw): text += raw
            case .identifier(let name): text += dialect.quoteIdentifier(name)
            case .literal(let literal): text += dialect.quoteLiteral(literal)
            case .binding(let value, let type):
                bindings.append(value)
                text += dialect.placeholder(bindings.count, type: type)
            case .bindingList(let values, let type, let rows):
                bindings.reserveCapacity(bindings.count + values.count)
                text.reserveCapacity(text.utf8.count + values.count * (rows ? 5 : 3))
                for (offset, value) in values.enumerated() {
                    if offset > 0 { text += ", " }
                    bindings.append(value)
                    if rows {
                        text += "(" + dialect.placeholder(bindings.count, type: type) + ")"
                    } else {
                        text += dialect.placeholder(bindings.count, type: type)
                    }
                }
            }
        }
        return SQLStatement(text: text, bindings: bindings)
    }
}

extension SQL: ExpressibleByStringInterpolation {
    public init(stringLiteral value: String) { self.segments = value.isEmpty ? [] : [.raw(value)] }

    public init(stringInterpolation: StringInterpolation) { self.segments = stringInterpolation.segments }

    public struct StringInterpolation: StringInterpolationProtocol {
        var segments: [Segment] = []

        public init(literalCapacity: Int, interpolationCount: Int) {
            segments.reserveCapacity(interpolationCount * 2 + 1)
        }

        /// The literal parts of an interpolated string: source code, never data.
        public mutating func appendLiteral(_ literal: String) {
            if !literal.isEmpty { segments.append(.raw(literal)) }
        }

        public mutating func appendInterpolation(_ sql: SQL) { segments.append(contentsOf: sql.segments) }

        /// Binds `value` as a parameter.
        public mutating func appendInterpolation(_ value: StorageValue) { segments.append(.binding(value, nil)) }

        /// Binds `value` as a parameter of a column of `type` (PostgreSQL adds a cast).
        public mutating func appendInterpolation(_ value: StorageValue, as type: ColumnType) {
            segments.append(.binding(value, type))
        }

        /// The quoted name of a column.
        public mutating func appendInterpolation(_ column: ColumnDescriptor) {
            segments.append(.identifier(column.name))
        }

        /// The quoted name of an entity's table.
        public mutating func appendInterpolation(table entity: EntityDescriptor) {
            segments.append(.identifier(entity.table))
        }
    }
}

extension Sequence where Element == SQL {
    /// The fragments with `separator` between them.
    public func joined(separator: SQL) -> SQL {
        var result = SQL(segments: [])
        var first = true
        for part in self {
            if !first { result.append(separator) }
            result.append(part)
            first = false
        }
        return result
    }
}
