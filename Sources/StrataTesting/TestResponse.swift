public import StrataExecution

/// A GraphQL response as a test sees it: the whole JSON plus its usual parts.
public struct TestResponse: Sendable, Hashable {
    /// The complete response.
    public var json: JSONValue
    /// `data` (nil when absent, `.null` when null).
    public var data: JSONValue?
    /// The `errors` entries (empty when there are none).
    public var errors: [JSONValue]
    /// Statements run, over all sources (from `extensions.statements`; 0 unless statements were requested).
    public var statements: Int

    public init(json: JSONValue) {
        self.json = json
        self.data = json["data"]
        if case .array(let entries) = json["errors"] { errors = entries } else { errors = [] }
        var count = 0
        if case .object(let sources) = json["extensions"]?["statements"] {
            for source in sources {
                if case .int(let n) = source.value["count"] { count += Int(n) }
            }
        }
        statements = count
    }

    /// Decodes an executor response (its body is always valid JSON).
    public init(_ response: GraphQLResponse) {
        self.init(json: (try? JSONParser.parse(response.body)) ?? .null)
    }

    /// The `extensions.code` of every error, in order.
    public var errorCodes: [String] {
        errors.compactMap { error in
            if case .string(let code) = error["extensions"]?["code"] { return code }
            return nil
        }
    }

    /// The `message` of every error, in order.
    public var errorMessages: [String] {
        errors.compactMap { error in
            if case .string(let message) = error["message"] { return message }
            return nil
        }
    }
}
