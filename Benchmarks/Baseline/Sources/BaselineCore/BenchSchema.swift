import GraphQL

// bench.graphql, written out with GraphQLSwift's type constructors and wired to `Dataset`.
//
// Every field has an explicit resolver (a stored-property read or a dictionary lookup), so
// execution never falls back to GraphQLSwift's Mirror-based default resolver. The field and
// argument order, descriptions and nullability match bench.graphql exactly;
// `BenchSchema.matchesSDL(_:)` checks that by printing both schemas.

public enum BenchSchema {
    /// The description block at the top of bench.graphql.
    static let schemaDescription = """
        Benchmark schema shared by every peer implementation (GraphQLSwift, graphql-core, ...).

        Semantics every implementation must follow (so results are byte-comparable):
        - `first: Int` limits a list to its first N items in dataset order; null/absent means "all".
        - `tasks(status:)` filters by status *before* `first` is applied.
        - Relations are resolved by in-memory dictionary lookup (no database).
        - Dates are ISO-8601 strings (plain String scalars, no custom scalar).
        """

    /// Builds the executable schema over `data`.
    public static func make(data: Dataset) throws -> GraphQLSchema {
        let roleType = try enumType("Role", ["ADMIN", "MEMBER", "GUEST"])
        let projectStatusType = try enumType("ProjectStatus", ["PLANNED", "ACTIVE", "ARCHIVED"])
        let taskStatusType = try enumType("TaskStatus", ["TODO", "IN_PROGRESS", "IN_REVIEW", "DONE"])
        let taskPriorityType = try enumType("TaskPriority", ["LOW", "MEDIUM", "HIGH", "URGENT"])

        let firstArg: GraphQLArgumentConfigMap = ["first": GraphQLArgument(type: GraphQLInt)]

        // User, Project and Task refer to each other, so their field maps are thunks that read
        // these variables once all three types exist.
        var userType: GraphQLObjectType!
        var projectType: GraphQLObjectType!
        var taskType: GraphQLObjectType!

        userType = try GraphQLObjectType(
            name: "User",
            fields: {
                [
                    "id": field(GraphQLNonNull(GraphQLID)) { (u: UserRow) in u.id },
                    "email": field(GraphQLNonNull(GraphQLString)) { (u: UserRow) in u.email },
                    "name": field(GraphQLNonNull(GraphQLString)) { (u: UserRow) in u.name },
                    "role": field(GraphQLNonNull(roleType)) { (u: UserRow) in u.role },
                    "createdAt": field(GraphQLNonNull(GraphQLString)) { (u: UserRow) in u.createdAt },
                    "projects": field(
                        nonNullList(projectType!),
                        description: "Projects owned by this user.",
                        args: firstArg
                    ) { (u: UserRow, args: Map) in
                        (data.projectsByOwner[u.id] ?? []).limited(to: args["first"].int)
                    },
                    "tasks": field(
                        nonNullList(taskType!),
                        description: "Tasks assigned to this user.",
                        args: firstArg
                    ) { (u: UserRow, args: Map) in
                        (data.tasksByAssignee[u.id] ?? []).limited(to: args["first"].int)
                    },
                ]
            }
        )

        projectType = try GraphQLObjectType(
            name: "Project",
            fields: {
                [
                    "id": field(GraphQLNonNull(GraphQLID)) { (p: ProjectRow) in p.id },
                    "name": field(GraphQLNonNull(GraphQLString)) { (p: ProjectRow) in p.name },
                    "status": field(GraphQLNonNull(projectStatusType)) { (p: ProjectRow) in p.status },
                    "owner": field(GraphQLNonNull(userType!)) { (p: ProjectRow) in
                        data.usersByID[p.ownerID]
                    },
                    "tasks": field(nonNullList(taskType!), args: firstArg) { (p: ProjectRow, args: Map) in
                        (data.tasksByProject[p.id] ?? []).limited(to: args["first"].int)
                    },
                ]
            }
        )

        taskType = try GraphQLObjectType(
            name: "Task",
            fields: {
                [
                    "id": field(GraphQLNonNull(GraphQLID)) { (t: TaskRow) in t.id },
                    "title": field(GraphQLNonNull(GraphQLString)) { (t: TaskRow) in t.title },
                    "status": field(GraphQLNonNull(taskStatusType)) { (t: TaskRow) in t.status },
                    "priority": field(GraphQLNonNull(taskPriorityType)) { (t: TaskRow) in t.priority },
                    "tags": field(GraphQLNonNull(GraphQLList(GraphQLNonNull(GraphQLString)))) {
                        (t: TaskRow) in t.tags
                    },
                    "dueDate": field(GraphQLString) { (t: TaskRow) in t.dueDate },
                    "assignee": field(userType!) { (t: TaskRow) in
                        t.assigneeID.flatMap { data.usersByID[$0] }
                    },
                    "project": field(GraphQLNonNull(projectType!)) { (t: TaskRow) in
                        data.projectsByID[t.projectID]
                    },
                ]
            }
        )

        let queryType = try GraphQLObjectType(
            name: "Query",
            fields: [
                "user": GraphQLField(
                    type: userType!,
                    args: ["id": GraphQLArgument(type: GraphQLNonNull(GraphQLID))]
                ) { _, args, _, _ in
                    args["id"].string.flatMap { data.usersByID[$0] }
                },
                "users": GraphQLField(type: nonNullList(userType!), args: firstArg) { _, args, _, _ in
                    data.users.limited(to: args["first"].int)
                },
                "project": GraphQLField(
                    type: projectType!,
                    args: ["id": GraphQLArgument(type: GraphQLNonNull(GraphQLID))]
                ) { _, args, _, _ in
                    args["id"].string.flatMap { data.projectsByID[$0] }
                },
                "projects": GraphQLField(type: nonNullList(projectType!), args: firstArg) {
                    _, args, _, _ in
                    data.projects.limited(to: args["first"].int)
                },
                "tasks": GraphQLField(
                    type: nonNullList(taskType!),
                    args: [
                        "first": GraphQLArgument(type: GraphQLInt),
                        "status": GraphQLArgument(type: taskStatusType),
                    ]
                ) { _, args, _, _ in
                    let limit = args["first"].int
                    guard let status = args["status"].string else {
                        return data.tasks.limited(to: limit)
                    }
                    return data.tasks.filter { $0.status == status }.limited(to: limit)
                },
            ]
        )

        // `types` lists every type in bench.graphql's order, so printSchema output lines up.
        return try GraphQLSchema(
            description: schemaDescription,
            query: queryType,
            types: [
                roleType, projectStatusType, taskStatusType, taskPriorityType,
                userType!, projectType!, taskType!, queryType,
            ]
        )
    }

