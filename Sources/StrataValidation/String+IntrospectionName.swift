import StrataLanguage

extension String {
    /// Whether the name starts with `__` (reserved for introspection), checked on the UTF-8 bytes.
    @inline(__always) var isIntrospectionName: Bool {
        var bytes = utf8.makeIterator()
        return bytes.next() == UInt8(ascii: "_") && bytes.next() == UInt8(ascii: "_")
    }
}
