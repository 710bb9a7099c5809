import StrataStorage
import Synchronization

/// Lists rendered before, by the whole request (entity, filter with its values, order, paging, columns): a
/// request is a value and the rendering a function of it, so a repeated list — the same page of the same list,
/// the commonest read after a lookup by id — takes its statement from here instead of resolving names and
/// rendering again (~38 K instructions for a 100-row list of users on SQLite, a sixth of what Strata adds to the
/// statement).
///
/// Only requests with small filters are kept (`isCacheable`), so an entry's size is bounded; when full the cache
/// starts over, as `LookupTextCache` does.
final class ListTextCache: Sendable {
    private let capacity: Int
    private let entries = Mutex<[ListRequest: SQLQuery]>([:])

    init(capacity: Int = 256) { self.capacity = capacity }

    func query(for request: ListRequest) -> SQLQuery? { entries.withLock { $0[request] } }

    func store(_ query: SQLQuery, for request: ListRequest) {
        entries.withLock { entries in
            if entries.count >= capacity { entries.removeAll(keepingCapacity: true) }
            entries[request] = query
        }
    }

    var count: Int { entries.withLock { $0.count } }

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
