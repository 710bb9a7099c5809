/// Limits that make the parser refuse hostile documents early, while it reads them.
public struct ParseOptions: Sendable, Hashable {
    /// The largest document accepted, in UTF-8 bytes. Checked before any token is read.
    public var maxBytes: Int
    /// The most tokens accepted (the end-of-file token is not counted). Checked as each token is read.
    public var maxTokens: Int
    /// The deepest nesting accepted. Every selection set, list or object value and list type that is
    /// open around a point of the document counts one level there; nesting of different kinds adds up.
    public var maxDepth: Int

    public init(maxBytes: Int = 1 << 20, maxTokens: Int = 15_000, maxDepth: Int = 64) {
        self.maxBytes = maxBytes
        self.maxTokens = maxTokens
        self.maxDepth = maxDepth
    }

    /// 1 MiB, 15,000 tokens, 64 levels: for requests from clients.
    public static let `default` = ParseOptions()

    /// No limit at all: for trusted input such as the schema files of the service itself. Nesting is then
    /// bounded only by the stack of the calling thread: on a 512 KiB stack, about 300 nested selection sets
    /// fit in a release build and about 100 in a debug build (the default 64 fits both).
    public static let noLimits = ParseOptions(maxBytes: .max, maxTokens: .max, maxDepth: .max)
}
