import StrataLanguage

/// The introspection types of spec §4.2, present in every schema.
enum IntrospectionTypes {
    static let names = [
        "__Schema", "__Type", "__TypeKind", "__Field", "__InputValue", "__EnumValue", "__Directive",
        "__DirectiveLocation",
    ]

    private static func field(
        _ name: String, _ type: String, _ description: String? = nil, includeDeprecated: Bool = false
    ) -> FieldDef {
        let arguments =
            includeDeprecated
            ? [
                InputValueDef(
                    name: "includeDeprecated", type: .named("Boolean"), defaultValue: .boolean(false, .synthesized))
            ] : []
        return FieldDef(name: name, description: description, arguments: arguments, type: TypeRef(sdl: type))
    }

    private static func object(_ name: String, _ description: String, _ fields: [FieldDef]) -> NamedType {
        .object(ObjectType(name: name, description: description, fields: fields))
    }

    private static func enumeration(_ name: String, _ description: String, _ values: [(String, String)]) -> NamedType {
        .enumType(
            EnumType(
                name: name, description: description,
                values: values.map { EnumValueDef(name: $0.0, description: $0.1) }))
    }

    static let types: [NamedType] = [
        object(
            "__Schema",
            "What a GraphQL service offers: its types, its root operation types and its directives.",
            [
                field("description", "String"),
                field("types", "[__Type!]!", "Every type of the schema."),
                field("queryType", "__Type!", "The root type of query operations."),
                field("mutationType", "__Type", "The root type of mutation operations, if the schema has one."),
                field("subscriptionType", "__Type", "The root type of subscription operations, if the schema has one."),
                field("directives", "[__Directive!]!", "Every directive the schema declares."),
            ]),
        object(
            "__Type",
            "A type of the schema, or a list or non-null wrapper around one. Which fields are set depends on `kind`.",
            [
                field("kind", "__TypeKind!"),
                field("name", "String"),
                field("description", "String"),
                field("specifiedByURL", "String"),
                field("fields", "[__Field!]", includeDeprecated: true),
                field("interfaces", "[__Type!]"),
                field("possibleTypes", "[__Type!]"),
                field("enumValues", "[__EnumValue!]", includeDeprecated: true),
                field("inputFields", "[__InputValue!]", includeDeprecated: true),
                field("ofType", "__Type"),
                field("isOneOf", "Boolean"),
            ]),
        enumeration(
            "__TypeKind", "The kinds of types `__Type` can describe.",
            [
                ("SCALAR", "A leaf value such as Int or String."),
                ("OBJECT", "A type with fields, some of which may be other objects."),
                ("INTERFACE", "An abstract type with fields that object types implement."),
                ("UNION", "An abstract type whose values are one of its member object types."),
                ("ENUM", "A leaf value taken from a fixed set of names."),
                ("INPUT_OBJECT", "A set of named input values, used as an argument."),
                ("LIST", "A list of values of another type (`ofType`)."),
                ("NON_NULL", "A value of another type (`ofType`) that is never null."),
            ]),
        object(
            "__Field", "A field of an object or interface type, with its arguments and result type.",
            [
                field("name", "String!"),
                field("description", "String"),
                field("args", "[__InputValue!]!", includeDeprecated: true),
                field("type", "__Type!"),
                field("isDeprecated", "Boolean!"),
                field("deprecationReason", "String"),
            ]),
        object(
            "__InputValue", "An argument or an input object field, with its type and default value.",
            [
                field("name", "String!"),
                field("description", "String"),
                field("type", "__Type!"),
                field("defaultValue", "String", "The default value as GraphQL source text, if there is one."),
                field("isDeprecated", "Boolean!"),
                field("deprecationReason", "String"),
            ]),
        object(
            "__EnumValue", "One of the values of an enum type.",
            [
                field("name", "String!"),
                field("description", "String"),
                field("isDeprecated", "Boolean!"),
                field("deprecationReason", "String"),
            ]),
        object(
            "__Directive",
            "A directive the schema declares: where it may be used and which arguments it takes.",
            [
                field("name", "String!"),
                field("description", "String"),
                field("isRepeatable", "Boolean!"),
                field("locations", "[__DirectiveLocation!]!"),
                field("args", "[__InputValue!]!", includeDeprecated: true),
            ]),
        enumeration(
            "__DirectiveLocation", "The places in a document where a directive may be used.",
            DirectiveLocation.allCases.map { ($0.rawValue, locationDescription($0)) }),
    ]

    private static func locationDescription(_ location: DirectiveLocation) -> String {
        switch location {
        case .query: "On a query operation."
        case .mutation: "On a mutation operation."
        case .subscription: "On a subscription operation."
        case .field: "On a field of a selection."
        case .fragmentDefinition: "On a fragment definition."
        case .fragmentSpread: "On a fragment spread."
        case .inlineFragment: "On an inline fragment."
        case .variableDefinition: "On a variable definition."
        case .schema: "On the schema definition."
        case .scalar: "On a scalar definition."
        case .object: "On an object type definition."
        case .fieldDefinition: "On a field definition."
        case .argumentDefinition: "On an argument definition."
        case .interface: "On an interface definition."
        case .union: "On a union definition."
        case .enumType: "On an enum definition."
        case .enumValue: "On an enum value definition."
        case .inputObject: "On an input object type definition."
        case .inputFieldDefinition: "On an input object field definition."
        }
    }
}
