import StrataLanguage
import StrataSchema
import Synchronization

/// The schema as the walker reads it: one immutable entry object per named type, each with its fields (meta-fields
/// included) already resolved to their named types by number.
///
/// `NamedType` and `FieldDef` are large value types; copying one out of the schema's dictionaries retains half a
/// dozen buffers. Entries are classes, so moving one around the walk costs a single retain. An index is built once
/// per schema and kept in a small process-wide cache.
final class SchemaIndex: Sendable {
    let schema: Schema
    let entries: [TypeEntry]
    private let entryByName: SchemaNameTable<TypeEntry>

    private init(schema: Schema) {
        self.schema = schema
        let listed = Set(schema.typeNames)
        let names = schema.typeNames + schema.types.keys.filter { !listed.contains($0) }.sorted()
        var ids: [String: Int] = [:]
        for (id, name) in names.enumerated() { ids[name] = id }
        var entries: [TypeEntry] = []
        for (id, name) in names.enumerated() {
            guard let type = schema.types[name] else { continue }
            var fields: [String: FieldEntry] = [:]
            if type.kind.isComposite {
                var definitions = type.fields ?? []
                definitions.append(MetaFields.typename)
                if name == schema.queryTypeName {
                    definitions.append(MetaFields.schema)
                    definitions.append(MetaFields.type)
                }
                for definition in definitions where fields[definition.name] == nil {
                    fields[definition.name] = FieldEntry(
                        definition: definition, namedTypeID: ids[definition.type.namedType] ?? -1)
                }
            }
            let possible = Set(schema.possibleTypes(of: name).compactMap { ids[$0] })
            entries.append(TypeEntry(id: id, type: type, fields: fields, possibleTypeIDs: possible))
        }
        self.entries = entries
        var byName: [String: TypeEntry] = [:]
        for entry in entries { byName[entry.name] = entry }
        entryByName = SchemaNameTable(byName)
    }

    @inline(__always) func entry(named name: String) -> TypeEntry? { entryByName.entry(named: name) }

    @inline(__always) func entry(id: Int) -> TypeEntry? { id >= 0 && id < entries.count ? entries[id] : nil }

    /// Whether two composite types can have an object type in common.
    func typesOverlap(_ a: TypeEntry, _ b: TypeEntry) -> Bool {
        if a === b { return true }
        return !a.possibleTypeIDs.isDisjoint(with: b.possibleTypeIDs)
    }

    // MARK: Cache

    private static let cache = Mutex<[SchemaIndex]>([])
    private static let cacheSize = 8

    /// The index of `schema`, built on first use and cached for the schemas used most recently.
    static func of(_ schema: Schema) -> SchemaIndex {
        if let cached = cache.withLock({ list in list.first { $0.schema === schema } }) { return cached }
        let built = SchemaIndex(schema: schema)
        cache.withLock { list in
            if list.contains(where: { $0.schema === schema }) { return }
            if list.count >= cacheSize { list.removeFirst() }
            list.append(built)
        }
        return built
    }
}

/// One named type of the schema.
final class TypeEntry: Sendable {
    let id: Int
    let name: String
    let kind: TypeKind
    let type: NamedType
    /// Fields of object and interface types, plus `__typename` on every composite type and `__schema`/`__type`
    /// on the query root, by name (see `field(named:)`).
    private let fields: SchemaNameTable<FieldEntry>
    /// The object types this type can be at run time (itself for an object type), by id.
    let possibleTypeIDs: Set<Int>
    /// Whether this is a scalar whose literals validation checks (the built-in scalars and Strata's own; other
    /// custom scalars accept any literal). Decided once here rather than by two set lookups per argument.
    let checksLiterals: Bool

    init(id: Int, type: NamedType, fields: [String: FieldEntry], possibleTypeIDs: Set<Int>) {
        self.id = id
        self.name = type.name
        self.kind = type.kind
        self.type = type
        self.fields = SchemaNameTable(fields)
        self.possibleTypeIDs = possibleTypeIDs
        if case .scalar(let scalar) = type {
            checksLiterals = scalar.isBuiltIn || ScalarCoercion.strataScalarNames.contains(scalar.name)
        } else {
            checksLiterals = false
        }
    }

    /// The field called `name`, if the type has one.
    func field(named name: String) -> FieldEntry? {
        fields.entry(named: name)
    }

    var inputObject: InputObjectType? {
        if case .inputObject(let object) = type { return object }
        return nil
    }
}

/// One field of an object or interface type.
final class FieldEntry: Sendable {
    let definition: FieldDef
    let type: TypeRef
    /// The id of the field's named type in the index, or -1 when the schema does not define it.
    let namedTypeID: Int
    /// Whether the field returns a list (possibly non-null).
    let isList: Bool
    /// The arguments a selection of this field must give: non-null, without a default. Usually none, which a rule
    /// then learns without copying each argument definition out of `definition`.
    let requiredArguments: [InputValueDef]

    init(definition: FieldDef, namedTypeID: Int) {
        self.definition = definition
        self.type = definition.type
        self.namedTypeID = namedTypeID
        if case .list = definition.type.nullable { isList = true } else { isList = false }
        requiredArguments = definition.arguments.filter(\.isRequired)
    }
}
