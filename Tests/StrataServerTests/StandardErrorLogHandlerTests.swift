import Logging
import Testing

@testable import StrataServer

@Suite("Standard-error log lines")
struct StandardErrorLogHandlerTests {
    @Test("a line holds timestamp, level, label, metadata sorted by key with per-message values winning, source and message")
    func lineLayout() {
        var handler = StandardErrorLogHandler(label: "strata", metadataProvider: nil)
        handler[metadataKey: "request.id"] = "r-1"
        handler[metadataKey: "a"] = "handler"
        let event = LogEvent(
            level: .warning, message: "slow query", metadata: ["a": "event", "ms": "12"], source: "StrataServer",
            file: #fileID, function: #function, line: #line)
        #expect(
            handler.line(for: event, timestamp: "2026-01-01T00:00:00+0000")
                == "2026-01-01T00:00:00+0000 warning strata: a=event ms=12 request.id=r-1 [StrataServer] slow query\n")
    }

    @Test("a line without label or metadata has no gaps")
    func noMetadata() {
        let handler = StandardErrorLogHandler(label: "", metadataProvider: nil)
        let event = LogEvent(
            level: .info, message: "listening", metadata: nil, source: "strata", file: #fileID, function: #function,
            line: #line)
        #expect(handler.line(for: event, timestamp: "T") == "T info [strata] listening\n")
    }
}
