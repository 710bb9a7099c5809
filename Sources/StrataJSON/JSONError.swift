/// Why a JSON text was rejected, and the byte offset at which the parser noticed.
public struct JSONError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What kind of problem it is, for callers that react differently to, say, hostile nesting.
    public enum Kind: Sendable, Hashable {
        case unexpectedEnd
        case unexpectedCharacter
        case invalidNumber
        case invalidEscape
        case invalidUnicode
        case controlCharacterInString
        case trailingCharacters
        case tooDeep
    }

    public var kind: Kind
    /// A sentence saying what was wrong, without the offset.
    public var reason: String
    /// The zero-based byte offset of the problem in the input.
    public var offset: Int

    public init(_ kind: Kind, _ reason: String, at offset: Int) {
        self.kind = kind
        self.reason = reason
        self.offset = offset
    }

    /// `Invalid JSON at byte 12: <reason>`.
    public var description: String { "Invalid JSON at byte \(offset): \(reason)" }
}
