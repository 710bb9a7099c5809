public import StrataLanguage

/// Limits and knobs of an executor.
public struct ExecutorOptions: Sendable {
    /// Size, token and nesting limits applied while parsing (hostile documents are refused early).
    public var parse: ParseOptions
    /// Deepest selection nesting a document may have (fragments followed).
    public var maxDepth: Int
    /// Highest estimated cost (fields × list sizes) a document may have; nil: no cost limit.
    public var maxComplexity: Int?
    /// Largest key set sent in one storage request; bigger sets are split.
    public var maxBatchSize: Int
    /// Number of distinct documents kept parsed and validated.
    public var documentCacheCapacity: Int

    public init(
        parse: ParseOptions = .default, maxDepth: Int = 32, maxComplexity: Int? = nil, maxBatchSize: Int = 1_000,
        documentCacheCapacity: Int = 1_000
    ) {
        self.parse = parse
        self.maxDepth = maxDepth
        self.maxComplexity = maxComplexity
        self.maxBatchSize = maxBatchSize
        self.documentCacheCapacity = documentCacheCapacity
    }
}
