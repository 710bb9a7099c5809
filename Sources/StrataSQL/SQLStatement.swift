public import StrataStorage

/// SQL text with its bound parameters, ready for a driver. The text never contains request data.
public struct SQLStatement: Sendable, Hashable, CustomStringConvertible {
    public var text: String
    public var bindings: [StorageValue]

    public init(text: String, bindings: [StorageValue] = []) {
        self.text = text
        self.bindings = bindings
    }

    /// The text only: bound values may be private and stay out of descriptions.
    public var description: String { text }
}
