import StrataLanguage

extension Schema {
    /// Parses and builds a schema from SDL text, with no parse limits (the schema is trusted input).
    public static func build(sdl: String, name: String = "schema.graphql") throws(SchemaError) -> Schema {
        let source = Source(sdl, name: name)
        let document: Document
        do {
            document = try parse(source, options: .noLimits)
        } catch {
            throw SchemaError(diagnostics: [SchemaDiagnostic(error: error.graphQLError(source: source), sourceName: name)])
        }
        var builder = SchemaBuilder()
        builder.add(document, source: source)
        return try builder.build()
    }
}