    /// Whether `schema` prints exactly like the schema GraphQLSwift builds from `sdl`
    /// (bench.graphql). Returns nil when they match, else both printouts for a diff.
    public static func mismatch(_ schema: GraphQLSchema, sdl: String) throws -> (code: String, sdl: String)? {
        let fromSDL = try buildSchema(source: sdl)
        let a = printSchema(schema: schema)
        let b = printSchema(schema: fromSDL)
        return a == b ? nil : (a, b)
    }

    // MARK: - Helpers

    private static func enumType(_ name: String, _ values: [String]) throws -> GraphQLEnumType {
        var map: GraphQLEnumValueMap = [:]
        for value in values {
            map[value] = GraphQLEnumValue(value: .string(value))
        }
        return try GraphQLEnumType(name: name, values: map)
    }

    private static func nonNullList(_ type: GraphQLObjectType) -> GraphQLNonNull {
        GraphQLNonNull(GraphQLList(GraphQLNonNull(type)))
    }

    /// A field whose resolver reads from the parent row (no arguments).
    private static func field<Row: Sendable>(
        _ type: GraphQLOutputType,
        description: String? = nil,
        _ read: @escaping @Sendable (Row) -> (any Sendable)?
    ) -> GraphQLField {
        GraphQLField(type: type, description: description) { source, _, _, _ in
            try read(row(source))
        }
    }

    /// A field whose resolver reads from the parent row and its arguments.
    private static func field<Row: Sendable>(
        _ type: GraphQLOutputType,
        description: String? = nil,
        args: GraphQLArgumentConfigMap,
        _ read: @escaping @Sendable (Row, Map) -> (any Sendable)?
    ) -> GraphQLField {
        GraphQLField(type: type, description: description, args: args) { source, args, _, _ in
            try read(row(source), args)
        }
    }

    private static func row<Row>(_ source: any Sendable) throws -> Row {
        guard let row = source as? Row else {
            throw GraphQLError(message: "Expected \(Row.self), got \(type(of: source))")
        }
        return row
    }
}
