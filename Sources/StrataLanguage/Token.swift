/// One lexical token: its kind and the bytes `[start, end)` it covers. The text stays in the source,
/// so a token is 12 bytes and copying one costs nothing.
public struct Token: Sendable, Hashable, CustomStringConvertible {
    public var kind: TokenKind
    public var start: UInt32
    public var end: UInt32

    @inlinable public init(kind: TokenKind, start: UInt32, end: UInt32) {
        self.kind = kind
        self.start = start
        self.end = end
    }

    @inlinable public init(_ kind: TokenKind, _ start: Int, _ end: Int) {
        self.kind = kind
        self.start = UInt32(truncatingIfNeeded: start)
        self.end = UInt32(truncatingIfNeeded: end)
    }

    public var span: SourceSpan { SourceSpan(start: start, end: end) }

    public var description: String { "\(kind) \(start)..<\(end)" }
}
