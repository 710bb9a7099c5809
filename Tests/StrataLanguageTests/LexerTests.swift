import StrataLanguage
import Testing

@Suite struct LexerTests {
    static let tokenCases: [(String, TokenKind)] = [
        ("!", .bang), ("$", .dollar), ("&", .ampersand), ("(", .parenLeft), (")", .parenRight),
        ("...", .spread), (":", .colon), ("=", .equals), ("@", .at), ("[", .bracketLeft), ("]", .bracketRight),
        ("{", .braceLeft), ("|", .pipe), ("}", .braceRight), ("name", .name), ("_Name_0", .name), ("42", .int),
        ("4.2", .float), ("\"s\"", .string), ("\"\"\"b\"\"\"", .blockString),
    ]

    @Test("every kind of token is read with its span", arguments: tokenCases)
    func tokenKind(text: String, kind: TokenKind) throws {
        let (token, _) = try singleToken("  " + text + " ")
        #expect(token.kind == kind)
        #expect(token.start == 2)
        #expect(Int(token.end) == 2 + text.utf8.count)
    }

    @Test("every token kind is covered by the table")
    func everyKindCovered() {
        let covered = Set(Self.tokenCases.map(\.1))
        #expect(covered == Set(TokenKind.allCases).subtracting([.endOfFile]))
    }

    @Test("end of file is returned again and again")
    func endOfFileRepeats() throws {
        var lexer = Lexer(Source("a"))
        #expect(try lexer.next().kind == .name)
        #expect(try lexer.next() == Token(.endOfFile, 1, 1))
        #expect(try lexer.next() == Token(.endOfFile, 1, 1))
    }

    @Test("white space, line terminators, commas, comments and byte order marks are ignored")
    func ignoredTokens() throws {
        let text = "\u{FEFF}\t a,,b # comment \"with\" {braces}\r\nc\rd\n# last line without terminator"
        let lexer = Lexer(Source(text))
        let read = try tokens(text)
        #expect(read.map(\.kind) == [.name, .name, .name, .name])
        #expect(read.map { lexer.text(of: $0) } == ["a", "b", "c", "d"])
    }

    /// Runs of spaces are skipped eight bytes at a time; every run length around that word size, followed by
    /// a token, by another ignored character or by the end of the text, must land on the right offset.
    @Test("runs of spaces of any length end exactly at the next token", arguments: 1...25)
    func spaceRuns(length: Int) throws {
        let spaces = String(repeating: " ", count: length)
        let text = "a" + spaces + "b" + spaces + "\t" + spaces + "#c\n" + spaces + "!" + spaces
        let read = try tokens(text)
        #expect(read.map(\.kind) == [.name, .name, .bang])
        #expect(read.map(\.start) == [0, UInt32(1 + length), UInt32(6 + 4 * length)])
        var lexer = Lexer(Source(text))
        for _ in read { _ = try lexer.next() }
        #expect(try lexer.next() == Token(.endOfFile, text.utf8.count, text.utf8.count))
    }

    @Test("a byte order mark between tokens is ignored")
    func byteOrderMarkBetweenTokens() throws {
        #expect(try tokens("a\u{FEFF}b").count == 2)
    }

    @Test("comments may hold any character, control characters included")
    func commentContents() throws {
        #expect(try tokens("# \u{0007} 日本語 🚀 \u{2028}\nx").count == 1)
    }

    @Test("names are the longest run of name characters")
    func names() throws {
        let text = "a1_b Z __typename _"
        let lexer = Lexer(Source(text))
        #expect(try tokens(text).map { lexer.text(of: $0) } == ["a1_b", "Z", "__typename", "_"])
    }

