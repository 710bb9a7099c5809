import Testing
import StrataJSON

@Suite struct JSONParserTests {
    @Test("scalars and containers parse into the matching JSON values")
    func parsesValues() throws {
        let value = try JSONParser.parse(#" { "a" : [1, -2, 3.5, true, false, null], "b": {"c": "d"}, "e": [] , "f": {} } "#)
        #expect(value == .object([
            JSONMember("a", .array([.int(1), .int(-2), .double(3.5), .bool(true), .bool(false), .null])),
            JSONMember("b", .object([JSONMember("c", .string("d"))])),
            JSONMember("e", .array([])),
            JSONMember("f", .object([])),
        ]))
    }

    @Test("firstRepeatedKey gives the path to the first member whose name its object already has", arguments: [
        (#"{"a": 1, "b": 2}"#, nil), (#"[{"a": 1}, {"a": 2}]"#, nil), (#"{"a": 1, "a": 1}"#, ["a"]),
        (#"{"x": {"y": [0, {"k": 1, "k": 2}]}}"#, ["x", "y", "1", "k"]), (#"[[], [{"q": {"r": 1, "s": 2, "r": 3}}]]"#, ["1", "0", "q", "r"]),
        (#"{"k0":0,"k1":1,"k2":2,"k3":3,"k4":4,"k5":5,"k6":6,"k7":7,"k8":8,"k9":9,"k3":10}"#, ["k3"]),
        (#""text""#, nil),
    ] as [(String, [String]?)])
    func repeatedKeys(_ text: String, _ path: [String]?) throws {
        #expect(try JSONParser.parse(text).firstRepeatedKey == path)
    }

    @Test("object members keep their order, duplicates included, and lookup finds the first")
    func keepsMemberOrder() throws {
        let value = try JSONParser.parse(#"{"z":1,"a":2,"z":3}"#)
        guard case .object(let members) = value else { Issue.record("not an object"); return }
        #expect(members.map(\.key) == ["z", "a", "z"])
        #expect(value["z"] == .int(1))
    }

    @Test(
        "numbers: integral ones that fit Int64 are ints, everything else doubles",
        arguments: [
            ("0", JSONValue.int(0)), ("-0", .int(0)), ("42", .int(42)), ("-17", .int(-17)),
            ("9223372036854775807", .int(.max)), ("-9223372036854775808", .int(.min)),
            ("9223372036854775808", .double(9223372036854775808)), ("1.0", .double(1)), ("1e2", .double(100)),
            ("-2.5E-3", .double(-0.0025)), ("1E+2", .double(100)), ("0.5", .double(0.5)),
        ])
    func parsesNumbers(text: String, expected: JSONValue) throws {
        #expect(try JSONParser.parse(text) == expected)
    }

    @Test(
        "string escapes decode, including surrogate pairs",
        arguments: [
            (#""a\"b\\c\/d""#, "a\"b\\c/d"), (#""\b\f\n\r\t""#, "\u{8}\u{C}\n\r\t"), (#""\u0041\u00e9""#, "Aé"),
            (#""\ud83d\ude00""#, "😀"), (#""x\uD834\uDD1Ey""#, "x𝄞y"), ("\"héllo ✓\"", "héllo ✓"), (#""""#, ""),
        ])
    func decodesStrings(text: String, expected: String) throws {
        #expect(try JSONParser.parse(text) == .string(expected))
    }

    @Test(
        "invalid documents are rejected with the kind and byte offset of the problem",
        arguments: [
            ("", JSONError.Kind.unexpectedEnd, 0), ("  ", .unexpectedEnd, 2), ("[1,]", .unexpectedCharacter, 3),
            ("{\"a\":1,}", .unexpectedCharacter, 7), ("01", .invalidNumber, 0), ("1.", .invalidNumber, 2),
            ("-", .invalidNumber, 1), ("1e", .invalidNumber, 2), ("+1", .unexpectedCharacter, 0),
            ("[1] x", .trailingCharacters, 4), ("{} {}", .trailingCharacters, 3), ("\"abc", .unexpectedEnd, 0),
            ("\"a\u{1}b\"", .controlCharacterInString, 2), (#""\x""#, .invalidEscape, 1), (#""\u12G4""#, .invalidEscape, 1),
            (#""\ud83d""#, .invalidUnicode, 1), (#""\ude00""#, .invalidUnicode, 1), (#""\ud83d\u0041""#, .invalidUnicode, 7),
            ("tru", .unexpectedCharacter, 0), ("nul", .unexpectedCharacter, 0), ("{1:2}", .unexpectedCharacter, 1),
            ("{\"a\" 1}", .unexpectedCharacter, 5), ("[1 2]", .unexpectedCharacter, 3), ("NaN", .unexpectedCharacter, 0),
            ("1e999", .invalidNumber, 0), ("'a'", .unexpectedCharacter, 0),
        ])
    func rejectsInvalid(text: String, kind: JSONError.Kind, offset: Int) {
        #expect {
            try JSONParser.parse(text)
        } throws: { error in
            guard let error = error as? JSONError else { return false }
            return error.kind == kind && error.offset == offset
        }
    }

    @Test("invalid UTF-8 inside a string is rejected")
    func rejectsInvalidUTF8() {
        #expect(throws: JSONError.self) { try JSONParser.parse([0x22, 0xC3, 0x28, 0x22]) }
        #expect(throws: JSONError.self) { try JSONParser.parse([0x22, 0x5C, 0x6E, 0xFF, 0x22]) }
    }

    @Test("nesting up to 512 levels is accepted and deeper nesting is refused")
    func depthLimit() throws {
        let ok = String(repeating: "[", count: 512) + String(repeating: "]", count: 512)
        #expect(throws: Never.self) { try JSONParser.parse(ok) }
        let deep = String(repeating: "[", count: 513) + String(repeating: "]", count: 513)
        #expect {
            try JSONParser.parse(deep)
        } throws: { ($0 as? JSONError)?.kind == .tooDeep }
        let deepObject = String(repeating: "{\"a\":", count: 600) + "1" + String(repeating: "}", count: 600)
        #expect { try JSONParser.parse(deepObject) } throws: { ($0 as? JSONError)?.kind == .tooDeep }
    }

    @Test("byte arrays, strings and other byte collections parse alike")
    func acceptsInputForms() throws {
        let text = #"{"k":[1,"v"]}"#
        let fromString = try JSONParser.parse(text)
        #expect(try JSONParser.parse(Array(text.utf8)) == fromString)
        #expect(try JSONParser.parse(text.utf8) == fromString)
        #expect(try JSONParser.parse(ArraySlice(Array(text.utf8))) == fromString)
    }

    @Test("the error description names the byte offset")
    func errorDescription() {
        let error = JSONError(.trailingCharacters, "unexpected `x` after the JSON value", at: 4)
        #expect(error.description == "Invalid JSON at byte 4: unexpected `x` after the JSON value")
    }
}
