@testable import StrataLanguage
import Testing

/// The parser finds repeated names in a per-document table by their bytes packed into two words; a wrong mask,
/// a wrong word or a stale slot would hand one name's text to another.
@Suite struct NameTableTests {
    @Test func everyNameReadsBackAsItsOwnBytesWhateverItsLengthOrPlace() {
        // Lengths around the word boundaries (1, 7–9, 15–17) and beyond the packed limit, each twice, then the
        // same names again at the very end of the document, where a 16-byte load would run past the bytes.
        let names = ["a", "abcdefg", "abcdefgh", "abcdefghi", "abcdefghijklmno", "abcdefghijklmnop",
                     "abcdefghijklmnopq", "abcdefghijklmnopqrstuvwxyz_0123456789", "b", "abcdefgi", "abcdefghj"]
        let text = (names + names + names.reversed()).joined(separator: " ")
        let bytes = Array(text.utf8)
        var table = NameTable(byteCount: bytes.count)
        var read: [String] = []
        var start = 0
        while start < bytes.count {
            var end = start
            while end < bytes.count, bytes[end] != 0x20 { end += 1 }
            read.append(table.name(bytes, start, end))
            start = end + 1
        }
        #expect(read == names + names + names.reversed())
    }

    @Test func namesSharingASlotEachKeepTheirOwnText() {
        // Sixteen slots and two hundred distinct names: most slots are taken over several times.
        let names = (0..<200).map { "field\($0)" }
        let text = (names + names).joined(separator: ",")
        let bytes = Array(text.utf8)
        var table = NameTable(byteCount: 0)
        var read: [String] = []
        var start = 0
        while start < bytes.count {
            var end = start
            while end < bytes.count, bytes[end] != 0x2C { end += 1 }
            read.append(table.name(bytes, start, end))
            start = end + 1
        }
        #expect(read == names + names)
    }

    @Test func aParsedDocumentKeepsEveryFieldAndAliasName() throws {
        let document = try parse("{ a: b b: a ab: ba ba: ab a_1: a_1 longerThanSixteenBytes: longerThanSixteenBytes z }")
        guard case .operation(let operation) = document.definitions.first else {
            Issue.record("expected an operation")
            return
        }
        let pairs = operation.selectionSet.selections.map { selection -> String in
            guard case .field(let field) = selection else { return "?" }
            return "\(field.alias?.value ?? "-"):\(field.name.value)"
        }
        #expect(
            pairs == [
                "a:b", "b:a", "ab:ba", "ba:ab", "a_1:a_1", "longerThanSixteenBytes:longerThanSixteenBytes", "-:z",
            ])
    }
}
