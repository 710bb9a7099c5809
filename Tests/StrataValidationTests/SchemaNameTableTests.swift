import StrataSchema
@testable import StrataValidation
import Testing

/// Validation finds a field by name in a table probed from the name's length and first and last bytes; names
/// that share those must still each find their own field, and a name the type lacks must find none.
@Suite struct SchemaNameTableTests {
    private func table(_ names: [String]) -> SchemaNameTable<FieldEntry> {
        var fields: [String: FieldEntry] = [:]
        for name in names {
            fields[name] = FieldEntry(definition: FieldDef(name: name, type: .named("String")), namedTypeID: -1)
        }
        return SchemaNameTable(fields)
    }

    @Test func everyFieldIsFoundUnderItsOwnName() {
        // "abc", "axc" and "a_c" share length, first and last byte: one slot, found by probing.
        let names = ["abc", "axc", "a_c", "id", "name", "email", "createdAt", "__typename", "x", "tasks", "title"]
        let fields = table(names)
        for name in names {
            #expect(fields.entry(named: name)?.definition.name == name)
        }
    }

    @Test func aNameTheTypeLacksFindsNothing() {
        let fields = table(["abc", "axc", "id", "name"])
        for missing in ["abd", "ayc", "", "i", "names", "a_c", "nam", "ame"] {
            #expect(fields.entry(named: missing) == nil)
        }
    }

    @Test func aFullTableOfCollidingNamesStillFindsEachAndStops() {
        // Sixty names of one length with one first and last byte: every one in the same probe sequence.
        let names = (0..<60).map { index -> String in
            let middle = String(UnicodeScalar(UInt8(65 + index % 26))) + String(UnicodeScalar(UInt8(97 + index / 26)))
            return "f" + middle + "z"
        }
        let fields = table(names)
        for name in names { #expect(fields.entry(named: name)?.definition.name == name) }
        #expect(fields.entry(named: "fQQz") == nil)
        #expect(fields.entry(named: "f") == nil)
    }
}
