internal import StrataLanguage

/// Small constructors for the AST nodes Strata generates (directive definitions, the derived API).
/// Generated nodes carry `SourceSpan.synthesized`.
enum SyntheticAST {
    /// A type reference from its SDL spelling: `Int`, `ID!`, `[TaskOrderBy!]`, `[String!]!`.
    static func type(_ text: String) -> TypeReference {
        if text.hasSuffix("!") {
            return .nonNull(type(String(text.dropLast())), .synthesized)
        }
        if text.hasPrefix("["), text.hasSuffix("]") {
            return .list(type(String(text.dropFirst().dropLast())), .synthesized)
        }
        return .named(Name(text))
    }

    static func description(_ text: String) -> StringValue { StringValue(text) }

    static func argument(
        _ name: String, _ type: String, _ description: String, default defaultValue: Value? = nil
    ) -> InputValueDefinition {
        InputValueDefinition(
            description: StringValue(description), name: Name(name), type: self.type(type),
            defaultValue: defaultValue)
    }

    static func field(
        _ name: String, _ type: String, _ description: String, arguments: [InputValueDefinition] = []
    ) -> FieldDefinition {
        FieldDefinition(
            description: StringValue(description), name: Name(name), arguments: arguments, type: self.type(type))
    }

    static func object(_ name: String, _ description: String, fields: [FieldDefinition]) -> Definition {
        .type(.object(ObjectTypeDefinition(description: StringValue(description), name: Name(name), fields: fields)))
    }

    static func input(_ name: String, _ description: String, fields: [InputValueDefinition]) -> Definition {
        .type(
            .inputObject(
                InputObjectTypeDefinition(
                    description: StringValue(description), name: Name(name), fields: fields)))
    }

    static func enumeration(_ name: String, _ description: String, values: [(String, String)]) -> Definition {
        .type(
            .enumType(
                EnumTypeDefinition(
                    description: StringValue(description), name: Name(name),
                    values: values.map { EnumValueDefinition(description: StringValue($0.1), name: Name($0.0)) })))
    }

    static func scalar(_ name: String, _ description: String) -> Definition {
        .type(.scalar(ScalarTypeDefinition(description: StringValue(description), name: Name(name))))
    }

    static func directive(
        _ name: String, _ description: String, arguments: [InputValueDefinition] = [], on locations: [String]
    ) -> Definition {
        .directive(
            DirectiveDefinition(
                description: StringValue(description), name: Name(name), arguments: arguments,
                locations: locations.map { Name($0) }))
    }
}
