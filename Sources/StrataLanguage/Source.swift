/// The text of one GraphQL document, with its UTF-8 bytes ready for the lexer.
///
/// Line and column numbers are only needed when an error is reported, so the table of line starts
/// is built the first time `location(of:)` is called and reused after that.
public struct Source: Sendable {
    /// A label for error messages and logs, such as a file name.
    public let name: String
    public let text: String
    /// The UTF-8 encoding of `text`; every `SourceSpan` is an offset into these bytes.
    public let bytes: [UInt8]
    private let lineIndex: LineIndex

    public init(_ text: String, name: String = "GraphQL request") {
        self.name = name
        self.text = text
        self.bytes = Array(text.utf8)
        self.lineIndex = LineIndex()
    }

    /// The 1-based line and column of a byte offset. Lines end at `\n`, `\r\n` or `\r`; columns count
    /// Unicode scalars. An offset past the end is clamped to the end of the text.
    public func location(of offset: UInt32) -> SourceLocation {
        lineIndex.location(of: Int(offset), in: bytes)
    }
}
