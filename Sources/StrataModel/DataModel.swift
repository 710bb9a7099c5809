public import StrataSchema
public import StrataStorage

/// What schema.graphql means for storage: the derived schema (with the generated API) plus, for every
/// `@table` type, how its fields map to columns and relations. Built by `DataModelBuilder` from SDL.
public struct DataModel: Sendable {
    /// The complete schema clients see: the SDL's types plus the derived queries, mutations and inputs.
    public let schema: Schema
    /// The storage entities of every `@table` type (dependency order), per source.
    public let storage: StorageModel
    /// Bindings by GraphQL type name.
    public let entities: [String: EntityBinding]
    /// Derived fields of the query root.
    public let queryFields: [String: RootQueryBinding]
    /// Derived fields of the mutation root.
    public let mutationFields: [String: MutationBinding]

    public init(
        schema: Schema, storage: StorageModel, entities: [String: EntityBinding],
        queryFields: [String: RootQueryBinding], mutationFields: [String: MutationBinding]
    ) {
        self.schema = schema
        self.storage = storage
        self.entities = entities
        self.queryFields = queryFields
        self.mutationFields = mutationFields
    }
}

/// How one `@table` type maps to its entity.
public struct EntityBinding: Sendable, Hashable {
    public var typeName: String
    /// The data source serving the entity ("default" unless configured otherwise).
    public var source: String
    public var entity: EntityDescriptor
    /// Scalar/enum field name → column index in `entity.columns`.
    public var fieldColumns: [String: Int]
    /// Relation field name → relation (includes the `…Connection` twins of `@hasMany` fields).
    public var relations: [String: RelationBinding]
    public var createdAtColumn: Int?
    public var updatedAtColumn: Int?
    /// Fields whose stored value is computed on every write.
    public var derivedFields: [DerivedField]
    /// `@readonly` on the type: no mutations are derived.
    public var isReadonly: Bool
    /// Names of the generated types for this entity.
    public var names: GeneratedNames

    public init(
        typeName: String, source: String, entity: EntityDescriptor, fieldColumns: [String: Int],
        relations: [String: RelationBinding], createdAtColumn: Int?, updatedAtColumn: Int?,
        derivedFields: [DerivedField], isReadonly: Bool, names: GeneratedNames
    ) {
        self.typeName = typeName
        self.source = source
        self.entity = entity
        self.fieldColumns = fieldColumns
        self.relations = relations
        self.createdAtColumn = createdAtColumn
        self.updatedAtColumn = updatedAtColumn
        self.derivedFields = derivedFields
        self.isReadonly = isReadonly
        self.names = names
    }
}

/// A relation field of an entity.
public struct RelationBinding: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable {
        /// To-one through a key column of this entity (`owner` via `owner_id` → `users.id`).
        case belongsTo
        /// To-one through a unique key column of the target (`profile` via `profiles.user_id`).
        case hasOne
        /// To-many through a key column of the target (`tasks` via `tasks.project_id`).
        case hasMany
    }

    public var kind: Kind
    /// The target GraphQL type name.
    public var target: String
    /// The column of this entity whose value identifies the related rows (belongsTo: the foreign key column;
    /// hasOne/hasMany: this entity's primary key column).
    public var localColumn: String
    /// The column of the target matched against it (belongsTo: the target's key; hasOne/hasMany: the foreign key).
    public var remoteColumn: String
    /// For `@hasMany`: whether this is the `…Connection` twin (returns a connection, not a list).
    public var isConnection: Bool

    public init(kind: Kind, target: String, localColumn: String, remoteColumn: String, isConnection: Bool = false) {
        self.kind = kind
        self.target = target
        self.localColumn = localColumn
        self.remoteColumn = remoteColumn
        self.isConnection = isConnection
    }
}

/// A stored field computed on write as the product of paths (`quantity`, or `factor.value` through a belongsTo).
public struct DerivedField: Sendable, Hashable {
    public var field: String
    public var column: Int
    /// Each factor: a field of this entity, or (relation field, field of the related entity).
    public var factors: [DerivedFactor]

    public init(field: String, column: Int, factors: [DerivedFactor]) {
        self.field = field
        self.column = column
        self.factors = factors
    }
}

public enum DerivedFactor: Sendable, Hashable {
    case field(String)
    case related(relation: String, field: String)
}

/// Generated names for one entity `Task`: `task`, `tasks`, `tasksConnection`, `TaskWhere`, `TaskOrderBy`,
/// `TaskOrderField`, `TaskConnection`, `TaskEdge`, `CreateTaskInput`, `UpdateTaskInput`, `createTask`,
/// `updateTask`, `deleteTask`.
public struct GeneratedNames: Sendable, Hashable {
    public var single: String
    public var plural: String
    public var connectionField: String
    public var whereInput: String
    public var orderByInput: String
    public var orderFieldEnum: String
    public var connectionType: String
    public var edgeType: String
    public var createInput: String
    public var updateInput: String
    public var createMutation: String
    public var updateMutation: String
    public var deleteMutation: String

    public init(typeName: String) {
        let lowered = typeName.prefix(1).lowercased() + typeName.dropFirst()
        single = lowered
        plural = GeneratedNames.pluralize(lowered)
        connectionField = plural + "Connection"
        whereInput = typeName + "Where"
        orderByInput = typeName + "OrderBy"
        orderFieldEnum = typeName + "OrderField"
        connectionType = typeName + "Connection"
        edgeType = typeName + "Edge"
        createInput = "Create\(typeName)Input"
        updateInput = "Update\(typeName)Input"
        createMutation = "create\(typeName)"
        updateMutation = "update\(typeName)"
        deleteMutation = "delete\(typeName)"
    }

    /// English plural good enough for type names: `Laboratory` → `laboratories`, `Status` → `statuses`.
    public static func pluralize(_ word: String) -> String {
        if word.hasSuffix("y"), let beforeY = word.dropLast().last, !"aeiou".contains(beforeY) {
            return word.dropLast() + "ies"
        }
        if word.hasSuffix("s") || word.hasSuffix("x") || word.hasSuffix("ch") || word.hasSuffix("sh") {
            return word + "es"
        }
        return word + "s"
    }
}

/// A derived field of the query root.
public enum RootQueryBinding: Sendable, Hashable {
    /// `task(id: ID!): Task`
    case lookup(entity: String)
    /// `tasks(where:, orderBy:, first:, after:): [Task!]!`
    case list(entity: String)
    /// `tasksConnection(where:, orderBy:, first:, after:): TaskConnection!`
    case connection(entity: String)
}

/// A derived field of the mutation root.
public enum MutationBinding: Sendable, Hashable {
    /// `createTask(input: CreateTaskInput!): Task!`
    case create(entity: String)
    /// `updateTask(id: ID!, input: UpdateTaskInput!, expectedVersion: Int): Task!`
    case update(entity: String)
    /// `deleteTask(id: ID!, expectedVersion: Int): Task` — soft delete where the type has `@softDelete`.
    case delete(entity: String)
}
