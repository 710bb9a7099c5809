public import StrataLanguage

/// Builds a validated `Schema` from SDL documents (type definitions, extensions of every kind, directive
/// definitions, `schema`/`extend schema`), in the spirit of graphql-js `buildASTSchema` + `extendSchema` +
/// `validateSchema`.
///
/// Add one or more documents, then call `build()`. Every document is validated against the spec's type system
/// rules; errors carry the line and column of the node at fault in the document's `Source`.
/// The built-in scalars, directives and introspection types are always part of the result.
public struct SchemaBuilder: Sendable {
    private var documents: [Document] = []
    private var sources: [Source?] = []

    public init() {}

    /// Adds a document. `source` is what the document was parsed from; errors in it are located against it.
    public mutating func add(_ document: Document, source: Source?) {
        documents.append(document)
        sources.append(source)
    }

    /// The names of the built-in directives and of every directive the added documents define.
    public var knownDirectiveNames: Set<String> {
        var names = Set(BuiltInDirectives.names)
        for document in documents {
            for case .directive(let definition) in document.definitions { names.insert(definition.name.value) }
        }
        return names
    }

    /// Assembles and validates the schema.
    public func build() throws(SchemaError) -> Schema {
        var assembler = SchemaAssembler(documents: documents)
        let assembled = assembler.assemble()
        var issues = assembler.issues
        if let assembled {
            var validator = SchemaValidator(
                schema: assembled, userTypeNames: assembler.userTypeNames, locations: assembler.locations,
                issues: issues)
            validator.validateTypes()
            validator.validateDirectiveDefinitions(userDirectives: assembler.userDirectiveNames)
            validator.validateRootTypes(schemaOrigin: assembler.schemaOrigin)
            validator.validateDirectiveUses(assembler.directiveUses)
            validator.validateDefaults(assembler.defaultChecks)
            issues = validator.issues
            if issues.isEmpty { return assembled }
        }
        throw SchemaError(diagnostics: issues.diagnostics(sources: sources))
    }
}
