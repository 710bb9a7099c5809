import StrataJSON
public import StrataLanguage

/// The serialized response of one request, and what a transport needs to choose its status code.
public struct GraphQLResponse: Sendable {
    public enum Outcome: Sendable, Hashable {
        /// The operation ran; `data` is present (possibly null) and `errors` may hold field errors.
        case executed
        /// The request failed before execution (parse, validation, variables, operation selection): no `data`.
        case requestError(ErrorCode)
    }

    public var outcome: Outcome
    /// The JSON body: `{"errors":[…],"data":…,"extensions":…}`.
    public var body: [UInt8]
    public var errors: [GraphQLError]

    public init(outcome: Outcome, body: [UInt8], errors: [GraphQLError]) {
        self.outcome = outcome
        self.body = body
        self.errors = errors
    }

    public var bodyText: String { String(decoding: body, as: UTF8.self) }

    /// Builds a response holding only request errors.
    public static func requestErrors(_ errors: [GraphQLError], code: ErrorCode) -> GraphQLResponse {
        var body: [UInt8] = []
        body.reserveCapacity(256)
        body.append(UInt8(ascii: "{"))
        ResponseWriter.appendErrors(errors, to: &body)
        body.append(UInt8(ascii: "}"))
        return GraphQLResponse(outcome: .requestError(code), body: body, errors: errors)
    }
}

/// Serializes errors in the response format of the spec (§7.1.2).
enum ResponseWriter {
    static func appendErrors(_ errors: [GraphQLError], to out: inout [UInt8]) {
        out.append(contentsOf: Array("\"errors\":[".utf8))
        for (i, error) in errors.enumerated() {
            if i > 0 { out.append(UInt8(ascii: ",")) }
            appendError(error, to: &out)
        }
        out.append(UInt8(ascii: "]"))
    }

    static func appendError(_ error: GraphQLError, to out: inout [UInt8]) {
        out.append(contentsOf: Array("{\"message\":".utf8))
        JSONOutput.appendString(error.message, to: &out)
        if !error.locations.isEmpty {
            out.append(contentsOf: Array(",\"locations\":[".utf8))
            for (i, location) in error.locations.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                out.append(contentsOf: Array("{\"line\":\(location.line),\"column\":\(location.column)}".utf8))
            }
            out.append(UInt8(ascii: "]"))
        }
        if !error.path.isEmpty {
            out.append(contentsOf: Array(",\"path\":[".utf8))
            for (i, component) in error.path.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                switch component {
                case .key(let key): JSONOutput.appendString(key, to: &out)
                case .index(let index): JSONOutput.appendInt(Int64(index), to: &out)
                }
            }
            out.append(UInt8(ascii: "]"))
        }
        out.append(contentsOf: Array(",\"extensions\":{\"code\":".utf8))
        JSONOutput.appendString(error.code.rawValue, to: &out)
        for ext in error.extensions {
            out.append(UInt8(ascii: ","))
            JSONOutput.appendString(ext.key, to: &out)
            out.append(UInt8(ascii: ":"))
            switch ext.value {
            case .string(let s): JSONOutput.appendString(s, to: &out)
            case .int(let i): JSONOutput.appendInt(Int64(i), to: &out)
            case .double(let d): JSONOutput.appendDouble(d, to: &out)
            }
        }
        out.append(contentsOf: Array("}}".utf8))
    }

    static func appendJSON(_ value: JSONValue, to out: inout [UInt8]) {
        JSONOutput.append(value, to: &out)
    }
}
