@testable import StrataExecution
import Testing

/// Short runs are copied as two overlapping words: every length must land exactly its bytes, and nothing past them.
@Suite struct ShortCopyTests {
    @Test func everyLengthCopiesExactlyItsBytes() {
        let source = (0..<64).map { UInt8(truncatingIfNeeded: $0 &* 7 &+ 1) }
        for count in 0...40 {
            var target = [UInt8](repeating: 0xEE, count: 64)
            source.withUnsafeBytes { from in
                target.withUnsafeMutableBytes { to in
                    ShortCopy.copy(from: from.baseAddress! + 3, to: to.baseAddress! + 5, count: count)
                }
            }
            #expect(Array(target[5..<(5 + count)]) == Array(source[3..<(3 + count)]), "count \(count)")
            #expect(target[0..<5].allSatisfy { $0 == 0xEE }, "count \(count)")
            #expect(target[(5 + count)...].allSatisfy { $0 == 0xEE }, "count \(count)")
        }
    }

    @Test func theArenaKeepsEveryAppendInOrderAcrossGrowth() {
        let arena = ByteArena(capacity: 16)
        var expected: [UInt8] = []
        for count in 0...40 {
            let piece = (0..<count).map { UInt8(truncatingIfNeeded: $0 &+ count) }
            piece.withUnsafeBufferPointer { arena.append(bytes: $0) }
            expected += piece
        }
        #expect(Array(arena.bytes) == expected)
        arena.truncate(to: 10)
        #expect(Array(arena.bytes) == Array(expected[..<10]))
    }
}
