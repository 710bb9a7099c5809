public import StrataJSON

/// A GraphQL request as it arrives over any transport.
public struct GraphQLRequest: Sendable {
    public var query: String
    public var operationName: String?
    public var variables: [String: JSONValue]
    public var extensions: JSONValue?

    public init(query: String, operationName: String? = nil, variables: [String: JSONValue] = [:], extensions: JSONValue? = nil) {
        self.query = query
        self.operationName = operationName
        self.variables = variables
        self.extensions = extensions
    }
}
