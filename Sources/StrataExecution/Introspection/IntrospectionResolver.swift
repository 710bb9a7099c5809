import StrataLanguage
import StrataSchema

/// Resolves every field of the introspection types against one schema.
struct IntrospectionResolver: BatchFieldResolver {
    let schema: Schema

    func resolve(_ batch: ResolveBatch, loaders: RequestLoaders) -> [FieldResult] {
        let name = batch.field.name
        let includeDeprecated: Bool = {
            if case .boolean(let b) = batch.arguments["includeDeprecated"] { return b }
            return false
        }()
        return batch.parents.map { parent in
            switch parent {
            case .root:
                switch name {
                case "__schema": return .value(.object(.introspection(.schema)))
                case "__type":
                    guard case .string(let typeName) = batch.arguments["name"], schema.types[typeName] != nil else {
                        return .value(.null)
                    }
                    return .value(.object(.introspection(.type(.named(typeName)))))
                default: return .value(.null)
                }
            case .introspection(let object):
                return .value(value(name, of: object, includeDeprecated: includeDeprecated))
            default:
                return .value(.null)
            }
        }
    }

    private func value(_ field: String, of object: IntrospectionObject, includeDeprecated: Bool) -> OutputValue {
        switch object {
        case .schema:
            switch field {
            case "description": return string(schema.description)
            case "types": return .list(schema.typeNames.map { typeObject(.named($0)) })
            case "queryType": return typeObject(.named(schema.queryTypeName))
            case "mutationType": return schema.mutationTypeName.map { typeObject(.named($0)) } ?? .null
            case "subscriptionType": return schema.subscriptionTypeName.map { typeObject(.named($0)) } ?? .null
            case "directives":
                return .list(schema.directiveNames.compactMap { schema.directives[$0] }.map { .object(.introspection(.directive($0))) })
            default: return .null
            }
        case .type(let ref):
            return typeField(field, ref, includeDeprecated: includeDeprecated)
        case .field(let definition):
            switch field {
            case "name": return .string(definition.name)
            case "description": return string(definition.description)
            case "args": return inputValues(definition.arguments, includeDeprecated: includeDeprecated)
            case "type": return typeObject(definition.type)
            case "isDeprecated": return .bool(definition.deprecationReason != nil)
            case "deprecationReason": return string(definition.deprecationReason)
            default: return .null
            }
        case .inputValue(let definition):
            switch field {
            case "name": return .string(definition.name)
            case "description": return string(definition.description)
            case "type": return typeObject(definition.type)
            case "defaultValue": return definition.defaultValue.map { .string(printedDefaultValue($0)) } ?? .null
            case "isDeprecated": return .bool(definition.deprecationReason != nil)
            case "deprecationReason": return string(definition.deprecationReason)
            default: return .null
            }
        case .enumValue(let definition):
            switch field {
            case "name": return .string(definition.name)
            case "description": return string(definition.description)
            case "isDeprecated": return .bool(definition.deprecationReason != nil)
            case "deprecationReason": return string(definition.deprecationReason)
            default: return .null
            }
        case .directive(let definition):
            switch field {
            case "name": return .string(definition.name)
            case "description": return string(definition.description)
            case "locations": return .list(definition.locations.map { .string($0.rawValue) })
            case "args": return inputValues(definition.arguments, includeDeprecated: includeDeprecated)
            case "isRepeatable": return .bool(definition.isRepeatable)
            default: return .null
            }
        }
    }

    private func typeField(_ field: String, _ ref: TypeRef, includeDeprecated: Bool) -> OutputValue {
        switch ref {
        case .list(let inner), .nonNull(let inner):
            switch field {
            case "kind": return .string(ref.isNonNull ? "NON_NULL" : "LIST")
            case "ofType": return typeObject(inner)
            case "fields", "interfaces", "possibleTypes", "enumValues", "inputFields", "name", "description",
                "specifiedByURL", "isOneOf":
                return .null
            default: return .null
            }
        case .named(let name):
            guard let type = schema.types[name] else { return .null }
            switch field {
            case "kind": return .string(type.kind.rawValue)
            case "name": return .string(name)
            case "description": return string(type.description)
            case "specifiedByURL":
                if case .scalar(let scalar) = type { return string(scalar.specifiedByURL) }
                return .null
            case "fields":
                guard let fields = type.fields else { return .null }
                return .list(
                    fields.filter { includeDeprecated || $0.deprecationReason == nil }.map { .object(.introspection(.field($0))) })
            case "interfaces":
                switch type {
                case .object(let object): return .list(object.interfaces.map { typeObject(.named($0)) })
                case .interface(let interface): return .list(interface.interfaces.map { typeObject(.named($0)) })
                default: return .null
                }
            case "possibleTypes":
                guard type.kind.isAbstract else { return .null }
                return .list(schema.possibleTypes(of: name).map { typeObject(.named($0)) })
            case "enumValues":
                guard case .enumType(let enumType) = type else { return .null }
                return .list(
                    enumType.values.filter { includeDeprecated || $0.deprecationReason == nil }.map {
                        .object(.introspection(.enumValue($0)))
                    })
            case "inputFields":
                guard case .inputObject(let input) = type else { return .null }
                return inputValues(input.fields, includeDeprecated: includeDeprecated)
            case "ofType": return .null
            case "isOneOf":
                if case .inputObject(let input) = type { return .bool(input.isOneOf) }
                return .null
            default: return .null
            }
        }
    }

    private func inputValues(_ values: [InputValueDef], includeDeprecated: Bool) -> OutputValue {
        .list(values.filter { includeDeprecated || $0.deprecationReason == nil }.map { .object(.introspection(.inputValue($0))) })
    }

    private func typeObject(_ ref: TypeRef) -> OutputValue { .object(.introspection(.type(ref))) }

    private func string(_ value: String?) -> OutputValue { value.map { .string($0) } ?? .null }
}
