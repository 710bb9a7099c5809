public import StrataLanguage

/// The six kinds of named types.
public enum TypeKind: String, Sendable, Hashable {
    case scalar = "SCALAR"
    case object = "OBJECT"
    case interface = "INTERFACE"
    case union = "UNION"
    case enumType = "ENUM"
    case inputObject = "INPUT_OBJECT"

    /// Scalars and enums: leaf types, which have no selection set.
    public var isLeaf: Bool { self == .scalar || self == .enumType }
    /// Object, interface and union types, which need a selection set.
    public var isComposite: Bool { self == .object || self == .interface || self == .union }
    public var isAbstract: Bool { self == .interface || self == .union }
    public var isInput: Bool { self == .scalar || self == .enumType || self == .inputObject }
    public var isOutput: Bool { self != .inputObject }
}

/// A named type of a schema.
public enum NamedType: Sendable, Hashable {
    case scalar(ScalarType)
    case object(ObjectType)
    case interface(InterfaceType)
    case union(UnionType)
    case enumType(EnumType)
    case inputObject(InputObjectType)

    public var name: String {
        switch self {
        case .scalar(let t): t.name
        case .object(let t): t.name
        case .interface(let t): t.name
        case .union(let t): t.name
        case .enumType(let t): t.name
        case .inputObject(let t): t.name
        }
    }

    public var description: String? {
        switch self {
        case .scalar(let t): t.description
        case .object(let t): t.description
        case .interface(let t): t.description
        case .union(let t): t.description
        case .enumType(let t): t.description
        case .inputObject(let t): t.description
        }
    }

    public var kind: TypeKind {
        switch self {
        case .scalar: .scalar
        case .object: .object
        case .interface: .interface
        case .union: .union
        case .enumType: .enumType
        case .inputObject: .inputObject
        }
    }

    /// Directives applied to the type in SDL (as written; used by Strata's storage binding).
    public var appliedDirectives: [Directive] {
        switch self {
        case .scalar(let t): t.appliedDirectives
        case .object(let t): t.appliedDirectives
        case .interface(let t): t.appliedDirectives
        case .union(let t): t.appliedDirectives
        case .enumType(let t): t.appliedDirectives
        case .inputObject(let t): t.appliedDirectives
        }
    }

    /// Fields of object and interface types; nil for other kinds.
    public var fields: [FieldDef]? {
        switch self {
        case .object(let t): t.fields
        case .interface(let t): t.fields
        default: nil
        }
    }

    /// The field named `name` of an object or interface type.
    public func field(_ name: String) -> FieldDef? {
        switch self {
        case .object(let t): t.field(name)
        case .interface(let t): t.field(name)
        default: nil
        }
    }
}

public struct ScalarType: Sendable, Hashable {
    public var name: String
    public var description: String?
    public var specifiedByURL: String?
    public var appliedDirectives: [Directive]

    public init(name: String, description: String? = nil, specifiedByURL: String? = nil, appliedDirectives: [Directive] = []) {
        self.name = name
        self.description = description
        self.specifiedByURL = specifiedByURL
        self.appliedDirectives = appliedDirectives
    }

    /// `Int`, `Float`, `String`, `Boolean`, `ID`.
    public var isBuiltIn: Bool { ["Int", "Float", "String", "Boolean", "ID"].contains(name) }
}

public struct ObjectType: Sendable, Hashable {
    public var name: String
    public var description: String?
    public var interfaces: [String]
    public var fields: [FieldDef] {
        didSet { fieldIndex = Self.index(fields) }
    }
    public var appliedDirectives: [Directive]
    private var fieldIndex: [String: Int]

    public init(
        name: String, description: String? = nil, interfaces: [String] = [], fields: [FieldDef],
        appliedDirectives: [Directive] = []
    ) {
        self.name = name
        self.description = description
        self.interfaces = interfaces
        self.fields = fields
        self.appliedDirectives = appliedDirectives
        self.fieldIndex = Self.index(fields)
    }

    public func field(_ name: String) -> FieldDef? { fieldIndex[name].map { fields[$0] } }
    public func fieldPosition(_ name: String) -> Int? { fieldIndex[name] }

    static func index(_ fields: [FieldDef]) -> [String: Int] {
        var index = [String: Int](minimumCapacity: fields.count)
        for (i, f) in fields.enumerated() where index[f.name] == nil { index[f.name] = i }
        return index
    }
}

public struct InterfaceType: Sendable, Hashable {
    public var name: String
    public var description: String?
    public var interfaces: [String]
    public var fields: [FieldDef] {
        didSet { fieldIndex = ObjectType.index(fields) }
    }
    public var appliedDirectives: [Directive]
    private var fieldIndex: [String: Int]

    public init(
        name: String, description: String? = nil, interfaces: [String] = [], fields: [FieldDef],
        appliedDirectives: [Directive] = []
    ) {
        self.name = name
        self.description = description
        self.interfaces = interfaces
        self.fields = fields
        self.appliedDirectives = appliedDirectives
        self.fieldIndex = ObjectType.index(fields)
    }

    public func field(_ name: String) -> FieldDef? { fieldIndex[name].map { fields[$0] } }
}

public struct UnionType: Sendable, Hashable {
    public var name: String
    public var description: String?
    public var members: [String]
    public var appliedDirectives: [Directive]

