/// `schema { query: Q mutation: M }`.
public struct SchemaDefinition: Sendable, Hashable {
    public var description: StringValue?
    public var directives: [Directive]
    public var operationTypes: [OperationTypeDefinition]
    public var span: SourceSpan

    public init(
        description: StringValue? = nil, directives: [Directive] = [],
        operationTypes: [OperationTypeDefinition], span: SourceSpan = .synthesized
    ) {
        self.description = description
        self.directives = directives
        self.operationTypes = operationTypes
        self.span = span
    }
}

/// `extend schema @d { subscription: S }`.
public struct SchemaExtension: Sendable, Hashable {
    public var directives: [Directive]
    public var operationTypes: [OperationTypeDefinition]
    public var span: SourceSpan

    public init(directives: [Directive] = [], operationTypes: [OperationTypeDefinition] = [], span: SourceSpan = .synthesized) {
        self.directives = directives
        self.operationTypes = operationTypes
        self.span = span
    }
}

public struct OperationTypeDefinition: Sendable, Hashable {
    public var operation: OperationType
    public var type: Name
    public var span: SourceSpan

    public init(operation: OperationType, type: Name, span: SourceSpan = .synthesized) {
        self.operation = operation
        self.type = type
        self.span = span
    }
}

/// A named type definition (or, inside `Definition.typeExtension`, an extension of one).
public enum TypeDefinition: Sendable, Hashable {
    case scalar(ScalarTypeDefinition)
    case object(ObjectTypeDefinition)
    case interface(InterfaceTypeDefinition)
    case union(UnionTypeDefinition)
    case enumType(EnumTypeDefinition)
    case inputObject(InputObjectTypeDefinition)

    public var name: Name {
        switch self {
        case .scalar(let d): d.name
        case .object(let d): d.name
        case .interface(let d): d.name
        case .union(let d): d.name
        case .enumType(let d): d.name
        case .inputObject(let d): d.name
        }
    }

    public var span: SourceSpan {
        switch self {
        case .scalar(let d): d.span
        case .object(let d): d.span
        case .interface(let d): d.span
        case .union(let d): d.span
        case .enumType(let d): d.span
        case .inputObject(let d): d.span
        }
    }

    public var directives: [Directive] {
        switch self {
        case .scalar(let d): d.directives
        case .object(let d): d.directives
        case .interface(let d): d.directives
        case .union(let d): d.directives
        case .enumType(let d): d.directives
        case .inputObject(let d): d.directives
        }
    }
}

public struct ScalarTypeDefinition: Sendable, Hashable {
    public var description: StringValue?
    public var name: Name
    public var directives: [Directive]
    public var span: SourceSpan

    public init(description: StringValue? = nil, name: Name, directives: [Directive] = [], span: SourceSpan = .synthesized) {
        self.description = description
        self.name = name
        self.directives = directives
        self.span = span
    }
}

public struct ObjectTypeDefinition: Sendable, Hashable {
    public var description: StringValue?
    public var name: Name
    public var interfaces: [Name]
    public var directives: [Directive]
    public var fields: [FieldDefinition]
    public var span: SourceSpan

    public init(
        description: StringValue? = nil, name: Name, interfaces: [Name] = [], directives: [Directive] = [],
        fields: [FieldDefinition] = [], span: SourceSpan = .synthesized
    ) {
        self.description = description
        self.name = name
        self.interfaces = interfaces
        self.directives = directives
        self.fields = fields
        self.span = span
    }
}

/// Interfaces may implement other interfaces.
public struct InterfaceTypeDefinition: Sendable, Hashable {
    public var description: StringValue?
    public var name: Name
    public var interfaces: [Name]
    public var directives: [Directive]
    public var fields: [FieldDefinition]
    public var span: SourceSpan

