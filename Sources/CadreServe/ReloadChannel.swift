import Foundation
import Synchronization

/// The channel that tells open pages a rebuild is done (Server-Sent Events): one stream per
/// page, each given every change as a JSON line. It only sends; nothing a page writes is read.
final class ReloadChannel: Sendable {
    private let listeners = Mutex<(next: Int, streams: [Int: AsyncStream<String>.Continuation], closed: Bool)>((0, [:], false))

    /// A new page's stream; it starts with `first` (the current state).
    func listen(first: String) -> AsyncStream<String> {
        let (stream, continuation) = AsyncStream<String>.makeStream(bufferingPolicy: .bufferingNewest(8))
        continuation.yield(first)
        let id: Int? = listeners.withLock { state in
            guard !state.closed else { return nil }
            state.next += 1
            state.streams[state.next] = continuation
            return state.next
        }
        guard let id else {
            continuation.finish()
            return stream
        }
        continuation.onTermination = { [weak self] _ in
            _ = self?.listeners.withLock { $0.streams.removeValue(forKey: id) }
        }
        return stream
    }

    /// Sends `event` to every open page.
    func send(_ event: String) {
        for stream in listeners.withLock({ Array($0.streams.values) }) { stream.yield(event) }
    }

    /// Ends every stream (the server is stopping) and refuses new ones.
    func close() {
        let streams = listeners.withLock { state in
            state.closed = true
            defer { state.streams = [:] }
            return Array(state.streams.values)
        }
        for stream in streams { stream.finish() }
    }

    var listenerCount: Int { listeners.withLock { $0.streams.count } }
}
