extension Duration {
    /// Whole milliseconds (at least 1 for a positive duration).
    var wholeMilliseconds: Int64 {
        let (seconds, attoseconds) = components
        let millis = seconds * 1000 + attoseconds / 1_000_000_000_000_000
        return millis == 0 && attoseconds > 0 ? 1 : millis
    }
}
