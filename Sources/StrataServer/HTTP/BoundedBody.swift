import Hummingbird
import NIOCore

/// Reads a request body into memory, refusing it as soon as it is known to exceed the limit: first from
/// `Content-Length`, then while streaming (chunked bodies), so no more than `limit` bytes are ever buffered.
enum BoundedBody {
    static func read(_ request: Request, limit: Int) async throws -> Result<[UInt8], HTTPProblem> {
        if let declared = request.headers[.contentLength].flatMap({ Int($0) }), declared > limit {
            return .failure(.payloadTooLarge(limit: limit))
        }
        var first: ByteBuffer?
        var collected: ByteBuffer?
        var total = 0
        for try await chunk in request.body {
            total += chunk.readableBytes
            if total > limit { return .failure(.payloadTooLarge(limit: limit)) }
            if first == nil {
                first = chunk
            } else {
                if collected == nil { collected = first }
                collected!.writeImmutableBuffer(chunk)
            }
        }
        guard let buffer = collected ?? first else { return .success([]) }
        return .success(Array(buffer.readableBytesView))
    }
}
