import StrataSchema
import StrataStorage
import Testing

@testable import StrataExecution

/// `ResolveBatch` shares one storage between copies (a copy is one retain); it must still behave as a value:
/// changing a copy leaves the original as it was.
@Suite struct ResolveBatchTests {
    @Test("a changed copy of a batch leaves the original unchanged")
    func copiesAreIndependent() {
        let original = ResolveBatch(
            parentType: "Query", field: FieldDef(name: "users", type: .named("User")), responseKey: "users",
            arguments: ["first": .int(2)], parents: [.root], subSelections: [])
        var copy = original
        copy.parentType = "Mutation"
        copy.field = FieldDef(name: "tasks", type: .named("Task"))
        copy.responseKey = "alias"
        copy.arguments["first"] = .int(5)
        copy.parents.append(.root)

        #expect(original.parentType == "Query")
        #expect(original.field.name == "users")
        #expect(original.responseKey == "users")
        #expect(original.argument("first") == .int(2))
        #expect(original.parents.count == 1)

        #expect(copy.parentType == "Mutation")
        #expect(copy.field.name == "tasks")
        #expect(copy.responseKey == "alias")
        #expect(copy.argument("first") == .int(5))
        #expect(copy.parents.count == 2)
    }
}
