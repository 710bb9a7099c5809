import Foundation
import StrataLanguage
import Testing

/// swift-testing has a `SourceLocation` of its own.
typealias Location = StrataLanguage.SourceLocation

/// Files beside the tests, found from this file's path (the test target declares no resources).
enum TestFiles {
    static let testsDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()

    /// A file of `Tests/StrataLanguageTests/Fixtures/`.
    static func fixture(_ name: String) throws -> String {
        try String(contentsOf: testsDirectory.appendingPathComponent("Fixtures/" + name), encoding: .utf8)
    }

    /// The shared benchmark corpus: `$STRATA_BENCH_CORPUS`, else `shared/bench/` beside the repository, else
    /// `/work/shared/bench` (where this team's machines keep it, for a clone made elsewhere, e.g. in /tmp).
    static let corpusDirectory: URL = {
        if let path = ProcessInfo.processInfo.environment["STRATA_BENCH_CORPUS"], !path.isEmpty {
            return URL(fileURLWithPath: path)
        }
        let beside = testsDirectory.appendingPathComponent("../../../shared/bench/").standardizedFileURL
        if FileManager.default.fileExists(atPath: beside.path) { return beside }
        return URL(fileURLWithPath: "/work/shared/bench/")
    }()

    /// A document of the shared benchmark corpus.
    static func corpus(_ name: String) throws -> String {
        try String(contentsOf: corpusDirectory.appendingPathComponent(name), encoding: .utf8)
    }
}

/// The error `parse` throws for `text`, or nil when it parses.
func parseError(_ text: String, options: ParseOptions = .default) -> SyntaxError? {
    do {
        _ = try parse(text, options: options)
        return nil
    } catch {
        return error
    }
}

/// The line and column at which `error` is reported in `text`.
func location(of error: SyntaxError, in text: String) -> Location {
    Source(text).location(of: error.offset)
}

/// All tokens of `text` up to the end of file (excluded).
func tokens(_ text: String) throws(SyntaxError) -> [Token] {
    var lexer = Lexer(Source(text))
    var tokens: [Token] = []
    while true {
        let token = try lexer.next()
        if token.kind == .endOfFile { return tokens }
        tokens.append(token)
    }
}

/// The only token of `text`.
func singleToken(_ text: String) throws -> (token: Token, lexer: Lexer) {
    var lexer = Lexer(Source(text))
    let token = try lexer.next()
    #expect(try lexer.next().kind == .endOfFile, "more than one token in \(text)")
    return (token, lexer)
}

/// The error the lexer throws on `text`, or nil when it reads it all.
func lexError(_ text: String) -> SyntaxError? {
    do {
        _ = try tokens(text)
        return nil
    } catch {
        return error
    }
}

/// The selections of the first operation of `document`.
func firstSelections(_ document: Document) -> [Selection] {
    guard case .operation(let operation)? = document.definitions.first else { return [] }
    return Array(operation.selectionSet.selections)
}

/// The first field of the first operation of `text`.
func firstField(_ text: String) throws -> Field {
    let document = try parse(text)
    guard case .field(let field)? = firstSelections(document).first else {
        Issue.record("no field in \(text)")
        return Field(name: Name("?"))
    }
    return field
}
