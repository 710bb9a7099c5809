import StrataJSON
import StrataLanguage

/// Rebuilds an SDL document from the result of the standard introspection query, the way a client tool does
/// (graphql-js `buildClientSchema`), so tests can prove introspection describes the whole schema.
enum IntrospectionToSDL {
    enum Failure: Error { case malformed(String) }

    static let builtInScalars: Set<String> = ["String", "Int", "Float", "Boolean", "ID"]
    static let builtInDirectives: Set<String> = ["skip", "include", "deprecated", "specifiedBy", "oneOf"]

    static func document(from result: JSONValue) throws -> Document {
        guard let schema = result["data"]?["__schema"] else { throw Failure.malformed("no __schema") }
        var definitions: [Definition] = []
        var operations: [OperationTypeDefinition] = []
        for (key, operation) in [("queryType", OperationType.query), ("mutationType", .mutation), ("subscriptionType", .subscription)] {
            if case .string(let name)? = schema[key]?["name"] {
                operations.append(OperationTypeDefinition(operation: operation, type: Name(name)))
            }
        }
        definitions.append(.schema(SchemaDefinition(description: string(schema["description"]).map { StringValue($0) }, operationTypes: operations)))
        guard case .array(let types)? = schema["types"] else { throw Failure.malformed("no types") }
        for type in types {
            guard case .string(let name)? = type["name"], !name.hasPrefix("__"), !builtInScalars.contains(name) else { continue }
            let description = string(type["description"]).map { StringValue($0, isBlock: true) }
            switch string(type["kind"]) {
            case "SCALAR":
                var directives: [Directive] = []
                if let url = string(type["specifiedByURL"]) {
                    directives.append(Directive(name: Name("specifiedBy"), arguments: [Argument(name: Name("url"), value: .string(StringValue(url)))]))
                }
                definitions.append(.type(.scalar(ScalarTypeDefinition(description: description, name: Name(name), directives: directives))))
            case "OBJECT":
                definitions.append(
                    .type(.object(ObjectTypeDefinition(
                        description: description, name: Name(name), interfaces: try names(type["interfaces"]),
                        fields: try fields(type["fields"])))))
            case "INTERFACE":
                definitions.append(
                    .type(.interface(InterfaceTypeDefinition(
                        description: description, name: Name(name), interfaces: try names(type["interfaces"]),
                        fields: try fields(type["fields"])))))
            case "UNION":
                definitions.append(.type(.union(UnionTypeDefinition(description: description, name: Name(name), types: try names(type["possibleTypes"])))))
            case "ENUM":
                guard case .array(let values)? = type["enumValues"] else { throw Failure.malformed("enum \(name)") }
                definitions.append(
                    .type(.enumType(EnumTypeDefinition(
                        description: description, name: Name(name),
                        values: values.map {
                            EnumValueDefinition(
                                description: string($0["description"]).map { StringValue($0, isBlock: true) },
                                name: Name(string($0["name"]) ?? ""), directives: deprecated($0))
                        }))))
            case "INPUT_OBJECT":
                let oneOf = type["isOneOf"] == .bool(true) ? [Directive(name: Name("oneOf"))] : []
                definitions.append(
                    .type(.inputObject(InputObjectTypeDefinition(
                        description: description, name: Name(name), directives: oneOf, fields: try inputValues(type["inputFields"])))))
            default:
                throw Failure.malformed("kind of \(name)")
            }
        }
        if case .array(let directives)? = schema["directives"] {
            for directive in directives {
                guard let name = string(directive["name"]), !builtInDirectives.contains(name) else { continue }
                guard case .array(let locations)? = directive["locations"] else { throw Failure.malformed("directive \(name)") }
                definitions.append(
                    .directive(DirectiveDefinition(
                        description: string(directive["description"]).map { StringValue($0, isBlock: true) }, name: Name(name),
                        arguments: try inputValues(directive["args"]), isRepeatable: directive["isRepeatable"] == .bool(true),
                        locations: locations.compactMap { string($0).map { Name($0) } })))
            }
        }
        return Document(definitions: definitions)
    }

    private static func string(_ value: JSONValue?) -> String? {
        if case .string(let s)? = value { return s }
        return nil
    }

    private static func names(_ value: JSONValue?) throws -> [Name] {
        guard case .array(let items)? = value else { return [] }
        return items.compactMap { string($0["name"]).map { Name($0) } }
    }

    private static func deprecated(_ value: JSONValue) -> [Directive] {
        guard value["isDeprecated"] == .bool(true) else { return [] }
        var arguments: [Argument] = []
        if let reason = string(value["deprecationReason"]) {
            arguments.append(Argument(name: Name("reason"), value: .string(StringValue(reason))))
        }
        return [Directive(name: Name("deprecated"), arguments: arguments)]
    }

    private static func typeReference(_ value: JSONValue?) throws -> TypeReference {
        guard let value, let kind = string(value["kind"]) else { throw Failure.malformed("type reference") }
        switch kind {
        case "NON_NULL": return .nonNull(try typeReference(value["ofType"]), .synthesized)
        case "LIST": return .list(try typeReference(value["ofType"]), .synthesized)
        default:
            guard let name = string(value["name"]) else { throw Failure.malformed("named type") }
            return .named(Name(name))
        }
    }

    private static func fields(_ value: JSONValue?) throws -> [FieldDefinition] {
        guard case .array(let items)? = value else { return [] }
        return try items.map { field in
            FieldDefinition(
                description: string(field["description"]).map { StringValue($0, isBlock: true) }, name: Name(string(field["name"]) ?? ""),
                arguments: try inputValues(field["args"]), type: try typeReference(field["type"]), directives: deprecated(field))
        }
    }

    private static func inputValues(_ value: JSONValue?) throws -> [InputValueDefinition] {
        guard case .array(let items)? = value else { return [] }
        return try items.map { input in
            var defaultValue: Value?
            if let text = string(input["defaultValue"]) { defaultValue = try parseValue(text) }
            return InputValueDefinition(
                description: string(input["description"]).map { StringValue($0, isBlock: true) }, name: Name(string(input["name"]) ?? ""),
                type: try typeReference(input["type"]), defaultValue: defaultValue, directives: deprecated(input))
        }
    }
}

/// The standard introspection query GraphQL client tools send (graphql-js `getIntrospectionQuery` shape with
/// descriptions, specifiedByURL, directive repeatability, input value deprecation and oneOf).
let standardIntrospectionQuery = """
    query IntrospectionQuery {
      __schema {
        description
        queryType { name }
        mutationType { name }
        subscriptionType { name }
        types { ...FullType }
        directives { name description isRepeatable locations args(includeDeprecated: true) { ...InputValue } }
      }
    }
    fragment FullType on __Type {
      kind name description specifiedByURL isOneOf
      fields(includeDeprecated: true) { name description args(includeDeprecated: true) { ...InputValue } type { ...TypeRef } isDeprecated deprecationReason }
      inputFields(includeDeprecated: true) { ...InputValue }
      interfaces { ...TypeRef }
      enumValues(includeDeprecated: true) { name description isDeprecated deprecationReason }
      possibleTypes { ...TypeRef }
    }
    fragment InputValue on __InputValue { name description type { ...TypeRef } defaultValue isDeprecated deprecationReason }
    fragment TypeRef on __Type {
      kind name
      ofType { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name } } } } } } }
    }
    """
