/// A GraphQL name (`/[_A-Za-z][_0-9A-Za-z]*/`) with the span it was read from.
public struct Name: Sendable, Hashable, CustomStringConvertible {
    public var value: String
    public var span: SourceSpan

    @inlinable public init(_ value: String, span: SourceSpan = .synthesized) {
        self.value = value
        self.span = span
    }

    public var description: String { value }
}
