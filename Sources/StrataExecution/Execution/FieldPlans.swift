import StrataSchema
import StrataStorage

/// What planning a field needs that depends only on its object type and its name — the definition, the named
/// type, the resolver, how leaves serialize and how the executor completes it directly — worked out once when the
/// executor is built. Planning a batch then finds each field with one lookup, where it otherwise asked the schema
/// (two hashes), the type table, both resolver tables and a chain of type casts for every field of every batch.
struct FieldPlans: Sendable {
    /// A class: planning passes entries around by reference (one retain), not as copies of their fields.
    final class Entry: Sendable {
        let definition: FieldDef
        /// `definition` for the batches of this field to share.
        let field: FieldBox
        let namedType: NamedType?
        let resolver: Resolver
        let leafKind: LeafSerializer.Kind
        let direct: ExecutionRun.Direct

        init(
            definition: FieldDef, namedType: NamedType?, resolver: Resolver, leafKind: LeafSerializer.Kind,
            direct: ExecutionRun.Direct
        ) {
            self.definition = definition
            self.field = FieldBox(definition)
            self.namedType = namedType
            self.resolver = resolver
            self.leafKind = leafKind
            self.direct = direct
        }
    }

    /// One object type's fields by name (keys hashed with `KeyHasher`: looked up for every field of every batch).
    struct Table: Sendable {
        fileprivate var entries: [ByteWiseString: Entry] = [:]

        subscript(name: String) -> Entry? { entries[ByteWiseString(name)] }

        var count: Int { entries.count }
    }

    private let byType: [ByteWiseString: Table]
    private let schema: Schema
    private let resolvers: ResolverSet

    init(schema: Schema, resolvers: ResolverSet) {
        self.schema = schema
        self.resolvers = resolvers
        var byType: [ByteWiseString: Table] = [:]
        for (typeName, type) in schema.types {
            guard case .object(let object) = type else { continue }
            var table = Table()
            for field in object.fields {
                table.entries[ByteWiseString(field.name)] = Self.entry(typeName, field, schema: schema, resolvers: resolvers)
            }
            // The meta-fields of the query type are not among its declared fields.
            if typeName == schema.queryTypeName {
                for name in ["__schema", "__type"] {
                    if let field = schema.fieldDefinition(parentType: typeName, fieldName: name) {
                        table.entries[ByteWiseString(name)] = Self.entry(typeName, field, schema: schema, resolvers: resolvers)
                    }
                }
            }
            byType[ByteWiseString(typeName)] = table
        }
        self.byType = byType
    }

    /// The fields of `typeName` (an object type), for looking several up.
    func table(for typeName: String) -> Table? { byType[ByteWiseString(typeName)] }

    /// The entry of a field the table does not hold (not an object type's declared field): worked out now.
    func entry(_ typeName: String, _ fieldName: String) -> Entry? {
        guard let field = schema.fieldDefinition(parentType: typeName, fieldName: fieldName) else { return nil }
        return Self.entry(typeName, field, schema: schema, resolvers: resolvers)
    }

    private static func entry(_ typeName: String, _ field: FieldDef, schema: Schema, resolvers: ResolverSet) -> Entry {
        let namedType = schema.types[field.type.namedType]
        let resolver = resolvers.resolver(typeName, field)
        return Entry(
            definition: field, namedType: namedType, resolver: resolver,
            leafKind: namedType.map(LeafSerializer.kind(of:)) ?? .notLeaf, direct: ExecutionRun.Direct(resolver))
    }
}
