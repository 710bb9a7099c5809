public import StrataExecution

extension StrataConfig {
    /// The executor options these settings select: the cost limit (`maxComplexity`: nil keeps
    /// `ExecutorOptions.defaultMaxComplexity`, 0 removes the limit); everything else at its default.
    public var executorOptions: ExecutorOptions {
        var options = ExecutorOptions()
        if let maxComplexity { options.maxComplexity = maxComplexity > 0 ? maxComplexity : nil }
        return options
    }
}
