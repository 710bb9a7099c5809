#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Byte-wise (UTF-8 code unit) string operations: the contract compares strings by Unicode scalar value, which is
/// UTF-8 byte order, and tests substrings byte for byte. Swift's own `String` comparison uses canonical
/// equivalence ("é" precomposed equals "e" + combining accent), so the memory adapter never uses it on data
/// (and the SQL layer's `ByteWiseKey` hashes and compares keys with these too).
package enum UTF8Bytes {
    /// -1, 0 or 1 as `a` sorts before, equal to or after `b` byte-wise.
    @inline(__always)
    static func compare(_ a: String, _ b: String) -> Int {
        let fast = a.utf8.withContiguousStorageIfAvailable { pa in
            b.utf8.withContiguousStorageIfAvailable { pb in compare(pa, pb) }
        }
        if let fast, let result = fast { return result }
        return compareSlow(a, b)
    }

    @inline(__always)
    package static func equal(_ a: String, _ b: String) -> Bool {
        if a.utf8.count != b.utf8.count { return false }
        let fast = a.utf8.withContiguousStorageIfAvailable { pa in
            b.utf8.withContiguousStorageIfAvailable { pb in
                guard let x = pa.baseAddress, let y = pb.baseAddress else { return true }
                return memcmp(x, y, pa.count) == 0
            }
        }
        if let fast, let result = fast { return result }
        return compareSlow(a, b) == 0
    }

    static func compare(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Int {
        let n = min(a.count, b.count)
        var i = 0
        while i < n {
            let x = a[i]
            let y = b[i]
            if x != y { return x < y ? -1 : 1 }
            i += 1
        }
        return a.count == b.count ? 0 : (a.count < b.count ? -1 : 1)
    }

    private static func compareSlow(_ a: String, _ b: String) -> Int {
        var ia = a.utf8.makeIterator()
        var ib = b.utf8.makeIterator()
        while true {
            switch (ia.next(), ib.next()) {
            case (nil, nil): return 0
            case (nil, _): return -1
            case (_, nil): return 1
            case (let x?, let y?): if x != y { return x < y ? -1 : 1 }
            }
        }
    }

    /// Feeds the string's UTF-8 bytes (and its length) to `hasher`, consistently with `equal`. Hash tables keyed
    /// by these strings go through `keyHash` instead (see `KeyHasher`); this serves `hash(into:)`.
    @inline(__always)
    package static func hash(_ s: String, into hasher: inout Hasher) {
        let done: Void? = s.utf8.withContiguousStorageIfAvailable { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
        if done == nil {
            for byte in s.utf8 { hasher.combine(byte) }
        }
        hasher.combine(s.utf8.count)
    }

    /// `KeyHasher`'s hash of the string's UTF-8 bytes, consistent with `equal`: what hash tables keyed by
    /// client-chosen strings use instead of `Hasher`.
    @inline(__always)
    package static func keyHash(_ s: String, discriminator: UInt8, seed: Int) -> Int {
        if let hash = s.utf8.withContiguousStorageIfAvailable({
            KeyHasher.hash(bytes: UnsafeRawBufferPointer($0), discriminator: discriminator, seed: seed)
        }) {
            return hash
        }
        var copy = s
        return copy.withUTF8 { KeyHasher.hash(bytes: UnsafeRawBufferPointer($0), discriminator: discriminator, seed: seed) }
    }

    /// A cheap, unkeyed mix of the string's UTF-8 bytes (equal bytes, equal result), for choosing among a few
    /// buckets — not for hash tables that untrusted keys could flood.
    package static func fold(_ s: String) -> UInt64 {
        if let fast = s.utf8.withContiguousStorageIfAvailable(fold(bytes:)) { return fast }
        var copy = s
        return copy.withUTF8(fold(bytes:))
    }

    private static func fold(bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        let multiplier: UInt64 = 0x9E37_79B9_7F4A_7C15
        var h = UInt64(bytes.count) &* multiplier
        guard let base = bytes.baseAddress else { return h }
        var i = 0
        while i &+ 8 <= bytes.count {
            h = (h ^ UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)) &* multiplier
            h ^= h >> 29
            i &+= 8
        }
        while i < bytes.count {
            h = (h ^ UInt64(bytes[i])) &* multiplier
            i &+= 1
        }
        return h ^ (h >> 32)
    }

    /// Whether `needle`'s bytes occur in `haystack`'s bytes at `position`.
    enum Position { case anywhere, prefix, suffix }

    static func contains(_ haystack: String, _ needle: [UInt8], at position: Position) -> Bool {
        if needle.isEmpty { return true }
        let fast = haystack.utf8.withContiguousStorageIfAvailable { h in
            needle.withUnsafeBufferPointer { n in contains(h, n, at: position) }
        }
        if let fast { return fast }
        let bytes = Array(haystack.utf8)
        return bytes.withUnsafeBufferPointer { h in
            needle.withUnsafeBufferPointer { n in contains(h, n, at: position) }
        }
    }

    private static func contains(
        _ h: UnsafeBufferPointer<UInt8>, _ n: UnsafeBufferPointer<UInt8>, at position: Position
    ) -> Bool {
        guard h.count >= n.count else { return false }
        switch position {
        case .prefix: return matches(h, n, at: 0)
        case .suffix: return matches(h, n, at: h.count - n.count)
        case .anywhere:
            let first = n[0]
            var i = 0
            let last = h.count - n.count
            while i <= last {
                if h[i] == first && matches(h, n, at: i) { return true }
                i += 1
            }
            return false
        }
    }

    @inline(__always)
    private static func matches(_ h: UnsafeBufferPointer<UInt8>, _ n: UnsafeBufferPointer<UInt8>, at start: Int) -> Bool {
        var j = 0
        while j < n.count {
            if h[start + j] != n[j] { return false }
            j += 1
        }
        return true
    }
}
