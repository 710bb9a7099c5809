import StrataJSON
import Testing

@testable import StrataExecution

/// The response writer copies keys and leaves of every length (short ones as overlapping words, long ones with
/// `memcpy`): the bytes must come out as JSON with every key and value whole.
@Suite struct ResultTreeWriterTests {
    @Test("keys and string leaves of 1 to 40 bytes are written whole, in order")
    func keysAndLeavesOfEveryLength() throws {
        var tree = ResultTree()
        let root = tree.addObject(parentSlot: -1)
        let keys = (1...40).map { length in String((0..<length).map { Character(UnicodeScalar(UInt8(97 + ($0 % 26)))) }) }
        let keySet = tree.addKeySet(EncodedKeySet(keys))
        tree.allocateFields(of: [root], keySet: keySet, nonNull: Array(repeating: false, count: keys.count))
        for (index, key) in keys.enumerated() {
            // Leaf `index` is `index + 1` bytes long once quoted: "" for the first, then longer.
            let value = String(key.reversed().prefix(max(0, index - 1)))
            tree.setString(tree.nodes[Int(root)].firstSlot + Int32(index), value)
        }
        let out = tree.json(root: root, between: [], and: [])
        let expected = "{" + keys.enumerated().map { index, key in
            "\"\(key)\":\"\(String(key.reversed().prefix(max(0, index - 1))))\""
        }.joined(separator: ",") + "}"
        #expect(String(decoding: out, as: UTF8.self) == expected)
        guard case .object(let members) = try JSONParser.parse(out) else {
            Issue.record("not an object")
            return
        }
        #expect(members.map(\.key) == keys)
    }
}
