public import StrataLanguage

/// An immutable, validated schema. Build one with `SchemaBuilder` (from SDL) — never by hand in production code.
///
/// Holds every named type including the built-in scalars and the introspection types (`__Schema`, `__Type`, …),
/// and every directive including the built-in ones (`@skip`, `@include`, `@deprecated`, `@specifiedBy`, `@oneOf`).
public final class Schema: Sendable {
    public let description: String?
    public let queryTypeName: String
    public let mutationTypeName: String?
    public let subscriptionTypeName: String?
    /// Every named type by name.
    public let types: [String: NamedType]
    /// Type names in definition order (built-ins and introspection types last), for printing and introspection.
    public let typeNames: [String]
    public let directives: [String: DirectiveDef]
    /// Directive names in definition order (built-ins first).
    public let directiveNames: [String]
    /// Directives applied to the schema definition.
    public let appliedDirectives: [Directive]

    /// For each abstract type, the object types that implement it or belong to it (sorted by definition order).
    private let possibleTypeNames: [String: [String]]
    /// For each interface, the interfaces that implement it.
    private let implementingInterfaceNames: [String: [String]]

    public init(
        description: String?, queryTypeName: String, mutationTypeName: String?, subscriptionTypeName: String?,
        types: [String: NamedType], typeNames: [String], directives: [String: DirectiveDef],
        directiveNames: [String], appliedDirectives: [Directive] = []
    ) {
        self.description = description
        self.queryTypeName = queryTypeName
        self.mutationTypeName = mutationTypeName
        self.subscriptionTypeName = subscriptionTypeName
        self.types = types
        self.typeNames = typeNames
        self.directives = directives
        self.directiveNames = directiveNames
        self.appliedDirectives = appliedDirectives

        var possible: [String: [String]] = [:]
        var implementing: [String: [String]] = [:]
        for name in typeNames {
            switch types[name] {
            case .object(let object):
                for interface in object.interfaces { possible[interface, default: []].append(name) }
            case .interface(let interface):
                for parent in interface.interfaces { implementing[parent, default: []].append(name) }
            case .union(let union):
                possible[name] = union.members
            default:
                break
            }
        }
        self.possibleTypeNames = possible
        self.implementingInterfaceNames = implementing
    }

    public subscript(typeNamed name: String) -> NamedType? { types[name] }

    public var queryType: ObjectType {
        guard case .object(let t) = types[queryTypeName] else { preconditionFailure("query type missing") }
        return t
    }

    public var mutationType: ObjectType? {
        guard let name = mutationTypeName, case .object(let t) = types[name] else { return nil }
        return t
    }

    public var subscriptionType: ObjectType? {
        guard let name = subscriptionTypeName, case .object(let t) = types[name] else { return nil }
        return t
    }

    /// The root type of an operation, or nil when the schema does not support it.
    public func rootType(for operation: OperationType) -> ObjectType? {
        switch operation {
        case .query: queryType
        case .mutation: mutationType
        case .subscription: subscriptionType
        }
    }

    /// The object types an abstract type can resolve to. For an object type: itself.
    public func possibleTypes(of name: String) -> [String] {
        if case .object = types[name] { return [name] }
        return possibleTypeNames[name] ?? []
    }

    /// The interfaces that implement the interface `name`.
    public func implementingInterfaces(of name: String) -> [String] { implementingInterfaceNames[name] ?? [] }

    /// Whether `maybeSubType` is `abstract` itself, one of its possible types, or an interface implementing it.
    public func isSubType(_ abstract: String, _ maybeSubType: String) -> Bool {
        if abstract == maybeSubType { return true }
        if possibleTypes(of: abstract).contains(maybeSubType) { return true }
        return implementingInterfaces(of: abstract).contains(maybeSubType)
    }

    /// Whether two composite types can have an object type in common.
    public func typesOverlap(_ a: String, _ b: String) -> Bool {
        if a == b { return true }
        let pa = Set(possibleTypes(of: a))
        return possibleTypes(of: b).contains { pa.contains($0) }
    }

    /// The field definition for `fieldName` on a composite type, including the meta-fields
    /// `__typename` (every composite type), `__schema` and `__type` (query root only).
    public func fieldDefinition(parentType: String, fieldName: String) -> FieldDef? {
        if fieldName == "__typename" { return MetaFields.typename }
        if parentType == queryTypeName {
            if fieldName == "__schema" { return MetaFields.schema }
            if fieldName == "__type" { return MetaFields.type }
        }
        return types[parentType]?.field(fieldName)
    }
}

/// The introspection meta-fields, available without being declared on a type.
public enum MetaFields {
    public static let typename = FieldDef(
        name: "__typename", description: "The name of the current Object type at runtime.",
        type: .nonNull(.named("String")))
    public static let schema = FieldDef(
        name: "__schema", description: "Access the current type schema of this server.",
        type: .nonNull(.named("__Schema")))
    public static let type = FieldDef(
        name: "__type", description: "Request the type information of a single type.",
        arguments: [InputValueDef(name: "name", type: .nonNull(.named("String")))],
        type: .named("__Type"))
}
