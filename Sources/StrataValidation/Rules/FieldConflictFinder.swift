import StrataLanguage
import StrataSchema

/// The search behind `OverlappingFieldsCanBeMergedRule` (spec `FieldsInSetCanMerge` and `SameResponseShape`).
///
/// Fields are grouped by response name per selection set, with inline fragments flattened in and named fragments
/// kept aside; those groupings are cached per selection set (by span) and per fragment. Fragment-to-fragment
/// comparisons are memoized per pair (and exclusivity), and within one comparison a field set is compared to each
/// fragment at most once, so a document whose fragments spread each other many times stays linear in practice.
final class FieldConflictFinder {
    struct CollectedField {
        var parent: TypeEntry?
        var field: Field
        var definition: FieldEntry?
    }

    /// Fields grouped by response name, in first-seen order. Immutable once built (so reads need no exclusivity
    /// checks) and a class so identity can be compared cheaply.
    final class FieldMap {
        /// The distinct response names.
        let keys: [String]
        /// For each key, the index in `fields` of its first field.
        let heads: [Int32]
        let fields: [CollectedField]
        /// For each field, the index of the next field with the same response name, or -1.
        let next: [Int32]
        private let lookup: [String: Int]

        init(_ builder: consuming FieldMapBuilder) {
            keys = builder.keys
            heads = builder.heads
            fields = builder.fields
            next = builder.next
            lookup = builder.lookup
        }

        func index(of key: String) -> Int? {
            if lookup.isEmpty { return keys.firstIndex(of: key) }
            return lookup[key]
        }
    }

    struct FieldMapBuilder {
        var keys: [String] = []
        var heads: [Int32] = []
        var tails: [Int32] = []
        var fields: [CollectedField] = []
        var next: [Int32] = []
        var lookup: [String: Int] = [:]

        mutating func append(_ field: CollectedField, key: String) {
            let position = Int32(fields.count)
            fields.append(field)
            next.append(-1)
            let existing: Int? = lookup.isEmpty ? keys.firstIndex(of: key) : lookup[key]
            if let existing {
                next[Int(tails[existing])] = position
                tails[existing] = position
                return
            }
            keys.append(key)
            heads.append(position)
            tails.append(position)
            if keys.count == 13 {
                for (i, k) in keys.enumerated() { lookup[k] = i }
            } else if keys.count > 13 {
                lookup[key] = keys.count - 1
            }
        }
    }

    struct FieldsAndFragments {
        var fields: FieldMap
        /// Indices into `context.fragments` of the distinct known fragments spread, in order.
        var fragments: [Int]
    }

    indirect enum Reason {
        case message(String)
        case subfields([(String, Reason)])

        var text: String {
            switch self {
            case .message(let message): message
            case .subfields(let list):
                list.map { "subfields \"\($0.0)\" conflict because \($0.1.text)" }.joined(separator: " and ")
            }
        }
    }

    struct Conflict {
        var responseName: String
        var reason: Reason
        var fields1: [SourceSpan]
        var fields2: [SourceSpan]
    }

    private let context: ValidationContext
    private var selectionSetCache: [UInt64: FieldsAndFragments] = [:]
    private var fragmentCache: [FieldsAndFragments?]
    /// Fragment pairs already compared: key packs the two indices, value is the exclusivity they were compared with.
    private var comparedFragmentPairs: [UInt64: Bool] = [:]

    init(context: ValidationContext) {
        self.context = context
        fragmentCache = Array(repeating: nil, count: context.fragments.count)
    }

    // MARK: Entry point

    /// The conflicts among the fields a selection set selects (fragments included).
    func conflictsWithin(_ selectionSet: SelectionSet, parent: TypeEntry?) -> [Conflict] {
        if Self.hasOnlyDistinctFields(selectionSet) { return [] }
        var conflicts: [Conflict] = []
        let collected = fieldsAndFragments(selectionSet, parent: parent)
        collectConflictsWithin(collected.fields, into: &conflicts)
        let fragments = collected.fragments
        if !fragments.isEmpty {
            var compared = [Bool](repeating: false, count: context.fragments.count * 2)
            for (i, fragment) in fragments.enumerated() {
                collectConflictsBetween(
                    collected.fields, andFragment: fragment, exclusive: false, compared: &compared, into: &conflicts)
                for other in fragments[(i + 1)...] {
                    collectConflictsBetweenFragments(fragment, other, exclusive: false, into: &conflicts)
                }
            }
        }
        return conflicts
    }

    /// Whether the selection set holds only fields, each with its own response name: then nothing in it can
    /// conflict (its subselections are checked when the walker visits them).
    static func hasOnlyDistinctFields(_ selectionSet: SelectionSet) -> Bool {
        let selections = selectionSet.selections
        if selections.count > 24 { return false }
        var keys: [String] = []
        keys.reserveCapacity(selections.count)
        for position in selections.indices {
            guard case .field(let field) = selections[position] else { return false }
            let key = field.alias?.value ?? field.name.value
            if keys.contains(key) { return false }
            keys.append(key)
        }
        return true
    }

