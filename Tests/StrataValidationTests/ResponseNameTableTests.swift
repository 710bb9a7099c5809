@testable import StrataValidation
import Testing

/// The field-merging search interns response names to integers packed from their bytes: equal names must get
/// one id, different names different ids, whatever their length and however full the table gets.
@Suite struct ResponseNameTableTests {
    @Test func aNameKeepsItsIdAndIdsFollowFirstSight() {
        var table = ResponseNameTable()
        #expect(table.id(of: "id") == 0)
        #expect(table.id(of: "name") == 1)
        #expect(table.id(of: "id") == 0)
        #expect(table.id(of: "name") == 1)
        #expect(table.names == ["id", "name"])
    }

    @Test func namesAcrossTheWordBoundariesAreToldApart() {
        // 8 and 9 bytes fill the first word and spill into the second; 16 fills both; 17 and up are looked up
        // by their text. Names that differ only in their last byte must not meet.
        let names = [
            "abcdefgh", "abcdefgi", "abcdefghi", "abcdefghj", "abcdefghijklmnop", "abcdefghijklmnoq",
            "abcdefghijklmnopq", "abcdefghijklmnopr", "a", "b", "_", "__typename",
        ]
        var table = ResponseNameTable()
        let ids = names.map { table.id(of: $0) }
        #expect(ids == Array(0..<Int32(names.count)))
        for (name, id) in zip(names, ids) { #expect(table.id(of: name) == id) }
        #expect(table.names == names)
    }

    @Test func aTableThatGrowsKeepsEveryId() {
        var table = ResponseNameTable()
        let names = (0..<1_000).map { "field\($0)" } + (0..<50).map { "aVeryLongResponseNameNumber\($0)" }
        for (index, name) in names.enumerated() { #expect(table.id(of: name) == Int32(index)) }
        for (index, name) in names.enumerated() { #expect(table.id(of: name) == Int32(index)) }
        #expect(table.names.count == names.count)
    }

    @Test func namesMadeToShareOneSlotStayCorrectAndBounded() {
        // Names of up to 8 bytes that all land in slot 0 of the first table: the first `maxProbes` take the slots
        // after it, the rest go to the dictionary; every one keeps its own id, before and after the table grows.
        var colliding: [String] = []
        var candidate = 0
        while colliding.count < 60 {
            let name = "n\(candidate)"
            candidate += 1
            var low: UInt64 = 0
            for (offset, byte) in name.utf8.enumerated() { low |= UInt64(byte) << UInt64(offset * 8) }
            if ResponseNameTable.slot(low, 0, mask: 63) == 0 { colliding.append(name) }
        }
        var table = ResponseNameTable()
        for (index, name) in colliding.enumerated() { #expect(table.id(of: name) == Int32(index)) }
        for (index, name) in colliding.enumerated() { #expect(table.id(of: name) == Int32(index)) }
        let more = (0..<200).map { "other\($0)" }
        for (index, name) in more.enumerated() { #expect(table.id(of: name) == Int32(colliding.count + index)) }
        for (index, name) in colliding.enumerated() { #expect(table.id(of: name) == Int32(index)) }
        #expect(table.names == colliding + more)
    }
}
