import StrataJSON

/// The state of every source, as `GET /health` reports it.
public struct HealthReport: Sendable, Hashable {
    public enum SourceState: Sendable, Hashable {
        case up
        /// The check failed or timed out; the reason is safe to show (no SQL, no values).
        case down(String)
    }

    public var sources: [String: SourceState]

    public init(sources: [String: SourceState]) {
        self.sources = sources
    }

    public var isHealthy: Bool { sources.values.allSatisfy { $0 == .up } }

    /// `{"status":"ok"}` when healthy; otherwise `{"status":"unavailable","sources":{"name":{"status":…}}}`.
    public func json() -> [UInt8] {
        var writer = JSONWriter(capacity: 64)
        guard !isHealthy else {
            writer.write(.object([JSONMember("status", .string("ok"))]))
            return writer.bytes
        }
        var members: [JSONMember] = []
        for (name, state) in sources.sorted(by: { $0.key < $1.key }) {
            switch state {
            case .up:
                members.append(JSONMember(name, .object([JSONMember("status", .string("ok"))])))
            case .down(let reason):
                members.append(
                    JSONMember(
                        name, .object([JSONMember("status", .string("down")), JSONMember("error", .string(reason))])))
            }
        }
        writer.write(.object([JSONMember("status", .string("unavailable")), JSONMember("sources", .object(members))]))
        return writer.bytes
    }
}
