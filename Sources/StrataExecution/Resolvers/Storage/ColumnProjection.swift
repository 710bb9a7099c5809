import StrataLanguage
import StrataModel
import StrataStorage

/// The columns of a target entity that a field's sub-selection reads, so SQL backends fetch only those.
///
/// A row of the target is read by the resolvers of the fields selected on it: a stored field reads its column,
/// a relation reads its local key column (belongsTo: the foreign key; hasOne/hasMany: the referenced key). The
/// primary key and the columns the read itself matches on (`required`: the lookup or foreign-key column) are
/// always fetched. Fragments and inline fragments are walked whatever their type condition and directives
/// (`@skip`/`@include` are ignored: fetching too much is safe). Anything the walk cannot account for — an
/// application resolver on the target (or its connection and edge types), a field that is neither stored nor a
/// relation, a fragment that is not in the document — makes the read fetch every column, because a column
/// missing from a projection would silently read as null.
struct ColumnProjection: Sendable {
    /// The columns to fetch (`.all` when the selection could not be accounted for).
    var columns: ColumnSet
    /// For connections: whether `totalCount` is selected (through fragments too).
    var wantsTotalCount: Bool

    /// Fragments nest at most this deep before the walk gives up and fetches everything (validation rejects
    /// cycles; this only bounds pathological documents).
    static let maxFragmentDepth = 32

    /// A field returning rows of `target` (a list, a to-one relation, a lookup).
    static func rows(
        _ selections: [SelectionSet], target: EntityBinding, required: [Int], lookahead: SelectionLookahead
    ) -> ColumnProjection {
        if lookahead.application.hasResolvers(for: target.typeName) {
            return ColumnProjection(columns: .all, wantsTotalCount: false)
        }
        var walk = Walk(target: target, lookahead: lookahead, required: required)
        for set in selections { walk.row(set, depth: 0) }
        return walk.result
    }

    /// A field returning a `…Connection` of `target`.
    static func connection(
        _ selections: [SelectionSet], target: EntityBinding, required: [Int], lookahead: SelectionLookahead
    ) -> ColumnProjection {
        let application = lookahead.application
        if application.hasResolvers(for: target.typeName) || application.hasResolvers(for: target.names.connectionType)
            || application.hasResolvers(for: target.names.edgeType)
        {
            return ColumnProjection(columns: .all, wantsTotalCount: true)
        }
        var walk = Walk(target: target, lookahead: lookahead, required: required)
        for set in selections { walk.connection(set, depth: 0) }
        return walk.result
    }

    private struct Walk {
        let target: EntityBinding
        let lookahead: SelectionLookahead
        var columns: ColumnSet
        var opaque = false
        var totalCount = false

        init(target: EntityBinding, lookahead: SelectionLookahead, required: [Int]) {
            self.target = target
            self.lookahead = lookahead
            var columns = ColumnSet(required)
            columns.insert(target.entity.primaryKey)
            self.columns = columns
        }

        var result: ColumnProjection {
            ColumnProjection(columns: opaque ? .all : columns, wantsTotalCount: opaque || totalCount)
        }

        /// The fields of a row of the target.
        mutating func row(_ set: SelectionSet, depth: Int) {
            for selection in set.selections {
                if opaque { return }
                switch selection {
                case .field(let field):
                    let name = field.name.value
                    if let column = target.fieldColumns[name] {
                        columns.insert(column)
                    } else if let relation = target.relations[name],
                        let local = target.entity.columnIndex(relation.localColumn)
                    {
                        columns.insert(local)
                    } else if name != "__typename" {
                        opaque = true
                    }
                case .inlineFragment(let fragment):
                    row(fragment.selectionSet, depth: depth)
                case .fragmentSpread(let spread):
                    guard let fragment = fragment(spread, depth: depth) else { return }
                    row(fragment.selectionSet, depth: depth + 1)
                }
            }
        }

        /// The fields of the target's connection type.
        mutating func connection(_ set: SelectionSet, depth: Int) {
            for selection in set.selections {
                if opaque { return }
                switch selection {
                case .field(let field):
                    switch field.name.value {
                    case "edges": if let inner = field.selectionSet { edge(inner, depth: depth) }
                    case "nodes": if let inner = field.selectionSet { row(inner, depth: depth) }
                    case "totalCount": totalCount = true
                    case "pageInfo", "__typename": continue
                    default: opaque = true
                    }
                case .inlineFragment(let fragment):
                    connection(fragment.selectionSet, depth: depth)
                case .fragmentSpread(let spread):
                    guard let fragment = fragment(spread, depth: depth) else { return }
                    connection(fragment.selectionSet, depth: depth + 1)
                }
            }
        }

        /// The fields of the target's edge type.
        private mutating func edge(_ set: SelectionSet, depth: Int) {
            for selection in set.selections {
                if opaque { return }
                switch selection {
                case .field(let field):
                    switch field.name.value {
                    case "node": if let inner = field.selectionSet { row(inner, depth: depth) }
                    case "cursor", "__typename": continue
                    default: opaque = true
                    }
                case .inlineFragment(let fragment):
                    edge(fragment.selectionSet, depth: depth)
                case .fragmentSpread(let spread):
                    guard let fragment = fragment(spread, depth: depth) else { return }
                    edge(fragment.selectionSet, depth: depth + 1)
                }
            }
        }

        /// The spread's definition, or nil (and the walk made opaque) when it is missing or nested too deep.
        private mutating func fragment(_ spread: FragmentSpread, depth: Int) -> FragmentDefinition? {
            guard depth < ColumnProjection.maxFragmentDepth, let fragment = lookahead.fragments[spread.name.value] else {
                opaque = true
                return nil
            }
            return fragment
        }
    }
}
