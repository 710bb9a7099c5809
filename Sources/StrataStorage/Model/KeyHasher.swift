#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// SipHash-1-3 (one compression and three finalization rounds, as Swift's own `Hasher`) of a key's bytes under a
/// random 128-bit key chosen once per process, mixed with the seed a hash table passes. Keys come from clients
/// (ids chosen on create, filter values), so the hash must stay keyed; this one is written out inline over whole
/// words, where `Hasher` took 300–450 instructions for a 36-byte id through its resilient calls.
package enum KeyHasher {
    /// Random per process; fixed when `SWIFT_DETERMINISTIC_HASHING` is set, as the standard library's `Hasher`
    /// does, so that instruction counts of benchmarks repeat from run to run.
    private static let key: (UInt64, UInt64) = {
        if getenv("SWIFT_DETERMINISTIC_HASHING") != nil { return (0x0123_4567_89ab_cdef, 0xfedc_ba98_7654_3210) }
        var generator = SystemRandomNumberGenerator()
        return (generator.next(), generator.next())
    }()

    /// The hash of `bytes`; `discriminator` keeps values of different kinds with equal bytes apart.
    @inline(__always)
    package static func hash(bytes: UnsafeRawBufferPointer, discriminator: UInt8, seed: Int) -> Int {
        var state = State(seed: seed, discriminator: discriminator)
        let count = bytes.count
        var tail: UInt64 = 0
        if let base = bytes.baseAddress {
            var offset = 0
            while offset &+ 8 <= count {
                state.compress(base.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
                offset &+= 8
            }
            var shift: UInt64 = 0
            while offset < count {
                tail |= UInt64(base.load(fromByteOffset: offset, as: UInt8.self)) << shift
                shift &+= 8
                offset &+= 1
            }
        }
        return state.finalize(tail | UInt64(truncatingIfNeeded: count) << 56)
    }

    /// The seeded hash of one word (say, a digest computed once): one compression instead of one per 8 bytes.
    @inline(__always)
    package static func hash(word: UInt64, discriminator: UInt8, seed: Int) -> Int {
        var state = State(seed: seed, discriminator: discriminator)
        state.compress(word)
        return state.finalize(8 << 56)
    }

    /// The seeded hash of a key that is not a string, through `Hasher` (its `hash(into:)`): for the rare keys
    /// `_rawHashValue(seed:)` does not route to `hash(bytes:)`.
    package static func hash(_ value: some Hashable, seed: Int) -> Int {
        var hasher = Hasher()
        hasher.combine(seed)
        hasher.combine(value)
        return hasher.finalize()
    }

    private struct State {
        var v0: UInt64, v1: UInt64, v2: UInt64, v3: UInt64

        @inline(__always) init(seed: Int, discriminator: UInt8) {
            let k0 = KeyHasher.key.0 ^ UInt64(truncatingIfNeeded: seed)
            let k1 = KeyHasher.key.1 ^ UInt64(discriminator)
            v0 = k0 ^ 0x736f_6d65_7073_6575
            v1 = k1 ^ 0x646f_7261_6e64_6f6d
            v2 = k0 ^ 0x6c79_6765_6e65_7261
            v3 = k1 ^ 0x7465_6462_7974_6573
        }

        @inline(__always) mutating func round() {
            v0 &+= v1; v1 = v1.rotated(13); v1 ^= v0; v0 = v0.rotated(32)
            v2 &+= v3; v3 = v3.rotated(16); v3 ^= v2
            v0 &+= v3; v3 = v3.rotated(21); v3 ^= v0
            v2 &+= v1; v1 = v1.rotated(17); v1 ^= v2; v2 = v2.rotated(32)
        }

        @inline(__always) mutating func compress(_ word: UInt64) {
            v3 ^= word
            round()
            v0 ^= word
        }

        @inline(__always) mutating func finalize(_ last: UInt64) -> Int {
            compress(last)
            v2 ^= 0xff
            round()
            round()
            round()
            return Int(truncatingIfNeeded: v0 ^ v1 ^ v2 ^ v3)
        }
    }
}

extension UInt64 {
    @inline(__always) fileprivate func rotated(_ bits: UInt64) -> UInt64 { (self << bits) | (self >> (64 &- bits)) }
}
