import StrataLanguage
import StrataModel
import StrataSchema
import Testing

@Suite struct PrintedSchemaTests {
    @Test("the printed schema shows the directives and the generated API")
    func printedRoundTrip() throws {
        let printed = Fixtures.model.schema.printed()
        #expect(printed.contains("input TaskWhere"))
        #expect(printed.contains("directive @belongsTo"))
        #expect(printed.contains("ownedProjectsConnection("))
        #expect(
            printed.contains(
                "createTask(\n    \"\"\"The fields of the new Task.\"\"\"\n    input: CreateTaskInput!\n  ): Task!"))
        #expect(printed.contains("enum TaskOrderField"))
        #expect(printed.contains("type PageInfo"))
    }
}
