/// A field list's response keys, each as the JSON the response writes before its value (`"key":`), encoded once:
/// a planned selection keeps one, so a request adds its keys to the result tree with one copy instead of escaping
/// every key again.
struct EncodedKeySet: Sendable {
    let names: [String]
    /// Every key's `"key":`, one after another.
    let bytes: [UInt8]
    /// Where each key's bytes end in `bytes`.
    let ends: [Int]

    init(_ names: [String]) {
        self.names = names
        var bytes: [UInt8] = []
        var ends: [Int] = []
        ends.reserveCapacity(names.count)
        for name in names {
            bytes.append(UInt8(ascii: "\""))
            JSONOutput.appendEscaped(name, to: &bytes)
            bytes.append(UInt8(ascii: "\""))
            bytes.append(UInt8(ascii: ":"))
            ends.append(bytes.count)
        }
        self.bytes = bytes
        self.ends = ends
    }
}
