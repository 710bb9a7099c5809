internal import StrataLanguage
internal import StrataStorage

/// The binding of one `@table` type while `DataModelBuilder` works on it: columns, keys and relations, plus what
/// the API generator needs to know about each stored field.
struct TableModel {
    /// One field of the type stored in a column.
    struct StoredField {
        var name: String
        var column: Int
        /// The GraphQL named type (`String`, `ID`, an enum name, …).
        var typeName: String
        /// `[String!]`: a `stringList` column.
        var isList: Bool
        var type: TypeReference
        var isKey: Bool
        /// Clients may set it in create/update inputs.
        var isWritable: Bool
        /// `@default(value:)`: the create input's default for the field, as written in the SDL (so a value of the
        /// wrong type is reported at its own line and column when the schema is built).
        var defaultValue: Value? = nil
    }

    var typeName: String
    var definition: ObjectTypeDefinition
    var table: String
    var source: String
    var isReadonly: Bool
    var isAuditLog: Bool
    var columns: [ColumnDescriptor] = []
    var fieldColumns: [String: Int] = [:]
    var storedFields: [StoredField] = []
    var primaryKey: Int?
    var softDeleteColumn: Int?
    var versionColumn: Int?
    var createdAtColumn: Int?
    var updatedAtColumn: Int?
    /// Index column lists (from `@index` and foreign keys), in the order found.
    var indexes: [[String]] = []
    /// Relation fields in field order (without the `…Connection` twins).
    var relations: [(field: String, binding: RelationBinding)] = []
    var derivedFields: [DerivedField] = []

    var names: GeneratedNames { GeneratedNames(typeName: typeName) }

    var primaryKeyColumn: ColumnDescriptor? { primaryKey.map { columns[$0] } }

    func storedField(_ name: String) -> StoredField? { storedFields.first { $0.name == name } }

    mutating func addIndex(_ column: String) {
        let alreadyCovered =
            indexes.contains([column]) || columns.contains { $0.name == column && $0.isUnique }
            || primaryKeyColumn?.name == column
        if !alreadyCovered { indexes.append([column]) }
    }

    var entity: EntityDescriptor {
        EntityDescriptor(
            name: typeName, table: table, columns: columns, primaryKey: primaryKey ?? 0,
            softDeleteColumn: softDeleteColumn, versionColumn: versionColumn, indexes: indexes)
    }

    func binding(relations allRelations: [String: RelationBinding]) -> EntityBinding {
        EntityBinding(
            typeName: typeName, source: source, entity: entity, fieldColumns: fieldColumns,
            relations: allRelations, createdAtColumn: createdAtColumn, updatedAtColumn: updatedAtColumn,
            derivedFields: derivedFields, isReadonly: isReadonly, names: names)
    }
}
