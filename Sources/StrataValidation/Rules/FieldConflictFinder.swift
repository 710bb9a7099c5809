import StrataLanguage
import StrataSchema

/// The search behind `OverlappingFieldsCanBeMergedRule` (spec `FieldsInSetCanMerge` and `SameResponseShape`).
///
/// Fields are grouped by response name per selection set, with inline fragments flattened in and named fragments
/// kept aside; those groupings are cached per selection set (by span) and per fragment. Fragment-to-fragment
/// comparisons are memoized per pair (and exclusivity), and within one comparison a field set is compared to each
/// fragment at most once, so a document whose fragments spread each other many times stays linear in practice.
/// Response names are interned to integers, so grouping and matching compare numbers, not strings.
final class FieldConflictFinder {
    /// What the comparison needs of one field, taken from its AST node once.
    struct CollectedField {
        var parent: TypeEntry?
        var definition: FieldEntry?
        var name: String
        var arguments: ArraySlice<Argument>
        var selectionSet: SelectionSet?
        var span: SourceSpan
        /// The interned response name.
        var key: Int32
        /// The next field with the same response name in the map, or -1.
        var next: Int32
    }

    struct Group {
        var key: Int32
        var head: Int32
    }

    /// Fields grouped by response name, in first-seen order. Immutable once built (so reads need no exclusivity
    /// checks) and a class so identity can be compared cheaply.
    final class FieldMap {
        let groups: [Group]
        let fields: [CollectedField]
        private let lookup: [Int32: Int]

        init(groups: [Group], fields: [CollectedField]) {
            self.groups = groups
            self.fields = fields
            if groups.count > 24 {
                var lookup: [Int32: Int] = [:]
                for (index, group) in groups.enumerated() { lookup[group.key] = index }
                self.lookup = lookup
            } else {
                lookup = [:]
            }
        }

