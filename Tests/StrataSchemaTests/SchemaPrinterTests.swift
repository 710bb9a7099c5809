import StrataLanguage
import StrataSchema
import Testing

@Suite struct SchemaPrinterTests {
    static let kitchenSink = #"""
        """
        The schema's description.
        """
        schema @tag(name: "root") {
          query: Root
          mutation: Change
        }

        "A tag"
        directive @tag(name: String! = "t", weights: [Int!] = [1, 2]) repeatable on OBJECT | FIELD_DEFINITION | SCHEMA

        "The root"
        type Root implements Node @tag(name: "r") {
          id: ID!
          "Look things up"
          find(
            "the key"
            key: String = "k"
            where: Filter = {text: "a", limit: 3}
          ): [Result!]! @deprecated(reason: "use search")
          old: Int @deprecated
          shape(kind: Shape = ROUND @deprecated): Shape
        }

        type Change {
          set(value: Moment!): Boolean
        }

        interface Node {
          id: ID!
        }

        interface Named implements Node {
          id: ID!
          name: String
        }

        type Person implements Named & Node {
          id: ID!
          name: String
        }

        union Result = Root | Person

        enum Shape {
          "round things"
          ROUND
          SQUARE @deprecated(reason: "too pointy")
        }

        input Filter {
          text: String
          limit: Int = 10
          nested: [Filter!]
          old: Int @deprecated
        }

        input Pick @oneOf {
          id: ID
          name: String
        }

        "An instant"
        scalar Moment @specifiedBy(url: "https://example.com/moment")
        """#

    @Test("printing and rebuilding a schema gives an equivalent schema")
    func roundTrip() throws {
        let schema = try buildSchema(Self.kitchenSink)
        let printed = schema.printed()
        let rebuilt = try buildSchema(printed)
        #expect(rebuilt.typeNames == schema.typeNames)
        #expect(rebuilt.directiveNames == schema.directiveNames)
        #expect(rebuilt.description == schema.description)
        #expect(rebuilt.queryTypeName == "Root")
        #expect(rebuilt.mutationTypeName == "Change")
        for name in schema.typeNames {
            #expect(rebuilt.types[name] == schema.types[name], "type \(name) differs")
        }
        for name in schema.directiveNames {
            #expect(rebuilt.directives[name] == schema.directives[name], "directive \(name) differs")
        }
        #expect(rebuilt.printed() == printed)
    }

    @Test("printed SDL leaves out built-ins and shows descriptions and the built-in directives")
    func printedContent() throws {
        let printed = try buildSchema(Self.kitchenSink).printed()
        #expect(!printed.contains("scalar String"))
        #expect(!printed.contains("__Schema"))
        #expect(!printed.contains("directive @skip"))
        #expect(printed.contains("@deprecated(reason: \"use search\")"))
        #expect(printed.contains("old: Int @deprecated"))
        #expect(printed.contains("@specifiedBy(url: \"https://example.com/moment\")"))
        #expect(printed.contains("input Pick @oneOf"))
        #expect(printed.contains("\"\"\""))
        let lines = printed.split(separator: "\n")
        let root = try #require(lines.firstIndex(of: "type Root implements Node @tag(name: \"r\") {"))
        let change = try #require(lines.firstIndex(of: "type Change {"))
        #expect(root < change)
    }

    @Test("a schema with the conventional root names prints without a schema definition")
    func conventionalRoots() throws {
        let printed = try buildSchema("type Query { a: Int }\ntype Mutation { b: Int }").printed()
        #expect(!printed.contains("schema {"))
        #expect(printed.contains("type Query"))
        let custom = try buildSchema("schema { query: Q }\ntype Q { a: Int }\ntype Mutation { b: Int }").printed()
        #expect(custom.contains("schema {"))
        let rebuilt = try buildSchema(custom)
        #expect(rebuilt.mutationTypeName == nil)
    }
}
