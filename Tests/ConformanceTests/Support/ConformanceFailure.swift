/// A conformance fixture or case that does not fit the schema or cannot be read.
struct ConformanceFailure: Error, Sendable, Hashable, CustomStringConvertible {
    var message: String

    init(_ message: String) { self.message = message }

    var description: String { message }
}
