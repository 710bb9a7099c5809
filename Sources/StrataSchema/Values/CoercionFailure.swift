public import StrataJSON
public import StrataLanguage

/// Why an input value could not be coerced to its type, and where inside the value the problem is.
public struct CoercionFailure: Error, Sendable, Hashable, CustomStringConvertible {
    /// One step from the root of the value to the offending part.
    public enum PathElement: Sendable, Hashable {
        case field(String)
        case index(Int)
    }

    /// The reason, such as `Int cannot represent non-integer value: "abc"`.
    public var message: String
    /// From the root of the value down to the offending part; empty when the root itself is wrong.
    public var path: [PathElement]
    /// For literals: where the offending literal was written.
    public var span: SourceSpan?
    /// For JSON variable values: the offending part of the value.
    public var invalidValue: JSONValue?

    public init(_ message: String, path: [PathElement] = [], span: SourceSpan? = nil, invalidValue: JSONValue? = nil) {
        self.message = message
        self.path = path
        self.span = span
        self.invalidValue = invalidValue
    }

    /// The path appended to `root`, e.g. `input.owner.name` or `ids[2]`.
    public func pathText(root: String) -> String {
        var text = root
        for element in path {
            switch element {
            case .field(let name): text += "." + name
            case .index(let index): text += "[\(index)]"
            }
        }
        return text
    }

    /// The message GraphQL reports for a bad variable value:
    /// `Variable "$x" got invalid value "abc" at "x.count"; Int cannot represent non-integer value: "abc"`.
    /// The value shown is the offending part (`invalidValue`, else `given`, the whole variable), as compact JSON
    /// cut after 200 bytes so that a huge value cannot make the message huge.
    public func variableMessage(variableName: String, given: JSONValue? = nil) -> String {
        var text = "Variable \"$\(variableName)\" got invalid value"
        if let shown = invalidValue ?? given {
            let json = shown.serialized()
            let cut = json.utf8.count > 200 ? String(decoding: json.utf8.prefix(200), as: UTF8.self) + "…" : json
            text += " " + cut
        }
        if !path.isEmpty { text += " at \"\(pathText(root: variableName))\"" }
        return text + "; " + message
    }

    public var description: String { message }

    func prefixed(by element: PathElement) -> CoercionFailure {
        var copy = self
        copy.path.insert(element, at: 0)
        return copy
    }
}
