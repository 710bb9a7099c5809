internal import Synchronization

/// The byte offsets at which the lines of a source start, computed on first use.
///
/// A class so that every copy of a `Source` shares the one table; the `Mutex` makes the lazy fill
/// safe when several tasks report errors against the same source at once.
final class LineIndex: Sendable {
    private let starts = Mutex<[Int]?>(nil)

    func location(of offset: Int, in bytes: [UInt8]) -> SourceLocation {
        let offset = min(max(offset, 0), bytes.count)
        let starts = self.starts.withLock { cached in
            if let cached { return cached }
            let built = Self.lineStarts(of: bytes)
            cached = built
            return built
        }
        // The last line start at or before `offset`; starts[0] is always 0.
        var low = 0
        var high = starts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if starts[middle] <= offset { low = middle } else { high = middle - 1 }
        }
        var column = 1
        for index in starts[low]..<offset where bytes[index] & 0xC0 != 0x80 {
            column += 1  // count the first byte of each scalar, not its continuation bytes
        }
        return SourceLocation(line: low + 1, column: column)
    }

    private static func lineStarts(of bytes: [UInt8]) -> [Int] {
        var starts = [0]
        var index = 0
        while index < bytes.count {
            switch bytes[index] {
            case 0x0A:
                starts.append(index + 1)
            case 0x0D:
                if index + 1 < bytes.count, bytes[index + 1] == 0x0A { index += 1 }
                starts.append(index + 1)
            default:
                break
            }
            index += 1
        }
        return starts
    }
}