        /// The position in `groups` of the group for `key`.
        @inline(__always) func group(for key: Int32) -> Int? {
            if lookup.isEmpty {
                for index in groups.indices where groups[index].key == key { return index }
                return nil
            }
            return lookup[key]
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
    private var responseNames = ResponseNameTable()
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
    ///
    /// Selections are first checked for being fields by their case alone, and each field's response key is then
    /// read once: binding a field out of its selection copies the whole node (a retain per member), and comparing
    /// each field with the ones before it by binding both made that quadratic (4% of a validation).
    static func hasOnlyDistinctFields(_ selectionSet: SelectionSet) -> Bool {
        let selections = selectionSet.selections
        let count = selections.count
        if count > 24 { return false }
        for position in 0..<count {
            guard case .field = selections[position] else { return false }
        }
        return withUnsafeTemporaryAllocation(of: String.self, capacity: count) { keys in
            for position in 0..<count {
                keys.initializeElement(at: position, to: selections[position].fieldResponseKey ?? "")
            }
            defer { keys.deinitialize() }
            for position in 1..<max(count, 1) {
                for earlier in 0..<position where keys[earlier] == keys[position] { return false }
            }
            return true
        }
    }

    // MARK: Collecting fields

    private func fieldsAndFragments(_ selectionSet: SelectionSet, parent: TypeEntry?) -> FieldsAndFragments {
        let span = selectionSet.span
        let cacheable = span.end > span.start
        let cacheKey = UInt64(span.start) << 32 | UInt64(span.end)
        if cacheable, let cached = selectionSetCache[cacheKey] { return cached }
        // Sized for the usual case of one field per selection (inline fragments add to it): growing the three
        // arrays from empty, one reallocation after another, was 6% of a validation.
        let expected = selectionSet.selections.count
        var groups: [Group] = []
        groups.reserveCapacity(expected)
        var tails: [Int32] = []
        tails.reserveCapacity(expected)
        var fields: [CollectedField] = []
        fields.reserveCapacity(expected)
        var fragments: [Int] = []
        var groupIndex: [Int32: Int] = [:]
        collect(
            selectionSet, parent: parent, groups: &groups, tails: &tails, fields: &fields, fragments: &fragments,
            groupIndex: &groupIndex)
        let collected = FieldsAndFragments(fields: FieldMap(groups: groups, fields: fields), fragments: fragments)
        if cacheable { selectionSetCache[cacheKey] = collected }
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
        _ selectionSet: SelectionSet, parent: TypeEntry?, groups: inout [Group], tails: inout [Int32],
        fields: inout [CollectedField], fragments: inout [Int], groupIndex: inout [Int32: Int]
    ) {
        let selections = selectionSet.selections
        for position in selections.indices {
            switch selections[position] {
            case .field(let field):
                // The parts are read before anything else is called, so that the field is read in place rather
                // than copied whole (a retain and a release of each of its members).
                let name = field.name.value
                let responseKey = field.alias?.value ?? name
                let arguments = field.arguments
                let subselections = field.selectionSet
                let span = field.span
                let key = responseNames.id(of: responseKey)
                let index = Int32(fields.count)
                fields.append(
                    CollectedField(
                        parent: parent, definition: parent?.field(named: name), name: name, arguments: arguments,
                        selectionSet: subselections, span: span, key: key, next: -1))
                // A linear search while the map is small, a dictionary once it is wide.
                let existing: Int? =
                    groups.count <= 16 ? groups.firstIndex(where: { $0.key == key }) : groupIndex[key]
                if let group = existing {
                    fields[Int(tails[group])].next = index
                    tails[group] = index
                } else {
                    groups.append(Group(key: key, head: index))
                    tails.append(index)
                    if groups.count == 17 {
                        for (position, group) in groups.enumerated() { groupIndex[group.key] = position }
                    } else if groups.count > 17 {
                        groupIndex[key] = groups.count - 1
                    }
                }
            case .fragmentSpread(let spread):
                if let index = context.fragmentIndex(named: spread.name.value), !fragments.contains(index) {
                    fragments.append(index)
                }
            case .inlineFragment(let inline):
                let type = inline.typeCondition.map { context.entry(named: $0.value) } ?? parent
                collect(
                    inline.selectionSet, parent: type, groups: &groups, tails: &tails, fields: &fields,
                    fragments: &fragments, groupIndex: &groupIndex)
            }
        }
    }

    // MARK: Comparing

    private func collectConflictsWithin(_ map: FieldMap, into conflicts: inout [Conflict]) {
        for group in map.groups {
            var i = Int(group.head)
            while i >= 0 {
                var j = Int(map.fields[i].next)
                while j >= 0 {
                    if let conflict = findConflict(map, i, map, j, parentsExclusive: false) {
                        conflicts.append(conflict)
                    }
                    j = Int(map.fields[j].next)
                }
                i = Int(map.fields[i].next)
            }
        }
    }

    private func collectConflictsBetween(
        _ map1: FieldMap, _ map2: FieldMap, exclusive: Bool, into conflicts: inout [Conflict]
    ) {
        for group in map1.groups {
            guard let other = map2.group(for: group.key) else { continue }
            var i = Int(group.head)
            while i >= 0 {
                var j = Int(map2.groups[other].head)
                while j >= 0 {
                    if let conflict = findConflict(map1, i, map2, j, parentsExclusive: exclusive) {
                        conflicts.append(conflict)
                    }
                    j = Int(map2.fields[j].next)
                }
                i = Int(map1.fields[i].next)
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
            collectConflictsBetween(
                map, andFragment: referenced, exclusive: exclusive, compared: &compared, into: &conflicts)
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

    /// Whether two fields with the same response name can be merged; the conflict if not. Fields are read in
    /// place from their maps (copying a collected field costs several retains).
    private func findConflict(
        _ map1: FieldMap, _ index1: Int, _ map2: FieldMap, _ index2: Int, parentsExclusive: Bool
    ) -> Conflict? {
        let fields1 = map1.fields
        let fields2 = map2.fields
        // Fields on two different object types never meet on the same object: only their shapes must agree.
        let exclusive =
            parentsExclusive
            || (fields1[index1].parent !== fields2[index2].parent && fields1[index1].parent?.kind == .object
                && fields2[index2].parent?.kind == .object)
        if !exclusive {
            if fields1[index1].name != fields2[index2].name {
                return conflict(
                    map1, index1, map2, index2,
                    .message("\"\(fields1[index1].name)\" and \"\(fields2[index2].name)\" are different fields"))
            }
            if !(fields1[index1].arguments.isEmpty && fields2[index2].arguments.isEmpty),
                !Self.sameArguments(fields1[index1].arguments, fields2[index2].arguments)
            {
                return conflict(map1, index1, map2, index2, .message("they have differing arguments"))
            }
        }
        let definition1 = fields1[index1].definition
        let definition2 = fields2[index2].definition
        if let definition1, let definition2, definition1 !== definition2,
            typesConflict(definition1.type, definition2.type)
        {
            return conflict(
                map1, index1, map2, index2,
                .message("they return conflicting types \"\(definition1.type)\" and \"\(definition2.type)\""))
        }
        if let selectionSetA = fields1[index1].selectionSet, let selectionSetB = fields2[index2].selectionSet {
            let sub = conflictsBetweenSubselections(
                exclusive: exclusive, definition1.flatMap { context.index.entry(id: $0.namedTypeID) }, selectionSetA,
                definition2.flatMap { context.index.entry(id: $0.namedTypeID) }, selectionSetB)
            if !sub.isEmpty {
                var conflict = conflict(
                    map1, index1, map2, index2, .subfields(sub.map { ($0.responseName, $0.reason) }))
                conflict.fields1 += sub.flatMap(\.fields1)
                conflict.fields2 += sub.flatMap(\.fields2)
                return conflict
            }
        }
        return nil
    }

    private func conflict(_ map1: FieldMap, _ index1: Int, _ map2: FieldMap, _ index2: Int, _ reason: Reason) -> Conflict {
        let name = responseNames.names[Int(map1.fields[index1].key)]
        return Conflict(
            responseName: name, reason: reason, fields1: [map1.fields[index1].span], fields2: [map2.fields[index2].span])
    }

    static func sameArguments(_ first: ArraySlice<Argument>, _ second: ArraySlice<Argument>) -> Bool {
        guard first.count == second.count else { return false }
        for argument in first {
            guard let other = second.first(where: { $0.name.value == argument.name.value }),
                sameValue(other.value, argument.value)
            else { return false }
        }
        return true
    }

    /// Whether two literals are the same value: as written, except that an object's fields may come in any order
    /// (`{a: 1, b: 2}` and `{b: 2, a: 1}` are one input object, so the fields are not in conflict).
    static func sameValue(_ first: Value, _ second: Value) -> Bool {
        switch (first, second) {
        case (.list(let items1, _), .list(let items2, _)):
            return items1.count == items2.count && zip(items1, items2).allSatisfy { sameValue($0, $1) }
        case (.object(let fields1, _), .object(let fields2, _)):
            guard fields1.count == fields2.count else { return false }
            return fields1.allSatisfy { field in
                fields2.contains { $0.name.value == field.name.value && sameValue($0.value, field.value) }
            }
        default:
            return first == second
        }
    }

    /// Whether two output types have incompatible shapes (list/non-null structure, or different leaf types).
    private func typesConflict(_ a: TypeRef, _ b: TypeRef) -> Bool {
        if a == b { return false }
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
