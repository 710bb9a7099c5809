import Foundation
import StrataServer
import Testing

@Suite("Schema checker")
struct SchemaCheckerTests {
    static func write(_ text: String, name: String) throws -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("strata-checker-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let url = directory.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url.path
    }

    @Test("schema errors are located in the schema file")
    func schemaErrors() throws {
        let path = try Self.write("type Query\n\ntype Thing @table(name: \"things\") {\n  id: ID! @key\n  other: Missing\n}\n", name: "schema.graphql")
        let result = SchemaChecker.check(schemaPath: path)
        #expect(result.model == nil)
        let first = try #require(result.diagnostics.first)
        #expect(first.path == path)
        #expect(first.line == 5)
        #expect(first.description.hasPrefix("\(path):5:"))
    }

    @Test("syntax errors in operation files are reported with their position")
    func syntaxError() throws {
        let schema = try Self.write(TestSchema.sdl, name: "schema.graphql")
        let operation = try Self.write("{\n  books {\n    title\n", name: "broken.graphql")
        let result = SchemaChecker.check(schemaPath: schema, operationFiles: [operation])
        #expect(result.diagnostics.count == 1)
        #expect(result.diagnostics.first?.path == operation)
        #expect(result.diagnostics.first?.line == 4)
        #expect(result.diagnostics.first?.message.hasPrefix("Syntax Error") == true)
    }

    @Test("valid operations and SDL-only files pass")
    func valid() throws {
        let schema = try Self.write(TestSchema.sdl, name: "schema.graphql")
        let operation = try Self.write("query A { books { title author { name } } }\nquery B { authors { name } }\n", name: "ok.graphql")
        let sdlOnly = try Self.write("type Extra { x: Int }\n", name: "extra.graphql")
        let result = SchemaChecker.check(schemaPath: schema, operationFiles: [operation, sdlOnly, schema])
        #expect(result.diagnostics.isEmpty)
        #expect(result.checkedOperationFiles == 2)
    }
}
