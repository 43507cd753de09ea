import Foundation
import Hummingbird
import Synchronization

/// A bounded, thread-safe cache of response bodies, least recently used out first, limited
/// both in entries and in bytes. Bodies are kept as the `ByteBuffer`s the responses send,
/// so a hit hands out the stored buffer (copy-on-write, no copy of its bytes).
final class ResponseCache<Key: Hashable & Sendable>: Sendable {
    private struct State {
        var entries: [Key: (body: ByteBuffer, stamp: UInt64)] = [:]
        var bytes = 0
        var clock: UInt64 = 0
        var hits = 0
        var misses = 0
    }

    private let state = Mutex(State())
    let capacity: Int
    let maxBytes: Int

    init(capacity: Int, maxBytes: Int) {
        self.capacity = capacity
        self.maxBytes = maxBytes
    }

    func value(for key: Key) -> ByteBuffer? {
        state.withLock { s in
            guard let entry = s.entries[key] else {
                s.misses += 1
                return nil
            }
            s.clock += 1
            s.entries[key] = (entry.body, s.clock)
            s.hits += 1
            return entry.body
        }
    }

    /// Stores `data` as a buffer and returns that buffer (to send).
    @discardableResult
    func store(_ data: Data, for key: Key) -> ByteBuffer {
        let body = ByteBuffer(bytes: data)
        guard data.count <= maxBytes else { return body }
        state.withLock { s in
            if let old = s.entries[key] { s.bytes -= old.body.readableBytes }
            s.clock += 1
            s.entries[key] = (body, s.clock)
            s.bytes += body.readableBytes
            while s.entries.count > capacity || s.bytes > maxBytes {
                guard let oldest = s.entries.min(by: { $0.value.stamp < $1.value.stamp }) else { break }
                s.entries[oldest.key] = nil
                s.bytes -= oldest.value.body.readableBytes
            }
        }
        return body
    }

    /// Entries, bytes held, hits and misses so far.
    var statistics: (entries: Int, bytes: Int, hits: Int, misses: Int) {
        state.withLock { ($0.entries.count, $0.bytes, $0.hits, $0.misses) }
    }
}
