import StrataLanguage
import StrataSchema

/// The fields of one selection (spec §6.3.2 CollectFields): grouped by response key, in first-appearance order,
/// after `@skip`/`@include` and fragment type conditions.
struct CollectedField {
    var responseKey: String
    var name: String
    /// Every AST field merged under this key (their selection sets merge for the next step).
    var nodes: [Field]
}

struct FieldCollector {
    let schema: Schema
    let fragments: [String: FragmentDefinition]
    let variables: [String: InputValue]

    /// Collects the fields of `selectionSets` for the concrete object type `typeName`.
    func collect(_ selectionSets: [SelectionSet], for typeName: String) -> [CollectedField] {
        var fields: [CollectedField] = []
        fields.reserveCapacity(selectionSets.first?.selections.count ?? 0)
        var index: [String: Int] = [:]
        var visited: Set<String> = []
        for set in selectionSets {
            collect(set, typeName, &fields, &index, &visited)
        }
        return fields
    }

    private func collect(
        _ set: SelectionSet, _ typeName: String, _ fields: inout [CollectedField], _ index: inout [String: Int],
        _ visited: inout Set<String>
    ) {
        for selection in set.selections {
            switch selection {
            case .field(let field):
                guard included(field.directives) else { continue }
                let key = field.responseKey
                if let position = Self.position(of: key, in: fields, &index) {
                    fields[position].nodes.append(field)
                } else {
                    if !index.isEmpty { index[key] = fields.count }
                    fields.append(CollectedField(responseKey: key, name: field.name.value, nodes: [field]))
                }
            case .inlineFragment(let fragment):
                guard included(fragment.directives) else { continue }
                if let condition = fragment.typeCondition, !applies(condition.value, to: typeName) { continue }
                collect(fragment.selectionSet, typeName, &fields, &index, &visited)
            case .fragmentSpread(let spread):
                guard included(spread.directives) else { continue }
                let name = spread.name.value
                guard !visited.contains(name), let fragment = fragments[name] else { continue }
                visited.insert(name)
                guard applies(fragment.typeCondition.value, to: typeName) else { continue }
                collect(fragment.selectionSet, typeName, &fields, &index, &visited)
            }
        }
    }

    /// Selections this small are searched in order (a few short string compares), larger ones through `index`,
    /// built on first need: hashing every response key cost more than the rest of collecting a small selection.
    private static let linearSearchLimit = 16

    private static func position(of key: String, in fields: [CollectedField], _ index: inout [String: Int]) -> Int? {
        if fields.count <= linearSearchLimit { return fields.firstIndex { $0.responseKey == key } }
        if index.isEmpty {
            for (position, field) in fields.enumerated() { index[field.responseKey] = position }
        }
        return index[key]
    }

    private func applies(_ condition: String, to typeName: String) -> Bool {
        condition == typeName || schema.isSubType(condition, typeName)
    }

    /// `@skip(if: true)` excludes; `@include(if: false)` excludes.
    private func included(_ directives: some Collection<Directive>) -> Bool {
        if directives.isEmpty { return true }
        for directive in directives {
            switch directive.name.value {
            case "skip":
                if condition(directive) == true { return false }
            case "include":
                if condition(directive) == false { return false }
            default:
                continue
            }
        }
        return true
    }

    private func condition(_ directive: Directive) -> Bool? {
        guard let argument = directive.arguments.first(where: { $0.name.value == "if" }) else { return nil }
        switch argument.value {
        case .boolean(let b, _): return b
        case .variable(let name):
            if case .boolean(let b) = variables[name.value] { return b }
            return nil
        default: return nil
        }
    }
}
