/// Finds cycles of non-null input object fields, which no finite value could satisfy.
struct InputObjectCycleFinder {
    struct Step {
        var owner: String
        var field: String
    }

    let schema: Schema
    private var visited: Set<String> = []
    private var path: [Step] = []
    private var pathIndex: [String: Int] = [:]
    private var found: [[Step]] = []

    init(schema: Schema) { self.schema = schema }

    /// The cycles reachable from `type` not reported yet.
    mutating func cycles(from type: InputObjectType) -> [[Step]] {
        found = []
        visit(type)
        return found
    }

    private mutating func visit(_ type: InputObjectType) {
        guard visited.insert(type.name).inserted else { return }
        pathIndex[type.name] = path.count
        for field in type.fields {
            guard case .nonNull(.named(let target)) = field.type, case .inputObject(let next) = schema.types[target]
            else { continue }
            path.append(Step(owner: type.name, field: field.name))
            if let start = pathIndex[target] {
                found.append(Array(path[start...]))
            } else {
                visit(next)
            }
            path.removeLast()
        }
        pathIndex[type.name] = nil
    }
}
