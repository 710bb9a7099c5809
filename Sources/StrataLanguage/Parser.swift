/// A recursive-descent parser over the tokens of one document, with one token of lookahead.
///
/// The grammar is split by concern: `Parser+Document.swift` (definitions and executable syntax),
/// `Parser+Values.swift` (values, types, arguments, directives) and `Parser+TypeSystem.swift` (SDL).
/// The `parse…` functions in `Parse.swift` are the public entry points.
struct Parser {
    var lexer: Lexer
    /// The lookahead: the next token, not consumed yet.
    var token: Token
    /// The end of the last consumed token: the end of the span of the node being built.
    var lastEnd: UInt32 = 0
    private let maxTokens: Int
    private let maxDepth: Int
    private var tokenCount = 0
    private var depth = 0
    private var names: NameTable
    /// The document's selections, filled as they are read (through `nodes`).
    let tree = SelectionTree()

    init(bytes: [UInt8], options: ParseOptions) throws(SyntaxError) {
        try Self.checkSize(bytes.count, options: options)
        lexer = Lexer(bytes: bytes)
        names = NameTable(byteCount: bytes.count)
        maxTokens = options.maxTokens
        maxDepth = options.maxDepth
        token = Token(.endOfFile, 0, 0)
        try advance()
    }

    /// Refuses a document longer than `options.maxBytes`, or than the 4 GiB that `UInt32` offsets reach.
    static func checkSize(_ byteCount: Int, options: ParseOptions) throws(SyntaxError) {
        let maxBytes = min(options.maxBytes, Int(UInt32.max))
        if byteCount > maxBytes {
            throw SyntaxError(
                "Document is \(byteCount) bytes long; the limit is \(maxBytes) bytes.", at: 0, kind: .tooLarge)
        }
    }

    /// The records of `tree`, written in place.
    @inline(__always) var nodes: UnsafeMutablePointer<SelectionTreeNodes> { tree.nodes }

    // MARK: Tokens

    /// Consumes the lookahead and reads the next token, counting it against `maxTokens`. The one place the lexer's
    /// `next()` is inlined into: each token costs one call, where the parse functions' inlined copies of this
    /// method each called `next()` (3% fewer instructions per document).
    @inline(never) mutating func advance() throws(SyntaxError) {
        lastEnd = token.end
        token = try lexer.next()
        tokenCount &+= 1
        if tokenCount > maxTokens, token.kind != .endOfFile { throw tooManyTokens() }
    }

    /// Consumes a token of `kind`, or fails with "Expected …, found …".
    @inline(__always) mutating func expect(_ kind: TokenKind) throws(SyntaxError) {
        guard token.kind == kind else { throw expected(kind.description) }
        try advance()
    }

    /// Consumes a token of `kind` if it is next.
    @inline(__always) mutating func skip(_ kind: TokenKind) throws(SyntaxError) -> Bool {
        guard token.kind == kind else { return false }
        try advance()
        return true
    }

    /// Whether the lookahead is the name `keyword`; keywords are compared as bytes, never as strings.
    func isKeyword(_ keyword: StaticString) -> Bool {
        guard token.kind == .name, Int(token.end &- token.start) == keyword.utf8CodeUnitCount else { return false }
        let start = Int(token.start)
        let bytes = keyword.utf8Start
        for offset in 0..<keyword.utf8CodeUnitCount where lexer.bytes[start + offset] != bytes[offset] {
            return false
        }
        return true
    }

    /// Consumes the name `keyword` if it is next.
    mutating func skipKeyword(_ keyword: StaticString) throws(SyntaxError) -> Bool {
        guard isKeyword(keyword) else { return false }
        try advance()
        return true
    }

    /// Consumes the name `keyword`, or fails with "Expected "keyword", found …".
    mutating func expectKeyword(_ keyword: StaticString) throws(SyntaxError) {
        guard isKeyword(keyword) else { throw expected("\"\(keyword)\"") }
        try advance()
    }

    mutating func parseName() throws(SyntaxError) -> Name {
        guard token.kind == .name else { throw expected("Name") }
        let name = Name(names.name(lexer.bytes, Int(token.start), Int(token.end), names: &nodes.pointee.names), span: token.span)
        try advance()
        return name
    }

    /// A name for a record of the selection tree: its index in the tree's names, and its span.
    mutating func parseNameIndex() throws(SyntaxError) -> (Int32, SourceSpan) {
        guard token.kind == .name else { throw expected("Name") }
        let index = names.index(lexer.bytes, Int(token.start), Int(token.end), names: &nodes.pointee.names)
        let span = token.span
        try advance()
        return (index, span)
    }

    /// The span from `start` to the end of the last consumed token.
    @inline(__always) func span(from start: UInt32) -> SourceSpan {
        SourceSpan(start: start, end: lastEnd)
    }

    // MARK: Nesting

    /// Opens one level of nesting (a selection set, a list or object value, a list type).
    @inline(__always) mutating func enterNesting() throws(SyntaxError) {
        depth &+= 1
        if depth > maxDepth { throw tooDeep() }
    }

    @inline(__always) mutating func leaveNesting() {
        depth &-= 1
    }

    // MARK: Errors

    /// "Expected `what`, found `<the lookahead>`", reported at the lookahead.
    @inline(never) func expected(_ what: String) -> SyntaxError {
        SyntaxError("Expected \(what), found \(lexer.describe(token)).", at: token.span)
    }

    @inline(never) private func tooManyTokens() -> SyntaxError {
        SyntaxError(
            "Document has more than \(maxTokens) tokens; parsing stopped.", at: token.span, kind: .tooManyTokens)
    }

    @inline(never) private func tooDeep() -> SyntaxError {
        SyntaxError(
            "Document is nested more than \(maxDepth) levels deep; parsing stopped.", at: token.span, kind: .tooDeep)
    }
}
