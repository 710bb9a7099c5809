import Foundation
public import Logging

/// A log handler writing one line per message to standard error, in the layout of swift-log's `StreamLogHandler`
/// (`2024-01-01T00:00:00+0000 info strata: key=value [Module] message`).
///
/// Unlike `StreamLogHandler`, setting metadata costs no formatting: the server sets a request id on a copy of the
/// logger for every request, and nearly all of those loggers never write a line. Metadata is rendered only when a
/// message is actually logged.
public struct StandardErrorLogHandler: LogHandler {
    public var logLevel: Logger.Level = .info
    public var metadata: Logger.Metadata = [:]
    public var metadataProvider: Logger.MetadataProvider?
    private let label: String

    public init(label: String, metadataProvider: Logger.MetadataProvider? = LoggingSystem.metadataProvider) {
        self.label = label
        self.metadataProvider = metadataProvider
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        FileHandle.standardError.write(Data(line(for: event, timestamp: Self.timestamp()).utf8))
    }

    /// The line written for `event` (with its newline): timestamp, level, label, merged metadata sorted by key,
    /// source, message.
    func line(for event: LogEvent, timestamp: String) -> String {
        var merged = metadata
        if let provided = metadataProvider?.get() { merged.merge(provided) { _, new in new } }
        if let explicit = event.metadata { merged.merge(explicit) { _, new in new } }
        if let error = event.error {
            merged["error.message"] = "\(error)"
            merged["error.type"] = "\(String(reflecting: type(of: error)))"
        }
        var line = "\(timestamp) \(event.level)"
        if !label.isEmpty { line += " \(label):" }
        if !merged.isEmpty {
            line += " "
            line += merged.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
        }
        line += " [\(event.source)] \(event.message)\n"
        return line
    }

    /// The local time as `yyyy-MM-ddTHH:mm:ssZ` (`+0000` style offset), like `StreamLogHandler`.
    private static func timestamp() -> String {
        var now = time(nil)
        var parts = tm()
        localtime_r(&now, &parts)
        var buffer = [Int8](repeating: 0, count: 32)
        let count = strftime(&buffer, buffer.count, "%Y-%m-%dT%H:%M:%S%z", &parts)
        return String(decoding: buffer.prefix(count).map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
