internal import StrataLanguage

/// The directives (and scalars) schema.graphql may use to describe storage, as SDL definitions that
/// `DataModelBuilder` prepends to the document so that the schema declares them and prints them.
enum StrataDirectives {
    static let names: Set<String> = [
        "table", "key", "column", "unique", "index", "belongsTo", "hasMany", "hasOne", "createdAt", "updatedAt",
        "version", "softDelete", "readonly", "derived", "auditLog", "source", "default",
    ]

    /// The `ReferentialAction` enum used by `@belongsTo(onDelete:)`.
    static let referentialAction = SyntheticAST.enumeration(
        "ReferentialAction", "What happens to rows that refer to a row being deleted.",
        values: [
            ("RESTRICT", "Refuse to delete a row that is still referred to."),
            ("CASCADE", "Delete the referring rows too."),
            ("SET_NULL", "Set the referring key to null (the key field must be nullable)."),
        ])

    static let definitions: [Definition] = {
        typealias S = SyntheticAST
        let fieldLocation = ["FIELD_DEFINITION"]
        return [
            S.directive(
                "table", "Stores the type in a table; its fields become columns and relations.",
                arguments: [
                    S.argument("name", "String", "The table name (default: the snake_case plural of the type name).")
                ],
                on: ["OBJECT"]),
            S.directive(
                "source", "The named data source that stores the type (default: the server's default source).",
                arguments: [S.argument("name", "String!", "The data source's name from the configuration.")],
                on: ["OBJECT"]),
            S.directive("key", "Marks the primary key (a UUID, generated when a create omits it).", on: fieldLocation),
            S.directive(
                "column", "Overrides the column name (default: the snake_case of the field name).",
                arguments: [S.argument("name", "String!", "The column name.")], on: fieldLocation),
            S.directive("unique", "Adds a unique index on the field's column.", on: fieldLocation),
            S.directive("index", "Adds an index on the field's column.", on: fieldLocation),
            S.directive(
                "belongsTo", "A to-one relation through a key field of this type that refers to the other type's key.",
                arguments: [
                    S.argument("field", "String!", "The field of this type holding the other row's key."),
                    S.argument(
                        "onDelete", "ReferentialAction",
                        "What deleting the referenced row does (default: RESTRICT for non-null keys, else SET_NULL)."
                    ),
                ],
                on: fieldLocation),
            S.directive(
                "hasMany", "A to-many relation through a key field of the other type that refers to this type's key.",
                arguments: [S.argument("foreignKey", "String!", "The field of the other type holding this row's key.")],
                on: fieldLocation),
            S.directive(
                "hasOne",
                "A to-one relation through a unique key field of the other type that refers to this type's key.",
                arguments: [
                    S.argument("foreignKey", "String!", "The unique field of the other type holding this row's key.")
                ],
                on: fieldLocation),
            S.directive("createdAt", "Set by the server to the time the row was created.", on: fieldLocation),
            S.directive("updatedAt", "Set by the server to the time the row was last written.", on: fieldLocation),
            S.directive(
                "version", "The optimistic-lock counter: starts at 1 and grows by one on every update.",
                on: fieldLocation),
            S.directive(
                "default", "The value a create stores when its input omits the field (shown as the input's default).",
                arguments: [S.argument("value", "JSON!", "A literal of the field's type, e.g. `TODO`, `[]` or `0`.")],
                on: fieldLocation),
            S.directive(
                "softDelete",
                "The time the row was deleted: deleting sets it instead of removing the row, and reads skip such rows.",
                on: fieldLocation),
            S.directive(
                "readonly", "Not writable by clients (on a type: no mutations are derived).",
                on: ["OBJECT", "FIELD_DEFINITION"]),
            S.directive(
                "derived", "Stores the product of the listed paths, computed on every write.",
                arguments: [
                    S.argument("product", "[String!]!", "Paths to multiply: a field of this type, or relation.field.")
                ],
                on: fieldLocation),
            S.directive(
                "auditLog", "The type every mutation writes its audit entry to, in the same transaction.",
                on: ["OBJECT"]),
        ]
    }()

    /// Strata's scalars, added when the document uses them without declaring them.
    static let scalars: [(String, String)] = [
        ("DateTime", "An instant in time, ISO 8601 with a time zone; always returned in UTC."),
        ("Date", "A calendar date, ISO 8601 (`2024-05-01`)."),
        ("UUID", "A UUID in its canonical textual form."),
        ("JSON", "Any JSON value."),
    ]
}
