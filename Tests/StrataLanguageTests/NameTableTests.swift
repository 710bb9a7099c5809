@testable import StrataLanguage
import Testing

/// The parser finds repeated names in a per-document table by their bytes packed into two words; a wrong mask,
/// a wrong word or a stale slot would hand one name's text to another.
@Suite struct NameTableTests {
    /// Each name of `text` (names between single `separator` bytes) as the table gives it back.
    private func read(_ text: String, separatedBy separator: Character, through table: inout NameTable) -> [String] {
        let bytes = Array(text.utf8)
        let stop = separator.asciiValue!
        var names: [String] = []
        var interned: ContiguousArray<String> = []
        var start = 0
        while start < bytes.count {
            var end = start
            while end < bytes.count, bytes[end] != stop { end += 1 }
            names.append(table.name(bytes, start, end, names: &interned))
            start = end + 1
        }
        return names
    }

    @Test func everyNameReadsBackAsItsOwnBytesWhateverItsLengthOrPlace() {
        // Lengths around the word boundaries (1, 7–9, 15–17) and beyond the packed limit, each twice, then the
        // same names again at the very end of the document, where a 16-byte load would run past the bytes.
        let names = ["a", "abcdefg", "abcdefgh", "abcdefghi", "abcdefghijklmno", "abcdefghijklmnop",
                     "abcdefghijklmnopq", "abcdefghijklmnopqrstuvwxyz_0123456789", "b", "abcdefgi", "abcdefghj"]
        let all = names + names + names.reversed()
        let text = all.joined(separator: " ")
        var table = NameTable(byteCount: text.utf8.count)
        #expect(read(text, separatedBy: " ", through: &table) == all)
    }

    @Test func aRepeatedShortNameGetsTheIndexItWasFirstGiven() {
        let bytes = Array("tasks title tasks title".utf8)
        var table = NameTable(byteCount: bytes.count)
        var names: ContiguousArray<String> = []
        let first = table.index(bytes, 0, 5, names: &names)
        let title = table.index(bytes, 6, 11, names: &names)
        #expect(table.index(bytes, 12, 17, names: &names) == first)
        #expect(table.index(bytes, 18, 23, names: &names) == title)
        #expect(names == ["tasks", "title"])
    }

    @Test func namesSharingASlotEachKeepTheirOwnText() {
        // Sixteen slots and two hundred distinct names: most slots are taken over several times.
        let names = (0..<200).map { "field\($0)" }
        var table = NameTable(byteCount: 0)
        #expect(read((names + names).joined(separator: ","), separatedBy: ",", through: &table) == names + names)
    }

    @Test func aParsedDocumentKeepsEveryFieldAndAliasName() throws {
        let document = try parse(
            "{ a: b b: a ab: ba ba: ab a_1: a_1 longerThanSixteenBytes: longerThanSixteenBytes z }")
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
