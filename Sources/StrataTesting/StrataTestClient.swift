public import HTTPTypes
public import HummingbirdTesting
import NIOCore

/// An HTTP client for a `StrataTestApp` under `test { client in … }`, with GraphQL-shaped helpers.
public struct StrataTestClient: Sendable {
    /// The underlying Hummingbird test client, for anything the helpers do not cover.
    public let client: any TestClientProtocol

    public init(_ client: any TestClientProtocol) {
        self.client = client
    }

    /// The port of the live server (`.live` setups only).
    public var port: Int? { client.port }

    /// Sends any request; `headers` by name.
    public func request(
        _ method: HTTPRequest.Method, _ uri: String, headers: [String: String] = [:], body: [UInt8]? = nil
    ) async throws -> HTTPTestResponse {
        var fields = HTTPFields()
        for (name, value) in headers.sorted(by: { $0.key < $1.key }) {
            if let name = HTTPField.Name(name) { fields.append(HTTPField(name: name, value: value)) }
        }
        let response = try await client.executeRequest(
            uri: uri, method: method, headers: fields, body: body.map { ByteBuffer(bytes: $0) })
        return HTTPTestResponse(
            status: response.status.code, headers: response.headers, body: Array(response.body.readableBytesView))
    }

    /// `POST /graphql` with a JSON body. `accept: nil` sends no Accept header.
    public func post(
        _ query: String, variables: [String: JSONValue]? = nil, operationName: String? = nil,
        extensions: JSONValue? = nil, accept: String? = "application/graphql-response+json",
        headers: [String: String] = [:]
    ) async throws -> HTTPTestResponse {
        var members = [JSONMember("query", .string(query))]
        if let operationName { members.append(JSONMember("operationName", .string(operationName))) }
        if let variables {
            members.append(JSONMember("variables", .object(variables.sorted { $0.key < $1.key }.map { JSONMember($0.key, $0.value) })))
        }
        if let extensions { members.append(JSONMember("extensions", extensions)) }
        var allHeaders = headers
        allHeaders["Content-Type"] = allHeaders["Content-Type"] ?? "application/json"
        if let accept { allHeaders["Accept"] = accept }
        return try await request(.post, "/graphql", headers: allHeaders, body: JSONValue.object(members).serializedBytes())
    }

    /// `GET /graphql?query=…` with the parameters form-encoded. `accept: nil` sends no Accept header.
    public func get(
        _ query: String, variables: [String: JSONValue]? = nil, operationName: String? = nil,
        accept: String? = "application/graphql-response+json", headers: [String: String] = [:]
    ) async throws -> HTTPTestResponse {
        var parameters = [("query", query)]
        if let operationName { parameters.append(("operationName", operationName)) }
        if let variables {
            parameters.append(
                ("variables", JSONValue.object(variables.sorted { $0.key < $1.key }.map { JSONMember($0.key, $0.value) }).serialized()))
        }
        let queryString = parameters.map { "\($0.0)=\(Self.formEncode($0.1))" }.joined(separator: "&")
        var allHeaders = headers
        if let accept { allHeaders["Accept"] = accept }
        return try await request(.get, "/graphql?\(queryString)", headers: allHeaders)
    }

    /// Percent-encodes everything but RFC 3986 unreserved characters.
    public static func formEncode(_ text: String) -> String {
        var result = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
                UInt8(ascii: "~"):
                result.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let hex = Array("0123456789ABCDEF".utf8)
                result.unicodeScalars.append("%")
                result.unicodeScalars.append(Unicode.Scalar(hex[Int(byte >> 4)]))
                result.unicodeScalars.append(Unicode.Scalar(hex[Int(byte & 0xF)]))
            }
        }
        return result
    }
}

/// An HTTP response in a test.
public struct HTTPTestResponse: Sendable {
    public var status: Int
    public var headers: HTTPFields
    public var body: [UInt8]

    public init(status: Int, headers: HTTPFields, body: [UInt8]) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    public var text: String { String(decoding: body, as: UTF8.self) }

    /// The body as JSON, nil when it is not JSON.
    public var json: JSONValue? { try? JSONParser.parse(body) }

    /// The body as a GraphQL response, nil when it is not JSON.
    public var graphQL: TestResponse? { json.map { TestResponse(json: $0) } }

    /// A header by (case-insensitive) name.
    public func header(_ name: String) -> String? {
        HTTPField.Name(name).flatMap { headers[$0] }
    }
}
