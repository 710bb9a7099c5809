public import StrataLanguage
internal import StrataSchema
internal import StrataStorage

/// Builds the `DataModel` of a schema.graphql: checks its storage directives, derives the storage entities and
/// generates the client API (filters, orderings, connections, root queries and mutations) into the document
/// before building the schema, so the schema clients see includes everything Strata added.
public enum DataModelBuilder {
    /// Parses (without limits: the schema is trusted) and builds. Errors carry line and column in `name`.
    public static func build(
        sdl: String, name: String = "schema.graphql", defaultSource: String = "default"
    ) throws(ModelError) -> DataModel {
        let source = Source(sdl, name: name)
        let document: Document
        do {
            document = try parse(source, options: .noLimits)
        } catch {
            var failure = ModelError(errors: [error.graphQLError(source: source)], code: .parseFailed)
            failure.sourceName = name
            throw failure
        }
        return try build(document: document, source: source, defaultSource: defaultSource)
    }

    /// Builds from a parsed document; pass its `source` to get located errors.
    public static func build(
        document: Document, source: Source? = nil, defaultSource: String = "default"
    ) throws(ModelError) -> DataModel {
        func located(_ errors: [GraphQLError]) -> ModelError {
            var error = ModelError(
                errors: errors.map { error in
                    guard let source, error.locations.isEmpty, !error.spans.isEmpty else { return error }
                    return error.located(in: source)
                })
            error.sourceName = source?.name
            return error
        }

        let prepared = withStrataDefinitions(document)
        let binder = TableBinder(document: prepared, defaultSource: defaultSource)
        guard binder.errors.isEmpty else { throw located(binder.errors) }

        let tablesInDefinitionOrder = binder.tableOrder.compactMap { binder.tables[$0] }
        var enumNames: Set<String> = []
        for case .type(.enumType(let e)) in prepared.definitions { enumNames.insert(e.name.value) }
        var generator = APIGenerator(tables: tablesInDefinitionOrder, enumNames: enumNames)
        let complete = generator.generate(prepared)
        guard generator.errors.isEmpty else { throw located(generator.errors) }

        let schema: Schema
        do {
            var builder = SchemaBuilder()
            builder.add(complete, source: source)
            schema = try builder.build()
        } catch {
            throw located(error.errors)
        }

        var entities: [String: EntityBinding] = [:]
        var descriptors: [String: EntityDescriptor] = [:]
        for table in tablesInDefinitionOrder {
            var relations: [String: RelationBinding] = [:]
            for (field, relation) in table.relations { relations[field] = relation }
            for (field, twin) in generator.connectionTwins[table.typeName] ?? [:] { relations[field] = twin }
            let binding = table.binding(relations: relations)
            entities[table.typeName] = binding
            descriptors[table.typeName] = binding.entity
        }
        let order = DependencyOrder.sort(binder.tableOrder, entities: descriptors)
        return DataModel(
            schema: schema, storage: StorageModel(entities: order.compactMap { descriptors[$0] }),
            entities: entities, queryFields: generator.queryFields, mutationFields: generator.mutationFields)
    }

    /// The document with Strata's directive definitions (and `ReferentialAction`) first, plus the scalars
    /// `DateTime`, `Date`, `UUID` and `JSON` when the document has `@table` types but does not declare them.
    /// Definitions the document already has are kept as written.
    static func withStrataDefinitions(_ document: Document) -> Document {
        var declaredTypes: Set<String> = []
        var declaredDirectives: Set<String> = []
        var hasTables = false
        for definition in document.definitions {
            switch definition {
            case .type(let type):
                declaredTypes.insert(type.name.value)
                if case .object(let object) = type, object.directives.has("table") { hasTables = true }
            case .directive(let directive): declaredDirectives.insert(directive.name.value)
            default: break
            }
        }
        var prefix: [Definition] = []
        for case .directive(let directive) in StrataDirectives.definitions
        where !declaredDirectives.contains(directive.name.value) {
            prefix.append(.directive(directive))
        }
        if !declaredTypes.contains("ReferentialAction") { prefix.append(StrataDirectives.referentialAction) }
        if hasTables {
            for (name, description) in StrataDirectives.scalars where !declaredTypes.contains(name) {
                prefix.append(SyntheticAST.scalar(name, description))
            }
        }
        return Document(definitions: prefix + document.definitions, span: document.span)
    }
}
