import StrataLanguage

/// The problems found so far while building a schema.
struct SchemaIssues {
    struct Issue {
        var message: String
        var origins: [Origin]
    }

    var issues: [Issue] = []

    var isEmpty: Bool { issues.isEmpty }

    mutating func report(_ message: String, at origins: Origin?...) {
        issues.append(Issue(message: message, origins: origins.compactMap { $0 }))
    }

    /// Diagnostics in document and source order, locations resolved against the sources that were given.
    func diagnostics(sources: [Source?]) -> [SchemaDiagnostic] {
        let ordered = issues.enumerated().sorted { a, b in
            let ka = a.element.origins.first.map { ($0.document, Int($0.span.start)) } ?? (-1, -1)
            let kb = b.element.origins.first.map { ($0.document, Int($0.span.start)) } ?? (-1, -1)
            return ka != kb ? ka < kb : a.offset < b.offset
        }
        return ordered.map { _, issue in
            var locations: [SourceLocation] = []
            for origin in issue.origins {
                if let source = sources[origin.document] { locations.append(source.location(of: origin.span.start)) }
            }
            let error = GraphQLError(
                issue.message, code: .validationFailed, spans: issue.origins.map(\.span), locations: locations)
            let sourceName = issue.origins.first.flatMap { sources[$0.document]?.name }
            return SchemaDiagnostic(error: error, sourceName: sourceName)
        }
    }
}
