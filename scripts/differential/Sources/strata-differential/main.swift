import Foundation
import StrataJSON
import StrataLanguage
import StrataSchema
import StrataValidation

// One JSON object per line in, one per line out. The kind of case is told by its keys:
// - "document": parse it; answer {"ok"} or {"ok": false, "message", "locations"};
// - "schemaSDL" alone: build the schema; answer {"ok"} or {"ok": false, "message"};
// - "schemaSDL" + "query": validate the query against the schema; answer {"errors": [{"message", "locations"}]};
// - "schemaSDL" + "type" + "variable": coerce the JSON text as a variable value of that type;
// - "schemaSDL" + "type" + "literal": coerce the literal (with $a = 1, $s = "x", $n = null, $b = true; $m absent).
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

while let line = readLine(strippingNewline: true) {
    guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else {
        print(#"{"error":"not a JSON object"}"#)
        continue
    }
    let data = try JSONSerialization.data(withJSONObject: answer(object), options: [.sortedKeys])
    print(String(decoding: data, as: UTF8.self))
}
