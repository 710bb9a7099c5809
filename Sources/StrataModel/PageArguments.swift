public import StrataSchema

/// The `first` / `after` arguments of a list or connection, as an offset and a limit.
public struct PageArguments: Sendable, Hashable {
    /// The number of rows returned when `first` is omitted.
    public static let defaultLimit = 100
    /// The largest `first` accepted.
    public static let maxLimit = 10_000

    /// Rows to skip: the position after the `after` cursor (0 without one).
    public var offset: Int
    /// Rows to return.
    public var limit: Int

    public init(offset: Int = 0, limit: Int = PageArguments.defaultLimit) {
        self.offset = offset
        self.limit = limit
    }

    /// From coerced arguments: `first` (an Int or null) and `after` (a cursor string or null).
    public init(first: InputValue?, after: InputValue?) throws(ModelError) {
        switch first {
        case nil, .null?:
            limit = Self.defaultLimit
        case .int(let n)?:
            guard n >= 0 else { throw ModelError.badInput("`first` must not be negative (got \(n)).", field: "first") }
            guard n <= Self.maxLimit else {
                throw ModelError.badInput("`first` must be at most \(Self.maxLimit) (got \(n)).", field: "first")
            }
            limit = n
        default:
            throw ModelError.badInput("`first` must be an Int.", field: "first")
        }
        switch after {
        case nil, .null?:
            offset = 0
        case .string(let cursor)?:
            let position = try Cursor.decode(cursor)
            guard position < Int.max else { throw ModelError.badInput("Invalid cursor \"\(cursor)\".", field: "after") }
            offset = position + 1
        default:
            throw ModelError.badInput("`after` must be a cursor string.", field: "after")
        }
    }

    /// From the arguments of a field (`first`, `after`; others are ignored).
    public init(arguments: [String: InputValue]) throws(ModelError) {
        try self.init(first: arguments["first"], after: arguments["after"])
    }
}
