public import StrataLanguage

/// Limits and knobs of an executor.
public struct ExecutorOptions: Sendable {
    /// The default cost limit: 500,000, in the spirit of GitHub's limit of 500,000 nodes per query. A flat list of
    /// 10,000 rows with 40 fields passes; `users { ownedProjects { tasks { assignee { name } } } }` (lists without
    /// `first` count 100 items each: about 3 million) is refused before it touches storage.
    public static let defaultMaxComplexity = 500_000

    /// Size, token and nesting limits applied while parsing (hostile documents are refused early).
    public var parse: ParseOptions
    /// Deepest selection nesting a document may have (fragments followed).
    public var maxDepth: Int
    /// Highest estimated cost (fields × list sizes, `MaxComplexityRule`) a document may have; nil: no cost limit.
    public var maxComplexity: Int?
    /// Largest key set sent in one storage request; bigger sets are split.
    public var maxBatchSize: Int
    /// Number of distinct documents kept parsed and validated.
    public var documentCacheCapacity: Int
    /// Whether objects whose selection is only stored leaf columns are written straight from their rows as one
    /// JSON object (the same bytes as completing them field by field, with less work). Off only to compare the
    /// two completions.
    public var flatObjects: Bool = true
    /// Whether a query that is one root lookup or plain list whose objects have a flat selection (`DirectRead`) is
    /// answered with one storage request written straight into the response (the same bytes as the general
    /// execution). Off only to compare the two.
    public var directReads: Bool = true
    /// Whether a direct read's list from an adapter that streams rows (`RowStreamingAdapter`: SQLite) is written
    /// as the statement produces it, without building its rows (the same bytes). Off only to compare the two.
    public var streamedRows: Bool = true

    public init(
        parse: ParseOptions = .default, maxDepth: Int = 32,
        maxComplexity: Int? = ExecutorOptions.defaultMaxComplexity, maxBatchSize: Int = 1_000,
        documentCacheCapacity: Int = 1_000
    ) {
        self.parse = parse
        self.maxDepth = maxDepth
        self.maxComplexity = maxComplexity
        self.maxBatchSize = maxBatchSize
        self.documentCacheCapacity = documentCacheCapacity
    }
}
