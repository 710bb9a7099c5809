public import StrataLanguage

/// One problem found while building a schema, with the name of the source it was found in.
public struct SchemaDiagnostic: Sendable, Hashable, CustomStringConvertible {
    /// Code `GRAPHQL_VALIDATION_FAILED` (or `GRAPHQL_PARSE_FAILED` for SDL that does not parse), with the
    /// spans and line:column locations of the nodes at fault.
    public var error: GraphQLError
    /// The name of the `Source` the first location refers to, if the document was added with one.
    public var sourceName: String?

    public init(error: GraphQLError, sourceName: String?) {
        self.error = error
        self.sourceName = sourceName
    }

    /// `schema.graphql:12:3: Unknown type "Foo".`
    public var description: String {
        var prefix = sourceName.map { $0 + ":" } ?? ""
        if let location = error.locations.first { prefix += "\(location.line):\(location.column):" }
        return prefix.isEmpty ? error.message : prefix + " " + error.message
    }
}

/// A schema that could not be built: every problem found, in source order.
public struct SchemaError: Error, Sendable, Hashable, CustomStringConvertible {
    public var diagnostics: [SchemaDiagnostic]

    public init(diagnostics: [SchemaDiagnostic]) {
        self.diagnostics = diagnostics
    }

    /// The problems as GraphQL errors, with their locations.
    public var errors: [GraphQLError] { diagnostics.map(\.error) }

    /// One line per problem.
    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}
