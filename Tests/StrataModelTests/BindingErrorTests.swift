import StrataLanguage
import StrataModel
import Testing

@Suite struct BindingErrorTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var sdl: String
        /// A fragment the message must contain.
        var message: String
        var line: Int
        var column: Int
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(
            name: "@default of the wrong type",
            sdl: """
                enum S { A B }
                type T @table {
                  id: ID! @key
                  s: S! @default(value: "A")
                }
                """, message: "default value", line: 4, column: 25),
        Case(
            name: "@default on a server-set field",
            sdl: """
                scalar DateTime
                type T @table {
                  id: ID! @key
                  at: DateTime! @createdAt @default(value: "2024-01-01T00:00:00Z")
                }
                """, message: "only fields clients write", line: 4, column: 44),
        Case(
            name: "unknown field in @belongsTo(field:)",
            sdl: """
                type U @table { id: ID! @key }
                type T @table {
                  id: ID! @key
                  owner: U! @belongsTo(field: "ownerId")
                }
                """, message: "T has no stored field \"ownerId\"", line: 4, column: 13),
        Case(
            name: "relation to a type that is not a @table",
            sdl: """
                type U { id: ID! }
                type T @table {
                  id: ID! @key
                  uId: ID!
                  u: U @belongsTo(field: "uId")
                }
                """, message: "refers to U, which is not a @table type", line: 5, column: 6),
        Case(
            name: "missing @key",
            sdl: """
                type T @table {
                  id: ID!
                }
                """, message: "has no @key field", line: 1, column: 6),
        Case(
            name: "foreign key type mismatch",
            sdl: """
                type U @table { id: ID! @key }
                type T @table {
                  id: ID! @key
                  uId: Int!
                  u: U! @belongsTo(field: "uId")
                }
                """, message: "the key field T.uId is Int!", line: 5, column: 9),
        Case(
            name: "@hasMany foreignKey that is not a field of the target",
            sdl: """
                type U @table {
                  id: ID! @key
                  ts: [T!]! @hasMany(foreignKey: "userId")
                }
                type T @table { id: ID! @key }
                """, message: "T has no stored field \"userId\"", line: 3, column: 13),
        Case(
            name: "@version that is not Int!",
            sdl: """
                type T @table {
                  id: ID! @key
                  version: Int @version
                }
                """, message: "must be Int!", line: 3, column: 12),
        Case(
            name: "@softDelete that is not a nullable DateTime",
            sdl: """
                scalar DateTime
                type T @table {
                  id: ID! @key
                  deletedAt: DateTime! @softDelete
                }
                """, message: "must be a nullable DateTime", line: 4, column: 14),
        Case(
            name: "@key that is not ID! or UUID!",
            sdl: """
                type T @table {
                  id: Int! @key
                }
                """, message: "must be ID! or UUID!", line: 2, column: 7),
        Case(
            name: "@hasOne through a key that is not unique",
            sdl: """
                type U @table {
                  id: ID! @key
                  t: T @hasOne(foreignKey: "uId")
                }
                type T @table { id: ID! @key, uId: ID! }
                """, message: "must be @unique", line: 3, column: 8),
        Case(
            name: "object field without a relation directive",
            sdl: """
                type U @table { id: ID! @key }
                type T @table {
                  id: ID! @key
                  u: U
                }
                """, message: "needs a relation directive", line: 4, column: 3),
        Case(
            name: "SET_NULL on a non-null key",
            sdl: """
                type U @table { id: ID! @key }
                type T @table {
                  id: ID! @key
                  uId: ID!
                  u: U! @belongsTo(field: "uId", onDelete: SET_NULL)
                }
                """, message: "SET_NULL needs a nullable key field", line: 5, column: 9),
        Case(
            name: "@derived path that is not a relation",
            sdl: """
                type T @table {
                  id: ID! @key
                  q: Float!
                  total: Float! @derived(product: ["q", "rate.value"])
                }
                """, message: "\"rate\" is not a @belongsTo relation of T", line: 4, column: 17),
        Case(
            name: "two fields on one column",
            sdl: """
                type T @table {
                  id: ID! @key
                  a: String @column(name: "x")
                  b: String @column(name: "x")
                }
                """, message: "both map to column \"x\"", line: 4, column: 3),
        Case(
            name: "a generated type clashing with the schema's own",
            sdl: """
                type T @table { id: ID! @key }
                input TWhere { x: Int }
                """, message: "Type TWhere is generated by Strata", line: 2, column: 7),
        Case(
            name: "a stored list that is not [String!]",
            sdl: """
                type T @table {
                  id: ID! @key
                  counts: [Int!]!
                }
                """, message: "the only stored list type is [String!]", line: 3, column: 11),
    ]

    @Test("binding errors name the problem and point at it", arguments: cases)
    func bindingError(_ testCase: Case) throws {
        let sdl = testCase.sdl + "\ntype Query\n"
        let error = try #require(throws: ModelError.self) { try DataModelBuilder.build(sdl: sdl) }
        let match = try #require(
            error.errors.first { $0.message.contains(testCase.message) }, "got: \(error.errors.map(\.message))")
        #expect(match.locations == [SourceLocation(line: testCase.line, column: testCase.column)])
        #expect(error.code == .validationFailed)
    }

    @Test("all binding problems are reported at once")
    func severalErrors() throws {
        let sdl = """
            type A @table { name: String }
            type B @table { id: ID! @key, v: String @version }
            type Query
            """
        let error = try #require(throws: ModelError.self) { try DataModelBuilder.build(sdl: sdl) }
        #expect(error.errors.count == 2)
        #expect(error.description.contains("schema.graphql:1:6: Type A is a @table but has no @key field"))
    }

    @Test("a syntax error is reported with its location and GRAPHQL_PARSE_FAILED")
    func syntaxError() throws {
        let error = try #require(throws: ModelError.self) {
            try DataModelBuilder.build(sdl: "type T @table {\n  id: ID! @key\n  name String\n}")
        }
        #expect(error.code == .parseFailed)
        #expect(error.errors.first?.locations.first?.line == 3)
    }
}