    // MARK: Collecting fields

    private func fieldsAndFragments(_ selectionSet: SelectionSet, parent: TypeEntry?) -> FieldsAndFragments {
        let span = selectionSet.span
        let cacheable = span.end > span.start
        let key = UInt64(span.start) << 32 | UInt64(span.end)
        if cacheable, let cached = selectionSetCache[key] { return cached }
        var builder = FieldMapBuilder()
        var fragments: [Int] = []
        collect(selectionSet, parent: parent, into: &builder, fragments: &fragments)
        let collected = FieldsAndFragments(fields: FieldMap(builder), fragments: fragments)
        if cacheable { selectionSetCache[key] = collected }
        return collected
    }

    private func fieldsAndFragments(ofFragment index: Int) -> FieldsAndFragments {
        if let cached = fragmentCache[index] { return cached }
        let fragment = context.fragments[index]
        let collected = fieldsAndFragments(
            fragment.selectionSet, parent: context.entry(named: fragment.typeCondition.value))
        fragmentCache[index] = collected
        return collected
    }

    private func collect(
        _ selectionSet: SelectionSet, parent: TypeEntry?, into map: inout FieldMapBuilder, fragments: inout [Int]
    ) {
        let selections = selectionSet.selections
        for position in selections.indices {
            switch selections[position] {
            case .field(let field):
                map.append(
                    CollectedField(parent: parent, field: field, definition: parent?.fields[field.name.value]),
                    key: field.responseKey)
            case .fragmentSpread(let spread):
                if let index = context.fragmentIndex(named: spread.name.value), !fragments.contains(index) {
                    fragments.append(index)
                }
            case .inlineFragment(let inline):
                let type = inline.typeCondition.map { context.entry(named: $0.value) } ?? parent
                collect(inline.selectionSet, parent: type, into: &map, fragments: &fragments)
            }
        }
    }

    // MARK: Comparing

    private func collectConflictsWithin(_ map: FieldMap, into conflicts: inout [Conflict]) {
        for (key, head) in zip(map.keys, map.heads) {
            var i = Int(head)
            while i >= 0 {
                var j = Int(map.next[i])
                while j >= 0 {
                    if let conflict = findConflict(key, map.fields[i], map.fields[j], parentsExclusive: false) {
                        conflicts.append(conflict)
                    }
                    j = Int(map.next[j])
                }
                i = Int(map.next[i])
            }
        }
    }

    private func collectConflictsBetween(
        _ map1: FieldMap, _ map2: FieldMap, exclusive: Bool, into conflicts: inout [Conflict]
    ) {
        for (key, head) in zip(map1.keys, map1.heads) {
            guard let index = map2.index(of: key) else { continue }
            var i = Int(head)
            while i >= 0 {
                var j = Int(map2.heads[index])
                while j >= 0 {
                    if let conflict = findConflict(key, map1.fields[i], map2.fields[j], parentsExclusive: exclusive) {
                        conflicts.append(conflict)
                    }
                    j = Int(map2.next[j])
                }
                i = Int(map1.next[i])
            }
        }
    }

    /// Compares a field set with a fragment and, transitively, with the fragments it spreads. `compared` marks the
    /// fragments (per exclusivity) this field set has met already.
    private func collectConflictsBetween(
        _ map: FieldMap, andFragment fragment: Int, exclusive: Bool, compared: inout [Bool],
        into conflicts: inout [Conflict]
    ) {
        let slot = fragment * 2 + (exclusive ? 1 : 0)
        if compared[slot] { return }
        compared[slot] = true
        let other = fieldsAndFragments(ofFragment: fragment)
        if map === other.fields { return }
        collectConflictsBetween(map, other.fields, exclusive: exclusive, into: &conflicts)
        for referenced in other.fragments {
            collectConflictsBetween(map, andFragment: referenced, exclusive: exclusive, compared: &compared, into: &conflicts)
        }
    }

    private func collectConflictsBetweenFragments(
        _ fragment1: Int, _ fragment2: Int, exclusive: Bool, into conflicts: inout [Conflict]
    ) {
        if fragment1 == fragment2 { return }
        let key = UInt64(min(fragment1, fragment2)) << 32 | UInt64(max(fragment1, fragment2))
        if let previous = comparedFragmentPairs[key], exclusive || !previous { return }
        comparedFragmentPairs[key] = exclusive
        let first = fieldsAndFragments(ofFragment: fragment1)
        let second = fieldsAndFragments(ofFragment: fragment2)
        collectConflictsBetween(first.fields, second.fields, exclusive: exclusive, into: &conflicts)
        for referenced in second.fragments {
            collectConflictsBetweenFragments(fragment1, referenced, exclusive: exclusive, into: &conflicts)
        }
        for referenced in first.fragments {
            collectConflictsBetweenFragments(referenced, fragment2, exclusive: exclusive, into: &conflicts)
        }
    }