    public init(name: String, description: String? = nil, members: [String], appliedDirectives: [Directive] = []) {
        self.name = name
        self.description = description
        self.members = members
        self.appliedDirectives = appliedDirectives
    }
}

public struct EnumType: Sendable, Hashable {
    public var name: String
    public var description: String?
    public var values: [EnumValueDef]
    public var appliedDirectives: [Directive]

    public init(name: String, description: String? = nil, values: [EnumValueDef], appliedDirectives: [Directive] = []) {
        self.name = name
        self.description = description
        self.values = values
        self.appliedDirectives = appliedDirectives
    }

    public func value(_ name: String) -> EnumValueDef? { values.first { $0.name == name } }
}

public struct EnumValueDef: Sendable, Hashable {
    public var name: String
    public var description: String?
    public var deprecationReason: String?
    public var appliedDirectives: [Directive]

    public init(name: String, description: String? = nil, deprecationReason: String? = nil, appliedDirectives: [Directive] = []) {
        self.name = name
        self.description = description
        self.deprecationReason = deprecationReason
        self.appliedDirectives = appliedDirectives
    }
}

public struct InputObjectType: Sendable, Hashable {
    public var name: String
    public var description: String?
    public var fields: [InputValueDef] {
        didSet { fieldIndex = Self.index(fields) }
    }
    /// `@oneOf`: exactly one field must be given, and it must not be null.
    public var isOneOf: Bool
    public var appliedDirectives: [Directive]
    private var fieldIndex: [String: Int]

    public init(
        name: String, description: String? = nil, fields: [InputValueDef], isOneOf: Bool = false,
        appliedDirectives: [Directive] = []
    ) {
        self.name = name
        self.description = description
        self.fields = fields
        self.isOneOf = isOneOf
        self.appliedDirectives = appliedDirectives
        self.fieldIndex = Self.index(fields)
    }

    public func field(_ name: String) -> InputValueDef? { fieldIndex[name].map { fields[$0] } }

    static func index(_ fields: [InputValueDef]) -> [String: Int] {
        var index = [String: Int](minimumCapacity: fields.count)
        for (i, f) in fields.enumerated() where index[f.name] == nil { index[f.name] = i }
        return index
    }
}

/// A field of an object or interface type.
public struct FieldDef: Sendable, Hashable {
    public var name: String
    public var description: String?
    public var arguments: [InputValueDef]
    public var type: TypeRef
    public var deprecationReason: String?
    public var appliedDirectives: [Directive]

    public init(
        name: String, description: String? = nil, arguments: [InputValueDef] = [], type: TypeRef,
        deprecationReason: String? = nil, appliedDirectives: [Directive] = []
    ) {
        self.name = name
        self.description = description
        self.arguments = arguments
        self.type = type
        self.deprecationReason = deprecationReason
        self.appliedDirectives = appliedDirectives
    }

    public func argument(_ name: String) -> InputValueDef? { arguments.first { $0.name == name } }
}

/// An argument definition or an input object field.
public struct InputValueDef: Sendable, Hashable {
    public var name: String
    public var description: String?
    public var type: TypeRef
    /// The default as written in SDL (a constant literal).
    public var defaultValue: Value?
    public var deprecationReason: String?
    public var appliedDirectives: [Directive]

    public init(
        name: String, description: String? = nil, type: TypeRef, defaultValue: Value? = nil,
        deprecationReason: String? = nil, appliedDirectives: [Directive] = []
    ) {
        self.name = name
        self.description = description
        self.type = type
        self.defaultValue = defaultValue
        self.deprecationReason = deprecationReason
        self.appliedDirectives = appliedDirectives
    }

    /// Whether a value must be given: the type is non-null and there is no default.
    public var isRequired: Bool { type.isNonNull && defaultValue == nil }
}

/// A directive a schema declares (built-in or custom).
public struct DirectiveDef: Sendable, Hashable {
    public var name: String
    public var description: String?
    public var arguments: [InputValueDef]
    public var locations: [DirectiveLocation]
    public var isRepeatable: Bool

    public init(
        name: String, description: String? = nil, arguments: [InputValueDef] = [],
        locations: [DirectiveLocation], isRepeatable: Bool = false
    ) {
        self.name = name
        self.description = description
        self.arguments = arguments
        self.locations = locations
        self.isRepeatable = isRepeatable
    }

    public func argument(_ name: String) -> InputValueDef? { arguments.first { $0.name == name } }
}

public enum DirectiveLocation: String, Sendable, Hashable, CaseIterable {
    // Executable locations.
    case query = "QUERY"
    case mutation = "MUTATION"
    case subscription = "SUBSCRIPTION"
    case field = "FIELD"
    case fragmentDefinition = "FRAGMENT_DEFINITION"
    case fragmentSpread = "FRAGMENT_SPREAD"
    case inlineFragment = "INLINE_FRAGMENT"
    case variableDefinition = "VARIABLE_DEFINITION"
    // Type-system locations.
    case schema = "SCHEMA"
    case scalar = "SCALAR"
    case object = "OBJECT"
    case fieldDefinition = "FIELD_DEFINITION"
    case argumentDefinition = "ARGUMENT_DEFINITION"
    case interface = "INTERFACE"
    case union = "UNION"
    case enumType = "ENUM"
    case enumValue = "ENUM_VALUE"
    case inputObject = "INPUT_OBJECT"
    case inputFieldDefinition = "INPUT_FIELD_DEFINITION"
}