    public init(
        description: StringValue? = nil, name: Name, interfaces: [Name] = [], directives: [Directive] = [],
        fields: [FieldDefinition] = [], span: SourceSpan = .synthesized
    ) {
        self.description = description
        self.name = name
        self.interfaces = interfaces
        self.directives = directives
        self.fields = fields
        self.span = span
    }
}

public struct FieldDefinition: Sendable, Hashable {
    public var description: StringValue?
    public var name: Name
    public var arguments: [InputValueDefinition]
    public var type: TypeReference
    public var directives: [Directive]
    public var span: SourceSpan

    public init(
        description: StringValue? = nil, name: Name, arguments: [InputValueDefinition] = [],
        type: TypeReference, directives: [Directive] = [], span: SourceSpan = .synthesized
    ) {
        self.description = description
        self.name = name
        self.arguments = arguments
        self.type = type
        self.directives = directives
        self.span = span
    }
}

/// An argument definition or an input object field definition.
public struct InputValueDefinition: Sendable, Hashable {
    public var description: StringValue?
    public var name: Name
    public var type: TypeReference
    public var defaultValue: Value?
    public var directives: [Directive]
    public var span: SourceSpan

    public init(
        description: StringValue? = nil, name: Name, type: TypeReference, defaultValue: Value? = nil,
        directives: [Directive] = [], span: SourceSpan = .synthesized
    ) {
        self.description = description
        self.name = name
        self.type = type
        self.defaultValue = defaultValue
        self.directives = directives
        self.span = span
    }
}

public struct UnionTypeDefinition: Sendable, Hashable {
    public var description: StringValue?
    public var name: Name
    public var directives: [Directive]
    public var types: [Name]
    public var span: SourceSpan

    public init(
        description: StringValue? = nil, name: Name, directives: [Directive] = [], types: [Name] = [],
        span: SourceSpan = .synthesized
    ) {
        self.description = description
        self.name = name
        self.directives = directives
        self.types = types
        self.span = span
    }
}

public struct EnumTypeDefinition: Sendable, Hashable {
    public var description: StringValue?
    public var name: Name
    public var directives: [Directive]
    public var values: [EnumValueDefinition]
    public var span: SourceSpan

    public init(
        description: StringValue? = nil, name: Name, directives: [Directive] = [],
        values: [EnumValueDefinition] = [], span: SourceSpan = .synthesized
    ) {
        self.description = description
        self.name = name
        self.directives = directives
        self.values = values
        self.span = span
    }
}

public struct EnumValueDefinition: Sendable, Hashable {
    public var description: StringValue?
    public var name: Name
    public var directives: [Directive]
    public var span: SourceSpan

    public init(description: StringValue? = nil, name: Name, directives: [Directive] = [], span: SourceSpan = .synthesized) {
        self.description = description
        self.name = name
        self.directives = directives
        self.span = span
    }
}

public struct InputObjectTypeDefinition: Sendable, Hashable {
    public var description: StringValue?
    public var name: Name
    public var directives: [Directive]
    public var fields: [InputValueDefinition]
    public var span: SourceSpan

    public init(
        description: StringValue? = nil, name: Name, directives: [Directive] = [],
        fields: [InputValueDefinition] = [], span: SourceSpan = .synthesized
    ) {
        self.description = description
        self.name = name
        self.directives = directives
        self.fields = fields
        self.span = span
    }
}

/// `directive @name(args) repeatable on LOCATION | …`. Locations keep their names as written.
public struct DirectiveDefinition: Sendable, Hashable {
    public var description: StringValue?
    public var name: Name
    public var arguments: [InputValueDefinition]
    public var isRepeatable: Bool
    public var locations: [Name]
    public var span: SourceSpan

    public init(
        description: StringValue? = nil, name: Name, arguments: [InputValueDefinition] = [],
        isRepeatable: Bool = false, locations: [Name], span: SourceSpan = .synthesized
    ) {
        self.description = description
        self.name = name
        self.arguments = arguments
        self.isRepeatable = isRepeatable
        self.locations = locations
        self.span = span
    }
}
