internal import StrataStorage

/// Orders entities so that every entity comes after the entities its foreign keys refer to.
enum DependencyOrder {
    /// `names` in dependency order, stable with respect to the given order. Self-references are ignored. A cycle
    /// is broken at the first waiting entity whose unresolved references are all nullable (those rows can be
    /// inserted first and linked later), or else at the first waiting entity.
    static func sort(_ names: [String], entities: [String: EntityDescriptor]) -> [String] {
        var placed: Set<String> = []
        var result: [String] = []
        var waiting = names
        func unresolved(_ name: String) -> [ColumnDescriptor] {
            (entities[name]?.columns ?? []).filter { column in
                guard let target = column.references?.entity else { return false }
                return target != name && !placed.contains(target) && entities[target] != nil
            }
        }
        while !waiting.isEmpty {
            let next =
                waiting.firstIndex { unresolved($0).isEmpty }
                ?? waiting.firstIndex { unresolved($0).allSatisfy(\.isNullable) }
                ?? 0
            let name = waiting.remove(at: next)
            placed.insert(name)
            result.append(name)
        }
        return result
    }
}
