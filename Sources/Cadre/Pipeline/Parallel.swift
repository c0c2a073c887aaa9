import Dispatch
import Foundation

/// Runs independent pieces of work on several threads and gives their results back in order.
enum Parallel {
    /// Threads for CPU-bound stages: one per core.
    static let cores = max(1, ProcessInfo.processInfo.activeProcessorCount)

    /// `body(0)…body(count - 1)` on up to `workers` threads; results in index order.
    static func map<T>(_ count: Int, workers: Int = cores, _ body: (Int) -> T) -> [T] {
        guard count > 1, workers > 1 else { return (0..<count).map(body) }
        let slots = Slots<T>(count: count)
        let threads = min(workers, count)
        withoutActuallyEscaping(body) { body in
            let work = UncheckedBox(body)
            DispatchQueue.concurrentPerform(iterations: threads) { thread in
                for index in stride(from: thread, to: count, by: threads) {
                    slots.set(index, work.value(index))
                }
            }
        }
        return slots.values
    }

    /// Results written by the threads, each into its own slot.
    private final class Slots<T>: @unchecked Sendable {
        private var items: [T?]
        private let lock = NSLock()

        init(count: Int) { items = Array(repeating: nil, count: count) }

        func set(_ index: Int, _ value: T) {
            lock.withLock { items[index] = value }
        }

        var values: [T] { lock.withLock { items.map { $0! } } }
    }

    /// The work closure, shared by the threads: callers give work whose pieces are independent.
    private struct UncheckedBox<Value>: @unchecked Sendable {
        let value: Value
        init(_ value: Value) { self.value = value }
    }
}
