import Foundation
import StrataExecution
import StrataJSON
import StrataLanguage
import StrataSchema
import StrataValidation

// One JSON object per line in, one per line out. The kind of case is told by its keys:
// - "document": parse it; answer {"ok"} or {"ok": false, "message", "locations"};
// - "schemaSDL" alone: build the schema; answer {"ok"} or {"ok": false, "message"};
// - "schemaSDL" + "query": validate the query against the schema; answer {"errors": [{"message", "locations"}]};
// - "schemaSDL" + "type" + "variable": coerce the JSON text as a variable value of that type;
// - "schemaSDL" + "type" + "literal": coerce the literal (with $a = 1, $s = "x", $n = null, $b = true; $m absent);
// - "schemaSDL" + "rootValue" + "operation" (+ "variables"): execute it over the JSON root value (see `JSONRoot`),
//   answering the response as JSON text in "response".
var schemas: [String: Result<Schema, SchemaError>] = [:]

@MainActor func schema(_ sdl: String) -> Result<Schema, SchemaError> {
    if let cached = schemas[sdl] { return cached }
    let built: Result<Schema, SchemaError>
    do { built = .success(try Schema.build(sdl: sdl)) } catch { built = .failure(error) }
    schemas[sdl] = built
    return built
}

func typeRef(_ reference: TypeReference) -> TypeRef {
    switch reference {
    case .named(let name): .named(name.value)
    case .list(let inner, _): .list(typeRef(inner))
    case .nonNull(let inner, _): .nonNull(typeRef(inner))
    }
}

func locations(_ error: GraphQLError) -> [[Int]] { error.locations.map { [$0.line, $0.column] } }

@MainActor func answer(_ object: [String: Any]) -> [String: Any] {
    if let text = object["document"] as? String {
        let source = Source(text)
        do {
            _ = try parse(source)
            return ["ok": true]
        } catch {
            let located = error.graphQLError(source: source)
            return ["ok": false, "message": located.message, "locations": locations(located)]
        }
    }
    guard let sdl = object["schemaSDL"] as? String else { return ["error": "unknown case"] }
    let built = schema(sdl)
    guard case .success(let schema) = built else {
        if case .failure(let error) = built { return ["ok": false, "message": error.description] }
        return [:]
    }
    if let operation = object["operation"] as? String, let rootText = object["rootValue"] as? String,
        let root = try? JSONParser.parse(rootText)
    {
        let variables = (object["variables"] as? String).flatMap { try? JSONParser.parse($0) }
        return ["response": execute(operation, over: root, variables: variables, schema: schema)]
    }
    if let query = object["query"] as? String {
        let source = Source(query)
        do {
            let errors = validate(try parse(source), schema: schema, source: source)
            return ["errors": errors.map { ["message": $0.message, "locations": locations($0)] }]
        } catch {
            return ["syntaxError": error.graphQLError(source: source).message]
        }
    }
    guard let typeText = object["type"] as? String, let type = try? parseType(typeText) else { return ["ok": true] }
    if let variable = object["variable"] as? String, let json = try? JSONParser.parse(variable) {
        switch coerceVariableValue(json, to: typeRef(type), in: schema) {
        case .success(let value): return ["ok": true, "value": value.jsonValue.serialized()]
        case .failure(let failure): return ["ok": false, "message": failure.variableMessage(variableName: "v")]
        }
    }
    if let literalText = object["literal"] as? String, let literal = try? parseValue(literalText) {
        let variables: [String: InputValue] = ["a": .int(1), "s": .string("x"), "n": .null, "b": .boolean(true)]
        switch coerceLiteral(literal, to: typeRef(type), in: schema, variables: variables) {
        case .success(let value): return ["ok": true, "value": value.jsonValue.serialized()]
        case .failure(let failure): return ["ok": false, "message": failure.message]
        }
    }
    return ["error": "unreadable case"]
}

/// Executes `operation` with a resolver on every field that reads the parent's JSON object by the field's name,
/// as graphql-js's default resolver reads a plain object. An object value is the concrete type named by its
/// `__typename` member (else the field's type); `{"$error": "message"}` as a field's value makes the field fail.
@MainActor func execute(_ operation: String, over root: JSONValue, variables: JSONValue?, schema: Schema) -> String {
    var resolvers = ResolverTable()
    // `Query.echo` answers its coerced arguments as JSON text with sorted keys, as the Python side does.
    for root in ["Query", "Mutation"] {
        resolvers.setEach(root, "echo") { _, arguments in
            let members = arguments.sorted { $0.key < $1.key }.map {
                JSONMember($0.key, sortedKeys($0.value.jsonValue))
            }
            return .value(.string(JSONValue.object(members).serialized()))
        }
    }
    for case .object(let type) in schema.types.values where !type.name.hasPrefix("__") {
        for field in type.fields where !field.name.hasPrefix("__") && field.name != "echo" {
            let name = field.name
            let fieldType = field.type
            resolvers.setEach(type.name, name) { parent, _ in
                let source: JSONValue
                switch parent {
                case .root: source = root
                case .map(_, let fields):
                    if case .json(let json)? = fields["__json"] { source = json } else { source = .null }
                default: source = .null
                }
                guard case .object(let members) = source, let value = members.first(where: { $0.key == name })?.value
                else { return .value(.null) }
                if case .object(let marker) = value, let error = marker.first(where: { $0.key == "$error" }),
                    case .string(let message) = error.value
                {
                    return .error(FieldError(message))
                }
                return .value(output(value, fieldType, schema))
            }
        }
    }
    let executor = Executor(schema: schema, resolvers: resolvers, options: ExecutorOptions(maxComplexity: nil))
    var provided: [String: JSONValue] = [:]
    if case .object(let members)? = variables { for member in members { provided[member.key] = member.value } }
    let request = GraphQLRequest(query: operation, variables: provided)
    let semaphore = DispatchSemaphore(value: 0)
    nonisolated(unsafe) var body: [UInt8] = []
    Task.detached {
        body = await executor.execute(request).body
        semaphore.signal()
    }
    semaphore.wait()
    return String(decoding: body, as: UTF8.self)
}

func sortedKeys(_ json: JSONValue) -> JSONValue {
    switch json {
    case .object(let members):
        .object(members.sorted { $0.key < $1.key }.map { JSONMember($0.key, sortedKeys($0.value)) })
    case .array(let items): .array(items.map(sortedKeys))
    default: json
    }
}

func output(_ json: JSONValue, _ type: TypeRef, _ schema: Schema) -> OutputValue {
    switch (json, type) {
    case (.null, _): return .null
    case (_, .nonNull(let inner)): return output(json, inner, schema)
    case (.array(let items), .list(let inner)): return .list(items.map { output($0, inner, schema) })
    case (.object(let members), _):
        let named = type.namedType
        var typeName = named
        if case .string(let concrete)? = members.first(where: { $0.key == "__typename" })?.value { typeName = concrete }
        return .object(.map(typeName: typeName, fields: ["__json": .json(json)]))
    case (.bool(let value), _): return .bool(value)
    case (.string(let value), _): return .string(value)
    case (.int(let value), _): return .int(value)
    case (.double(let value), _): return .double(value)
    case (.array(let items), _): return .list(items.map { output($0, type, schema) })
    default: return .json(json)
    }
}

while let line = readLine(strippingNewline: true) {
    guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else {
        print(#"{"error":"not a JSON object"}"#)
        continue
    }
    let data = try JSONSerialization.data(withJSONObject: answer(object), options: [.sortedKeys])
    print(String(decoding: data, as: UTF8.self))
}
