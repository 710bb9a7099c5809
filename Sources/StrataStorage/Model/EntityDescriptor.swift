/// The storage shape of one entity (one table), derived from a `@table` type of schema.graphql.
/// Storage knows nothing about GraphQL: `field` names are kept only to report errors in the client's terms.
public struct EntityDescriptor: Sendable, Hashable {
    /// The entity's name (the GraphQL type name, e.g. `Task`).
    public var name: String
    /// The SQL table name (e.g. `tasks`).
    public var table: String
    public var columns: [ColumnDescriptor]
    /// Index into `columns` of the primary key (a single column).
    public var primaryKey: Int
    /// Index of the nullable timestamp column set instead of deleting, if the entity soft-deletes.
    public var softDeleteColumn: Int?
    /// Index of the integer column used for optimistic locking, if any. Adapters bump it on every update.
    public var versionColumn: Int?
    /// Secondary indexes to create (each a list of column names). Unique columns get unique indexes
    /// from `ColumnDescriptor.isUnique`; foreign keys get an index automatically.
    public var indexes: [[String]]

    public init(
        name: String, table: String, columns: [ColumnDescriptor], primaryKey: Int,
        softDeleteColumn: Int? = nil, versionColumn: Int? = nil, indexes: [[String]] = []
    ) {
        self.name = name
        self.table = table
        self.columns = columns
        self.primaryKey = primaryKey
        self.softDeleteColumn = softDeleteColumn
        self.versionColumn = versionColumn
        self.indexes = indexes
        self.columnIndexByName = Dictionary(uniqueKeysWithValues: columns.enumerated().map { ($1.name, $0) })
    }

    private var columnIndexByName: [String: Int]

    /// The position of the column with this (SQL) name.
    @inlinable public func columnIndex(_ name: String) -> Int? { _columnIndex(name) }
    @usableFromInline func _columnIndex(_ name: String) -> Int? { columnIndexByName[name] }

    public var primaryKeyColumn: ColumnDescriptor { columns[primaryKey] }

    public static func == (lhs: EntityDescriptor, rhs: EntityDescriptor) -> Bool {
        lhs.name == rhs.name && lhs.table == rhs.table && lhs.columns == rhs.columns
            && lhs.primaryKey == rhs.primaryKey && lhs.softDeleteColumn == rhs.softDeleteColumn
            && lhs.versionColumn == rhs.versionColumn && lhs.indexes == rhs.indexes
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(name)
        hasher.combine(table)
        hasher.combine(columns)
    }
}

/// One column of an entity.
public struct ColumnDescriptor: Sendable, Hashable {
    /// The SQL column name (snake_case), also the name requests use to refer to the column.
    public var name: String
    /// The GraphQL field name the column backs (camelCase), for messages.
    public var field: String
    public var type: ColumnType
    public var isNullable: Bool
    public var isUnique: Bool
    /// The entity and column this column references, if it is a foreign key.
    public var references: ForeignKey?

    public init(
        name: String, field: String, type: ColumnType, isNullable: Bool, isUnique: Bool = false,
        references: ForeignKey? = nil
    ) {
        self.name = name
        self.field = field
        self.type = type
        self.isNullable = isNullable
        self.isUnique = isUnique
        self.references = references
    }
}

public struct ForeignKey: Sendable, Hashable {
    public var entity: String
    public var table: String
    public var column: String
    public var onDelete: OnDelete

    public enum OnDelete: String, Sendable, Hashable {
        case restrict, cascade, setNull
    }

    public init(entity: String, table: String, column: String, onDelete: OnDelete = .restrict) {
        self.entity = entity
        self.table = table
        self.column = column
        self.onDelete = onDelete
    }
}

/// Column types. SQL mapping (PostgreSQL / SQLite):
/// uuid: `uuid` / TEXT; string: `text COLLATE "C"` / TEXT; int: `bigint` / INTEGER;
/// double: `double precision` / REAL; bool: `boolean` / INTEGER 0|1; timestamp: `timestamptz` / INTEGER µs;
/// date: `date` / TEXT; json: `text` / TEXT; stringList: `text[]` / TEXT (JSON array);
/// enumeration: `text COLLATE "C"` / TEXT, holding the GraphQL enum value name.
public enum ColumnType: Sendable, Hashable {
    case uuid
    case string
    case int
    case double
    case bool
    case timestamp
    case date
    case json
    case stringList
    case enumeration([String])
}

/// All entities one source serves, in dependency order (referenced entities first).
public struct StorageModel: Sendable, Hashable {
    public var entities: [EntityDescriptor]
    private var indexByName: [String: Int]

    public init(entities: [EntityDescriptor]) {
        self.entities = entities
        self.indexByName = Dictionary(uniqueKeysWithValues: entities.enumerated().map { ($1.name, $0) })
    }

    public subscript(entity name: String) -> EntityDescriptor? {
        indexByName[name].map { entities[$0] }
    }

    public static func == (lhs: StorageModel, rhs: StorageModel) -> Bool { lhs.entities == rhs.entities }
    public func hash(into hasher: inout Hasher) { hasher.combine(entities) }
}
