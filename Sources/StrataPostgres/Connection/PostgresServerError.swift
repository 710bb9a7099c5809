/// The fields of an error result, copied out of the `PGresult` before it is cleared.
struct PostgresServerError: Sendable, Hashable {
    var sqlState: String?
    var severity: String?
    var message: String
    var detail: String?
    var table: String?
    var column: String?
    var constraint: String?

    /// `Key (email)=(…)` in a constraint violation's detail names the key columns; the values stay out.
    var keyColumns: [String]? {
        guard let detail, detail.hasPrefix("Key ("), let close = detail.firstRange(of: ")=") else { return nil }
        let inside = detail[detail.index(detail.startIndex, offsetBy: 5)..<close.lowerBound]
        return inside.split(separator: ",").map { $0.trimmingSpaces() }
    }
}

extension Substring {
    fileprivate func trimmingSpaces() -> String {
        var slice = self[...]
        while slice.first == " " { slice = slice.dropFirst() }
        while slice.last == " " { slice = slice.dropLast() }
        if slice.first == "\"", slice.last == "\"", slice.count >= 2 { slice = slice.dropFirst().dropLast() }
        return String(slice)
    }
}
