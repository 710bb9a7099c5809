import StrataModel
import StrataSchema
import StrataStorage
import Testing

@testable import StrataExecution

/// The executor's per-field planning table must say what the schema and the resolver set say.
@Suite struct FieldPlansTests {
    @Test("every field of every object type is planned with its own definition, named type and resolver shape")
    func tableMatchesSchemaAndResolvers() async throws {
        let (executor, _) = try await DefaultSchemaFixture.executor()
        let schema = executor.schema
        var checked = 0
        for (typeName, type) in schema.types {
            guard case .object(let object) = type else { continue }
            let table = try #require(executor.fieldPlans.table(for: typeName), "no table for \(typeName)")
            #expect(table.count >= object.fields.count)
            for field in object.fields {
                let entry = try #require(table[field.name], "\(typeName).\(field.name) is not planned")
                #expect(entry.definition.name == field.name)
                #expect(entry.definition.type == field.type)
                #expect(entry.namedType?.name == field.type.namedType)
                let expected = ExecutionRun.Direct(executor.resolvers.resolver(typeName, field))
                #expect(Self.shape(entry.direct) == Self.shape(expected), "\(typeName).\(field.name)")
                checked += 1
            }
        }
        #expect(checked > 100)
        // The query type's meta-fields are planned too; unknown names are not.
        let query = try #require(executor.fieldPlans.table(for: schema.queryTypeName))
        #expect(query["__schema"] != nil)
        #expect(query["__type"] != nil)
        #expect(executor.fieldPlans.entry(schema.queryTypeName, "noSuchField") == nil)
    }

    static func shape(_ direct: ExecutionRun.Direct) -> String {
        switch direct {
        case .none: "none"
        case .column(let column): "column \(column)"
        case .toOne(let resolver): "toOne \(resolver.shape.entity).\(resolver.shape.column)"
        case .rootList(let resolver): "rootList \(resolver.target.typeName)"
        case .hasMany(let resolver): "hasMany \(resolver.target.typeName)"
        }
    }
}