    private func conflictsBetweenSubselections(
        exclusive: Bool, _ parent1: TypeEntry?, _ selectionSet1: SelectionSet, _ parent2: TypeEntry?,
        _ selectionSet2: SelectionSet
    ) -> [Conflict] {
        var conflicts: [Conflict] = []
        let first = fieldsAndFragments(selectionSet1, parent: parent1)
        let second = fieldsAndFragments(selectionSet2, parent: parent2)
        collectConflictsBetween(first.fields, second.fields, exclusive: exclusive, into: &conflicts)
        if !second.fragments.isEmpty {
            var compared = [Bool](repeating: false, count: context.fragments.count * 2)
            for fragment in second.fragments {
                collectConflictsBetween(
                    first.fields, andFragment: fragment, exclusive: exclusive, compared: &compared, into: &conflicts)
            }
        }
        if !first.fragments.isEmpty {
            var compared = [Bool](repeating: false, count: context.fragments.count * 2)
            for fragment in first.fragments {
                collectConflictsBetween(
                    second.fields, andFragment: fragment, exclusive: exclusive, compared: &compared, into: &conflicts)
            }
        }
        for fragment1 in first.fragments {
            for fragment2 in second.fragments {
                collectConflictsBetweenFragments(fragment1, fragment2, exclusive: exclusive, into: &conflicts)
            }
        }
        return conflicts
    }

    /// Whether two fields with the same response name can be merged; the conflict if not.
    private func findConflict(
        _ responseName: String, _ a: CollectedField, _ b: CollectedField, parentsExclusive: Bool
    ) -> Conflict? {
        // Fields on two different object types never meet on the same object: only their shapes must agree.
        let exclusive =
            parentsExclusive
            || (a.parent !== b.parent && a.parent?.kind == .object && b.parent?.kind == .object)
        let fieldA = a.field
        let fieldB = b.field
        if !exclusive {
            if fieldA.name.value != fieldB.name.value {
                return Conflict(
                    responseName: responseName,
                    reason: .message("\"\(fieldA.name.value)\" and \"\(fieldB.name.value)\" are different fields"),
                    fields1: [fieldA.span], fields2: [fieldB.span])
            }
            if !Self.sameArguments(fieldA.arguments, fieldB.arguments) {
                return Conflict(
                    responseName: responseName, reason: .message("they have differing arguments"),
                    fields1: [fieldA.span], fields2: [fieldB.span])
            }
        }
        if let typeA = a.definition?.type, let typeB = b.definition?.type, typesConflict(typeA, typeB) {
            return Conflict(
                responseName: responseName,
                reason: .message("they return conflicting types \"\(typeA)\" and \"\(typeB)\""),
                fields1: [fieldA.span], fields2: [fieldB.span])
        }
        if let selectionSetA = fieldA.selectionSet, let selectionSetB = fieldB.selectionSet {
            let sub = conflictsBetweenSubselections(
                exclusive: exclusive, a.definition.flatMap { context.index.entry(id: $0.namedTypeID) }, selectionSetA,
                b.definition.flatMap { context.index.entry(id: $0.namedTypeID) }, selectionSetB)
            if !sub.isEmpty {
                return Conflict(
                    responseName: responseName, reason: .subfields(sub.map { ($0.responseName, $0.reason) }),
                    fields1: [fieldA.span] + sub.flatMap(\.fields1), fields2: [fieldB.span] + sub.flatMap(\.fields2))
            }
        }
        return nil
    }

    static func sameArguments(_ first: [Argument], _ second: [Argument]) -> Bool {
        guard first.count == second.count else { return false }
        for argument in first {
            guard let other = second.first(where: { $0.name.value == argument.name.value }),
                other.value == argument.value
            else { return false }
        }
        return true
    }

    /// Whether two output types have incompatible shapes (list/non-null structure, or different leaf types).
    private func typesConflict(_ a: TypeRef, _ b: TypeRef) -> Bool {
        switch (a, b) {
        case (.list(let x), .list(let y)): return typesConflict(x, y)
        case (.list, _), (_, .list): return true
        case (.nonNull(let x), .nonNull(let y)): return typesConflict(x, y)
        case (.nonNull, _), (_, .nonNull): return true
        case (.named(let x), .named(let y)):
            if x == y { return false }
            return context.entry(named: x)?.kind.isLeaf == true || context.entry(named: y)?.kind.isLeaf == true
        }
    }
}
