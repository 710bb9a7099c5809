import StrataStorage

/// The hand-built model the conformance suite runs on: publishers ← authors ← books ← reviews, covering every
/// column type, nullable columns, unique columns, a version column, a soft-delete column and foreign keys with
/// each `ON DELETE` action (authors.publisher_id SET NULL, books.author_id CASCADE, books.publisher_id RESTRICT,
/// reviews.book_id CASCADE).
enum LibraryModel {
    static let genres = ["FICTION", "SCIENCE", "HISTORY"]

    static let publisher = EntityDescriptor(
        name: "Publisher", table: "publishers",
        columns: [
            ColumnDescriptor(name: "id", field: "id", type: .uuid, isNullable: false),
            ColumnDescriptor(name: "name", field: "name", type: .string, isNullable: false, isUnique: true),
            ColumnDescriptor(name: "country", field: "country", type: .string, isNullable: true),
        ],
        primaryKey: 0)

    static let author = EntityDescriptor(
        name: "Author", table: "authors",
        columns: [
            ColumnDescriptor(name: "id", field: "id", type: .uuid, isNullable: false),
            ColumnDescriptor(name: "name", field: "name", type: .string, isNullable: false),
            ColumnDescriptor(name: "email", field: "email", type: .string, isNullable: true, isUnique: true),
            ColumnDescriptor(
                name: "publisher_id", field: "publisherId", type: .uuid, isNullable: true,
                references: ForeignKey(entity: "Publisher", table: "publishers", column: "id", onDelete: .setNull)),
            ColumnDescriptor(name: "born", field: "born", type: .date, isNullable: true),
            ColumnDescriptor(name: "rating", field: "rating", type: .double, isNullable: true),
            ColumnDescriptor(name: "active", field: "active", type: .bool, isNullable: false),
            ColumnDescriptor(name: "bio", field: "bio", type: .json, isNullable: true),
            ColumnDescriptor(name: "created_at", field: "createdAt", type: .timestamp, isNullable: false),
            ColumnDescriptor(name: "deleted_at", field: "deletedAt", type: .timestamp, isNullable: true),
            ColumnDescriptor(name: "version", field: "version", type: .int, isNullable: false),
        ],
        primaryKey: 0, softDeleteColumn: 9, versionColumn: 10, indexes: [["name"]])

    static let book = EntityDescriptor(
        name: "Book", table: "books",
        columns: [
            ColumnDescriptor(name: "id", field: "id", type: .uuid, isNullable: false),
            ColumnDescriptor(name: "title", field: "title", type: .string, isNullable: false),
            ColumnDescriptor(name: "isbn", field: "isbn", type: .string, isNullable: true, isUnique: true),
            ColumnDescriptor(
                name: "author_id", field: "authorId", type: .uuid, isNullable: false,
                references: ForeignKey(entity: "Author", table: "authors", column: "id", onDelete: .cascade)),
            ColumnDescriptor(
                name: "publisher_id", field: "publisherId", type: .uuid, isNullable: true,
                references: ForeignKey(entity: "Publisher", table: "publishers", column: "id", onDelete: .restrict)),
            ColumnDescriptor(name: "genre", field: "genre", type: .enumeration(genres), isNullable: false),
            ColumnDescriptor(name: "pages", field: "pages", type: .int, isNullable: true),
            ColumnDescriptor(name: "price", field: "price", type: .double, isNullable: true),
            ColumnDescriptor(name: "tags", field: "tags", type: .stringList, isNullable: false),
            ColumnDescriptor(name: "published_on", field: "publishedOn", type: .date, isNullable: true),
            ColumnDescriptor(name: "metadata", field: "metadata", type: .json, isNullable: true),
            ColumnDescriptor(name: "in_print", field: "inPrint", type: .bool, isNullable: false),
            ColumnDescriptor(name: "version", field: "version", type: .int, isNullable: false),
        ],
        primaryKey: 0, versionColumn: 12)

    static let review = EntityDescriptor(
        name: "Review", table: "reviews",
        columns: [
            ColumnDescriptor(name: "id", field: "id", type: .uuid, isNullable: false),
            ColumnDescriptor(
                name: "book_id", field: "bookId", type: .uuid, isNullable: false,
                references: ForeignKey(entity: "Book", table: "books", column: "id", onDelete: .cascade)),
            ColumnDescriptor(name: "stars", field: "stars", type: .int, isNullable: false),
            ColumnDescriptor(name: "body", field: "body", type: .string, isNullable: true),
            ColumnDescriptor(name: "created_at", field: "createdAt", type: .timestamp, isNullable: false),
        ],
        primaryKey: 0)

    static let model = StorageModel(entities: [publisher, author, book, review])
}

/// Deterministic canonical UUIDs for fixtures: `kind` picks the entity family, `n` the row.
func fixtureID(_ kind: UInt8, _ n: Int) -> String {
    let hex = String(n, radix: 16)
    return "0000000\(kind)-0000-4000-8000-" + String(repeating: "0", count: 12 - hex.count) + hex
}

extension Row {
    /// The value of the named column of `entity`'s rows.
    subscript(_ column: String, in entity: EntityDescriptor) -> StorageValue {
        values[entity.columnIndex(column)!]
    }
}

extension StorageValue {
    var stringValue: String? {
        if case .string(let s) = self { return s }
        return nil
    }

    var intValue: Int64? {
        if case .int(let i) = self { return i }
        return nil
    }
}
