/// An error from a storage adapter. `message` is safe to show a client (no SQL, no bound values);
/// `detail` carries the backend's own text for logs.
public struct StorageError: Error, Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible {
    public struct Code: RawRepresentable, Sendable, Hashable, CustomStringConvertible {
        public var rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }

        public static let uniqueViolation = Code(rawValue: "uniqueViolation")
        public static let foreignKeyViolation = Code(rawValue: "foreignKeyViolation")
        public static let notNullViolation = Code(rawValue: "notNullViolation")
        public static let checkViolation = Code(rawValue: "checkViolation")
        /// Optimistic locking: the row's version is not the one the client sent.
        public static let conflict = Code(rawValue: "conflict")
        public static let notFound = Code(rawValue: "notFound")
        /// The request refers to an unknown entity/column or has values of the wrong type.
        public static let invalidRequest = Code(rawValue: "invalidRequest")
        public static let connectionFailed = Code(rawValue: "connectionFailed")
        public static let connectionLost = Code(rawValue: "connectionLost")
        public static let timeout = Code(rawValue: "timeout")
        public static let busy = Code(rawValue: "busy")
        public static let closed = Code(rawValue: "closed")
        public static let migrationFailed = Code(rawValue: "migrationFailed")
        public static let `internal` = Code(rawValue: "internal")

        public var description: String { rawValue }
    }

    public var code: Code
    public var message: String
    public var detail: String?
    /// The column involved, when known (constraint violations).
    public var column: String?

    public init(_ code: Code, _ message: String, detail: String? = nil, column: String? = nil) {
        self.code = code
        self.message = message
        self.detail = detail
        self.column = column
    }

    public var description: String { "\(code): \(message)" }
    public var debugDescription: String { "\(code): \(message)" + (detail.map { " — \($0)" } ?? "") }
}
