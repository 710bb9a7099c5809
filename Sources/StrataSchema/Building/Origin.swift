import StrataLanguage

/// Where a node was written: which added document, and the span inside it.
struct Origin: Hashable {
    var document: Int
    var span: SourceSpan
}