    @Test("punctuators need no separating space")
    func adjacentPunctuators() throws {
        #expect(
            try tokens("{a(b:$c)@d...e}").map(\.kind) == [
                .braceLeft, .name, .parenLeft, .name, .colon, .dollar, .name, .parenRight, .at, .name, .spread, .name,
                .braceRight,
            ])
    }

    // MARK: Numbers

    @Test(
        "valid numbers keep their text",
        arguments: [
            ("0", TokenKind.int), ("-0", .int), ("9", .int), ("1234567890", .int), ("-42", .int),
            ("9007199254740993", .int), ("0.0", .float), ("-0.5", .float), ("3.14159", .float), ("1e10", .float),
            ("1E10", .float), ("1e+10", .float), ("1e-10", .float), ("-1.5e-3", .float), ("6.022E23", .float),
            ("0e0", .float),
        ])
    func validNumber(text: String, kind: TokenKind) throws {
        let (token, lexer) = try singleToken(text)
        #expect(token.kind == kind)
        #expect(lexer.text(of: token) == text)
    }

    @Test(
        "invalid numbers are refused where they go wrong",
        arguments: [
            ("00", 2, "unexpected digit \"0\" after a leading zero"),
            ("-01", 3, "unexpected digit \"1\" after a leading zero"),
            ("1.", 3, "expected a digit, found <EOF>"),
            ("1.a", 3, "expected a digit, found \"a\""),
            ("1e", 3, "expected a digit, found <EOF>"),
            ("1e+", 4, "expected a digit, found <EOF>"),
            ("-", 2, "expected a digit, found <EOF>"),
            ("-a", 2, "expected a digit, found \"a\""),
            ("123abc", 4, "unexpected \"a\" after \"123\""),
            ("0x1F", 2, "unexpected \"x\" after \"0\""),
            ("1.2.3", 4, "unexpected \".\" after \"1.2\""),
            ("1e5.0", 4, "unexpected \".\" after \"1e5\""),
            ("12_", 3, "unexpected \"_\" after \"12\""),
            ("1.5e3x", 6, "unexpected \"x\" after \"1.5e3\""),
        ])
    func invalidNumber(text: String, column: Int, message: String) throws {
        let error = try #require(lexError(text))
        #expect(location(of: error, in: text) == Location(line: 1, column: column))
        #expect(error.message.contains("Invalid number: " + message), "\(error.message)")
    }

    // MARK: Strings

    @Test(
        "string escapes are decoded",
        arguments: [
            (#""simple""#, "simple"),
            (#""""#, ""),
            (#"" white space ""#, " white space "),
            (#""quote \" backslash \\ slash \/""#, "quote \" backslash \\ slash /"),
            (#""\b\f\n\r\t""#, "\u{08}\u{0C}\n\r\t"),
            (#""\u0041\u00e9\u00E9\u4E2D""#, "Aéé中"),
            (#""\u{41}\u{1F600}\u{0000000041}""#, "A😀A"),
            (#""\uD83D\uDE00""#, "😀"),
            (#""a\uD83D\uDE00b\u{1F680}c""#, "a😀b🚀c"),
            (#""\u0000""#, "\u{0}"),
            (#""\u{10FFFF}""#, "\u{10FFFF}"),
            (#""unescaped unicode: naïve 日本語 🚀""#, "unescaped unicode: naïve 日本語 🚀"),
            ("\"tab\tinside\"", "tab\tinside"),
            ("\"\u{2028} is not a line terminator\"", "\u{2028} is not a line terminator"),
        ])
    func stringEscape(text: String, value: String) throws {
        let (token, lexer) = try singleToken(text)
        #expect(token.kind == .string)
        #expect(lexer.stringValue(of: token) == value)
    }

    @Test(
        "invalid escapes are refused at the backslash",
        arguments: [
            (#""\x""#, "Invalid escape sequence: \"\\\" followed by \"x\"."),
            (#""ok \z""#, "Invalid escape sequence: \"\\\" followed by \"z\"."),
            (#""\u12""#, "Invalid Unicode escape sequence \"\\u12\": expected four hexadecimal digits"),
            (#""\u12G4""#, "Invalid Unicode escape sequence \"\\u12\": expected four hexadecimal digits"),
            (#""\uD83D""#, "Invalid Unicode escape sequence \"\\uD83D\": not a Unicode scalar value."),
            (#""\uDE00""#, "Invalid Unicode escape sequence \"\\uDE00\""),
            (#""\uD83D\u0041""#, "Invalid Unicode escape sequence \"\\uD83D\""),
            (#""\uD83Dx""#, "Invalid Unicode escape sequence \"\\uD83D\""),
            (#""\uDE00\uD83D""#, "Invalid Unicode escape sequence \"\\uDE00\""),
            (#""\u{D83D}\u{DE00}""#, "Invalid Unicode escape sequence \"\\u{D83D}\""),
            (#""\u{110000}""#, "Invalid Unicode escape sequence \"\\u{110000}\""),
            (#""\u{}""#, "Invalid Unicode escape sequence \"\\u{\": expected four hexadecimal digits"),
            (#""\u{12""#, "Invalid Unicode escape sequence \"\\u{12\": expected four hexadecimal digits"),
            (#""\u{12x}""#, "Invalid Unicode escape sequence \"\\u{12\": expected four hexadecimal digits"),
            (#""\u""#, "Invalid Unicode escape sequence \"\\u\": expected four hexadecimal digits"),
            (#""\u{FFFFFFFFFFFF}""#, "Invalid Unicode escape sequence \"\\u{FFFFFFFFFFFF}\""),
        ])
    func invalidEscape(text: String, message: String) throws {
        let source = "{ f(a: " + text + ") }"
        let error = try #require(lexError(source))
        let backslash = source.utf8.firstIndex(of: UInt8(ascii: "\\"))!
        let offset = source.utf8.distance(from: source.utf8.startIndex, to: backslash)
        #expect(Int(error.offset) == offset)
        #expect(error.message.hasPrefix("Syntax Error: " + message), "\(error.message)")
    }

    @Test(
        "unterminated strings are refused where the string stops",
        arguments: [
            ("\"abc", 5, "Unterminated string."),
            ("\"abc\nd\"", 5, "Unterminated string."),
            ("\"abc\r\"", 5, "Unterminated string."),
            ("\"abc\\", 6, "Unterminated string."),
            ("\"\"\"abc\"\"", 9, "Unterminated block string."),
            ("\"\"\"abc\\\"\"\"", 11, "Unterminated block string."),
        ])
    func unterminatedString(text: String, column: Int, message: String) throws {
        let error = try #require(lexError(text))
        #expect(location(of: error, in: text) == Location(line: 1, column: column))
        #expect(error.message == "Syntax Error: " + message)
    }

    @Test("two quotes followed by a third open a block string, not an empty string")
    func emptyStringBeforeQuote() throws {
        #expect(try tokens(String(repeating: "\"", count: 8)).map(\.kind) == [.blockString, .string])
        #expect(try tokens(String(repeating: "\"", count: 6)).map(\.kind) == [.blockString])
        #expect(try tokens(#""" "x""#).map(\.kind) == [.string, .string])
    }

    @Test("block strings end at the first unescaped triple quote")
    func blockStringToken() throws {
        let text = #""""a \""" b "" c""" "after""#
        let read = try tokens(text)
        #expect(read.map(\.kind) == [.blockString, .string])
        let lexer = Lexer(Source(text))
        #expect(lexer.blockStringValue(of: read[0]) == #"a """ b "" c"#)
    }

    @Test("escape sequences are not decoded inside block strings")
    func blockStringKeepsBackslashes() throws {
        let (token, lexer) = try singleToken(#""""\n \u00e9 \\ \" end""""#)
        #expect(lexer.blockStringValue(of: token) == #"\n \u00e9 \\ \" end"#)
    }

    // MARK: Invalid characters

    @Test(
        "characters outside the grammar are refused with their code point",
        arguments: [
            ("\u{0007}", "Unexpected character: U+0007."),
            ("\u{0000}", "Unexpected character: U+0000."),
            ("?", "Unexpected character: \"?\"."),
            ("%", "Unexpected character: \"%\"."),
            ("é", "Unexpected character: U+00E9."),
            ("日", "Unexpected character: U+65E5."),
            ("🚀", "Unexpected character: U+1F680."),
            ("\u{2028}", "Unexpected character: U+2028."),
            ("\u{00A0}", "Unexpected character: U+00A0."),
            ("'", "Unexpected single quote character ('): strings are written in double quotes (\")."),
            (".", "Unexpected character: \".\"; a spread is written \"...\"."),
            ("..", "Unexpected character: \".\"; a spread is written \"...\"."),
        ])
    func unexpectedCharacter(text: String, message: String) throws {
        let source = "{ a\n  " + text + " }"
        let error = try #require(lexError(source))
        #expect(location(of: error, in: source) == Location(line: 2, column: 3))
        #expect(error.message == "Syntax Error: " + message)
    }

    @Test("a lone half of a byte order mark is an unexpected character")
    func partialByteOrderMark() throws {
        let error = try #require(lexError("\u{FEFE}"))
        #expect(error.message == "Syntax Error: Unexpected character: U+FEFE.")
    }

    @Test("tokens describe themselves in error messages")
    func tokenDescriptions() throws {
        let text = #"} name 12 1.5 "str" """blk""" ..."#
        let lexer = Lexer(Source(text))
        #expect(
            try tokens(text).map { lexer.describe($0) } == [
                "\"}\"", "Name \"name\"", "Int \"12\"", "Float \"1.5\"", "String \"str\"", "BlockString \"blk\"",
                "\"...\"",
            ])
    }
}
