import StrataStorage

/// Lists rendered before, by the whole request (entity, filter with its values, order, paging, columns) compared
/// byte for byte: a request is a value and the rendering a function of it, so a repeated list — the same page of the same list,
/// the commonest read after a lookup by id — takes its statement from here instead of resolving names and
/// rendering again (~38 K instructions for a 100-row list of users on SQLite, a sixth of what Strata adds to the
/// statement).
///
/// Only requests with small filters are kept (`isCacheable`), so an entry's size is bounded; when full the cache
/// starts over, as `LookupTextCache` does.
final class ListTextCache: Sendable {
    /// The request written out as bytes, every string as its UTF-8 bytes: two requests have the same key exactly
    /// when they are the same byte for byte. (`ListRequest`'s own `==` compares strings as Swift does, by
    /// canonical equivalence, so a filter on a decomposed "é" would have found the statement bound to the
    /// precomposed one.)
    struct Key: Hashable, Sendable {
        let bytes: [UInt8]

        init(_ request: ListRequest) {
            var writer = KeyWriter()
            writer.string(request.entity)
            writer.optional(request.filter) { $0.predicate($1) }
            writer.count(request.orderBy.count)
            for key in request.orderBy {
                writer.string(key.column)
                writer.byte(key.descending ? 1 : 0)
            }
            writer.count(request.offset)
            writer.optional(request.limit) { $0.count($1) }
            writer.byte(request.includeTotalCount ? 1 : 0)
            writer.optional(request.columns) { writer, columns in
                writer.count(columns.count)
                for column in columns { writer.string(column) }
            }
            bytes = writer.bytes
        }
    }

    /// Writes a request so that different requests never give the same bytes: every variable-length part is
    /// preceded by its length, every case by its own tag.
    private struct KeyWriter {
        var bytes: [UInt8] = []

        init() { bytes.reserveCapacity(128) }

        mutating func byte(_ value: UInt8) { bytes.append(value) }

        /// A tag for whether `value` is there (0 or 1), then what `write` writes of it.
        mutating func optional<Value>(_ value: Value?, _ write: (inout KeyWriter, Value) -> Void) {
            guard let value else {
                byte(0)
                return
            }
            byte(1)
            write(&self, value)
        }

        mutating func word(_ value: UInt64) {
            withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
        }

        mutating func count(_ value: Int) { word(UInt64(bitPattern: Int64(value))) }

        mutating func string(_ value: String) {
            var value = value
            value.withUTF8 { utf8 in
                count(utf8.count)
                bytes.append(contentsOf: utf8)
            }
        }

        mutating func predicate(_ predicate: Predicate) {
            switch predicate {
            case .and(let parts), .or(let parts):
                if case .and = predicate { byte(1) } else { byte(2) }
                count(parts.count)
                for part in parts { self.predicate(part) }
            case .not(let inner):
                byte(3)
                self.predicate(inner)
            case .compare(let column, let comparison, let value):
                byte(4)
                string(column)
                string(comparison.rawValue)
                self.value(value)
            case .isIn(let column, let values):
                byte(5)
                string(column)
                count(values.count)
                for value in values { self.value(value) }
            case .isNull(let column):
                byte(6)
                string(column)
            case .contains(let column, let text), .startsWith(let column, let text), .endsWith(let column, let text),
                .listContains(let column, let text):
                switch predicate {
                case .contains: byte(7)
                case .startsWith: byte(8)
                case .endsWith: byte(9)
                default: byte(10)
                }
                string(column)
                string(text)
            }
        }

        mutating func value(_ value: StorageValue) {
            switch value {
            case .null: byte(0)
            case .bool(let flag): byte(flag ? 2 : 1)
            case .int(let number):
                byte(3)
                word(UInt64(bitPattern: number))
            case .double(let number):
                byte(4)
                word(number.bitPattern)
            case .string(let text):
                byte(5)
                string(text)
            case .timestamp(let microseconds):
                byte(6)
                word(UInt64(bitPattern: microseconds))
            case .date(let days):
                byte(7)
                word(UInt64(bitPattern: Int64(days)))
            case .json(let text):
                byte(8)
                string(text)
            case .stringList(let items):
                byte(9)
                count(items.count)
                for item in items { string(item) }
            }
        }
    }

    private let entries: BoundedCache<Key, SQLQuery>

    init(capacity: Int = 256) { entries = BoundedCache(capacity: capacity) }

    func query(for key: Key) -> SQLQuery? { entries.value(for: key) }

    func store(_ query: SQLQuery, for key: Key) { entries.store(query, for: key) }

    var count: Int { entries.count }

    /// The most filter conditions and `in` values a kept request may have.
    static let maxFilterWeight = 32

    /// Whether `request` is small enough to keep: at most `maxFilterWeight` conditions and values in its filter,
    /// and at most that many order keys.
    static func isCacheable(_ request: ListRequest) -> Bool {
        guard request.orderBy.count <= maxFilterWeight else { return false }
        guard let filter = request.filter else { return true }
        var budget = maxFilterWeight
        return fits(filter, &budget)
    }

    private static func fits(_ predicate: Predicate, _ budget: inout Int) -> Bool {
        budget -= 1
        guard budget >= 0 else { return false }
        switch predicate {
        case .and(let parts), .or(let parts):
            for part in parts where !fits(part, &budget) { return false }
            return true
        case .not(let inner):
            return fits(inner, &budget)
        case .isIn(_, let values):
            budget -= values.count
            return budget >= 0
        case .compare, .isNull, .contains, .startsWith, .endsWith, .listContains:
            return true
        }
    }
}
