public import StrataLanguage

extension Schema {
    /// The schema as an SDL document: the schema definition when the roots are not the conventional
    /// `Query`/`Mutation`/`Subscription` (or there is a description or directives), the user's types in
    /// definition order and the user's directive definitions. Built-in scalars and directives and the
    /// introspection types are left out. Descriptions become block strings; `@deprecated`, `@specifiedBy` and
    /// `@oneOf` are written from the model, other applied directives as they were written.
    public func sdlDocument() -> Document {
        var definitions: [Definition] = []
        if needsSchemaDefinition {
            var operations = [OperationTypeDefinition(operation: .query, type: Name(queryTypeName))]
            if let mutationTypeName { operations.append(OperationTypeDefinition(operation: .mutation, type: Name(mutationTypeName))) }
            if let subscriptionTypeName {
                operations.append(OperationTypeDefinition(operation: .subscription, type: Name(subscriptionTypeName)))
            }
            definitions.append(
                .schema(
                    SchemaDefinition(
                        description: SchemaPrinting.block(description), directives: appliedDirectives,
                        operationTypes: operations)))
        }
        for name in directiveNames where !BuiltInDirectives.names.contains(name) {
            guard let directive = directives[name] else { continue }
            definitions.append(
                .directive(
                    DirectiveDefinition(
                        description: SchemaPrinting.block(directive.description), name: Name(name),
                        arguments: directive.arguments.map(SchemaPrinting.inputValue), isRepeatable: directive.isRepeatable,
                        locations: directive.locations.map { Name($0.rawValue) })))
        }
        for name in typeNames where !SchemaPrinting.isBuiltInType(name) {
            guard let type = types[name] else { continue }
            definitions.append(.type(SchemaPrinting.definition(of: type)))
        }
        return Document(definitions: definitions)
    }

    private var needsSchemaDefinition: Bool {
        if description != nil || !appliedDirectives.isEmpty { return true }
        if queryTypeName != "Query" { return true }
        if mutationTypeName != (types["Mutation"] == nil ? nil : "Mutation") { return true }
        if subscriptionTypeName != (types["Subscription"] == nil ? nil : "Subscription") { return true }
        return false
    }
}

/// Conversions from the schema model back to AST nodes.
enum SchemaPrinting {
    static let modelDirectives: Set<String> = ["deprecated", "specifiedBy", "oneOf"]

    static func isBuiltInType(_ name: String) -> Bool {
        name.hasPrefix("__") || BuiltInScalars.names.contains(name)
    }

    static func block(_ text: String?) -> StringValue? {
        text.map { StringValue($0, isBlock: true) }
    }

    static func typeReference(_ type: TypeRef) -> TypeReference {
        switch type {
        case .named(let name): .named(Name(name))
        case .list(let inner): .list(typeReference(inner), .synthesized)
        case .nonNull(let inner): .nonNull(typeReference(inner), .synthesized)
        }
    }

    /// The applied directives as written, with the ones the model represents rewritten from the model.
    static func directives(
        _ applied: [Directive], deprecationReason: String? = nil, specifiedByURL: String? = nil, isOneOf: Bool = false
    ) -> [Directive] {
        var result = applied.filter { !modelDirectives.contains($0.name.value) }
        if let deprecationReason {
            let arguments =
                deprecationReason == BuiltInDirectives.defaultDeprecationReason
                ? [] : [Argument(name: Name("reason"), value: .string(StringValue(deprecationReason)))]
            result.append(Directive(name: Name("deprecated"), arguments: arguments))
        }
        if let specifiedByURL {
            result.append(
                Directive(name: Name("specifiedBy"), arguments: [Argument(name: Name("url"), value: .string(StringValue(specifiedByURL)))]))
        }
        if isOneOf { result.append(Directive(name: Name("oneOf"))) }
        return result
    }

    static func inputValue(_ value: InputValueDef) -> InputValueDefinition {
        InputValueDefinition(
            description: block(value.description), name: Name(value.name), type: typeReference(value.type),
            defaultValue: value.defaultValue,
            directives: directives(value.appliedDirectives, deprecationReason: value.deprecationReason))
    }

    static func field(_ field: FieldDef) -> FieldDefinition {
        FieldDefinition(
            description: block(field.description), name: Name(field.name), arguments: field.arguments.map(inputValue),
            type: typeReference(field.type),
            directives: directives(field.appliedDirectives, deprecationReason: field.deprecationReason))
    }

    static func definition(of type: NamedType) -> TypeDefinition {
        switch type {
        case .scalar(let t):
            .scalar(
                ScalarTypeDefinition(
                    description: block(t.description), name: Name(t.name),
                    directives: directives(t.appliedDirectives, specifiedByURL: t.specifiedByURL)))
        case .object(let t):
            .object(
                ObjectTypeDefinition(
                    description: block(t.description), name: Name(t.name), interfaces: t.interfaces.map { Name($0) },
                    directives: directives(t.appliedDirectives), fields: t.fields.map(field)))
        case .interface(let t):
            .interface(
                InterfaceTypeDefinition(
                    description: block(t.description), name: Name(t.name), interfaces: t.interfaces.map { Name($0) },
                    directives: directives(t.appliedDirectives), fields: t.fields.map(field)))
        case .union(let t):
            .union(
                UnionTypeDefinition(
                    description: block(t.description), name: Name(t.name), directives: directives(t.appliedDirectives),
                    types: t.members.map { Name($0) }))
        case .enumType(let t):
            .enumType(
                EnumTypeDefinition(
                    description: block(t.description), name: Name(t.name), directives: directives(t.appliedDirectives),
                    values: t.values.map { value in
                        EnumValueDefinition(
                            description: block(value.description), name: Name(value.name),
                            directives: directives(value.appliedDirectives, deprecationReason: value.deprecationReason))
                    }))
        case .inputObject(let t):
            .inputObject(
                InputObjectTypeDefinition(
                    description: block(t.description), name: Name(t.name),
                    directives: directives(t.appliedDirectives, isOneOf: t.isOneOf), fields: t.fields.map(inputValue)))
        }
    }
}
