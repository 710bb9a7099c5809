import StrataExecution
import StrataJSON

/// Turns the parameters of a GraphQL-over-HTTP request (a JSON body, or a GET query string) into a
/// `GraphQLRequest`; anything not well-formed becomes a 400 problem.
enum GraphQLRequestDecoder {
    /// A POST body: `{"query": String, "operationName"?: String|null, "variables"?: Object|null, "extensions"?: Object|null}`.
    static func decode(body: [UInt8]) -> Result<GraphQLRequest, HTTPProblem> {
        let root: JSONValue
        do {
            // A UTF-8 byte order mark is not JSON, but RFC 8259 lets a parser ignore one, and some clients send it.
            root = try JSONParser.parse(body.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(body.dropFirst(3)) : body)
        } catch {
            return .failure(.badRequest("The request body is not valid JSON: \(error.description)"))
        }
        guard case .object(let members) = root else {
            return .failure(.badRequest("The request body must be a JSON object."))
        }
        if let path = root.firstRepeatedKey { return .failure(repeatedKey(path, in: "The request body")) }
        var query: String?
        var operationName: String?
        var variables: [String: JSONValue] = [:]
        var extensions: JSONValue?
        for member in members {
            switch member.key {
            case "query":
                guard case .string(let text) = member.value else {
                    return .failure(.badRequest("\"query\" must be a string."))
                }
                query = text
            case "operationName":
                switch member.value {
                case .string(let name): operationName = name
                case .null: operationName = nil
                default: return .failure(.badRequest("\"operationName\" must be a string or null."))
                }
            case "variables":
                switch member.value {
                case .object(let entries): variables = dictionary(entries)
                case .null: variables = [:]
                default: return .failure(.badRequest("\"variables\" must be an object or null."))
                }
            case "extensions":
                switch member.value {
                case .object: extensions = member.value
                case .null: extensions = nil
                default: return .failure(.badRequest("\"extensions\" must be an object or null."))
                }
            default:
                continue
            }
        }
        guard let query else { return .failure(.badRequest("The request has no \"query\" string.")) }
        return .success(
            GraphQLRequest(query: query, operationName: operationName, variables: variables, extensions: extensions))
    }

    /// A GET query string: `query`, and optionally `operationName`, `variables` and `extensions` (JSON-encoded).
    static func decode(queryString: String?) -> Result<GraphQLRequest, HTTPProblem> {
        var parameters: [String: String] = [:]
        for pair in (queryString ?? "").split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard let name = FormDecoding.decode(parts[0]),
                let value = FormDecoding.decode(parts.count > 1 ? parts[1] : "")
            else {
                return .failure(.badRequest("The query string is not valid percent-encoded UTF-8."))
            }
            guard parameters[name] == nil else {
                return .failure(.badRequest("The query string parameter \"\(name)\" is given more than once."))
            }
            parameters[name] = value
        }
        guard let query = parameters["query"] else {
            return .failure(.badRequest("The request has no \"query\" parameter."))
        }
        var request = GraphQLRequest(query: query)
        if let name = parameters["operationName"], !name.isEmpty { request.operationName = name }
        if let text = parameters["variables"], !text.isEmpty {
            switch parseJSON(text, name: "variables") {
            case .success(.object(let entries)): request.variables = dictionary(entries)
            case .success(.null): break
            case .success: return .failure(.badRequest("\"variables\" must be a JSON object."))
            case .failure(let problem): return .failure(problem)
            }
        }
        if let text = parameters["extensions"], !text.isEmpty {
            switch parseJSON(text, name: "extensions") {
            case .success(let value) where value.isObject: request.extensions = value
            case .success(.null): break
            case .success: return .failure(.badRequest("\"extensions\" must be a JSON object."))
            case .failure(let problem): return .failure(problem)
            }
        }
        return .success(request)
    }

    private static func parseJSON(_ text: String, name: String) -> Result<JSONValue, HTTPProblem> {
        let value: JSONValue
        do {
            value = try JSONParser.parse(text)
        } catch {
            return .failure(.badRequest("\"\(name)\" is not valid JSON: \(error.description)"))
        }
        if let path = value.firstRepeatedKey { return .failure(repeatedKey(path, in: "\"\(name)\"")) }
        return .success(value)
    }

    /// A JSON object that names a member twice: which one counts differs between JSON parsers (and so between
    /// this server and whatever else reads the request), so the request is refused.
    private static func repeatedKey(_ path: [String], in what: String) -> HTTPProblem {
        let location = path.count > 1 ? " at " + path.dropLast().joined(separator: ".") : ""
        return .badRequest("\(what) names the key \"\(path.last ?? "")\" more than once\(location).")
    }

    private static func dictionary(_ members: [JSONMember]) -> [String: JSONValue] {
        var result: [String: JSONValue] = [:]
        result.reserveCapacity(members.count)
        for member in members { result[member.key] = member.value }
        return result
    }
}

extension JSONValue {
    var isObject: Bool {
        if case .object = self { return true }
        return false
    }
}
