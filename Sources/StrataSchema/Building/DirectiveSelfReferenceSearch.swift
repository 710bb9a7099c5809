import StrataLanguage

/// Spec §3.13: a directive definition must not use itself, directly on its arguments or indirectly through the
/// input types, enum values and other directives its arguments lead to.
struct DirectiveSelfReferenceSearch {
    let schema: Schema
    let target: String
    private var visitedTypes: Set<String> = []
    private var visitedDirectives: Set<String> = []

    init(schema: Schema, target: String) {
        self.schema = schema
        self.target = target
    }

    mutating func referencesTarget(from directive: DirectiveDef) -> Bool {
        visitedDirectives.insert(directive.name)
        return directive.arguments.contains { uses(inputValue: $0) }
    }

    private mutating func uses(inputValue: InputValueDef) -> Bool {
        uses(applied: inputValue.appliedDirectives) || uses(typeNamed: inputValue.type.namedType)
    }

    private mutating func uses(applied: [Directive]) -> Bool {
        for directive in applied {
            let name = directive.name.value
            if name == target { return true }
            guard visitedDirectives.insert(name).inserted, let definition = schema.directives[name] else { continue }
            if definition.arguments.contains(where: { uses(inputValue: $0) }) { return true }
        }
        return false
    }

    private mutating func uses(typeNamed name: String) -> Bool {
        guard visitedTypes.insert(name).inserted, let type = schema.types[name] else { return false }
        if uses(applied: type.appliedDirectives) { return true }
        switch type {
        case .inputObject(let inputObject): return inputObject.fields.contains { uses(inputValue: $0) }
        case .enumType(let enumType): return enumType.values.contains { uses(applied: $0.appliedDirectives) }
        default: return false
        }
    }
}
