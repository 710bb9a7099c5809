/// A half-open byte range `[start, end)` into the UTF-8 source of a document.
///
/// Spans are 8 bytes and never take part in equality or hashing: two AST nodes that differ only
/// in where they were written are equal (so `parse(print(parse(x))) == parse(x)`).
/// Line and column are computed on demand from a `Source` when an error is reported.
public struct SourceSpan: Sendable, Hashable, BitwiseCopyable, CustomStringConvertible {
    public var start: UInt32
    public var end: UInt32

    @inlinable public init(start: UInt32, end: UInt32) {
        self.start = start
        self.end = end
    }

    @inlinable public init(_ start: Int, _ end: Int) {
        self.start = UInt32(truncatingIfNeeded: start)
        self.end = UInt32(truncatingIfNeeded: end)
    }

    /// A span for nodes that were synthesized rather than parsed.
    public static let synthesized = SourceSpan(start: 0, end: 0)

    @inlinable public static func == (lhs: SourceSpan, rhs: SourceSpan) -> Bool { true }
    @inlinable public func hash(into hasher: inout Hasher) {}

    public var description: String { "\(start)..<\(end)" }
}
