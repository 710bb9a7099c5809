extension JSONValue {
    /// The value as compact JSON text.
    public func serialized() -> String {
        var writer = JSONWriter()
        writer.write(self)
        return writer.text
    }

    /// The value as compact JSON, UTF-8 encoded.
    public func serializedBytes() -> [UInt8] {
        var writer = JSONWriter()
        writer.write(self)
        return writer.bytes
    }
}
