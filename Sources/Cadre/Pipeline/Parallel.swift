import Dispatch
import Foundation

/// Runs independent pieces of work on several threads and gives their results back in order.
enum Parallel {
    /// Threads for CPU-bound stages: one per core.
    static let cores = max(1, ProcessInfo.processInfo.activeProcessorCount)

    /// `body(0)…body(count - 1)` on up to `workers` threads; results in index order.
    /// `done`, when given, hears how many pieces are finished after each one (progress bars).
    static func map<T>(_ count: Int, workers: Int = cores, done: (@Sendable (Int) -> Void)? = nil, _ body: (Int) -> T) -> [T] {
        guard count > 1, workers > 1 else {
            return (0..<count).map { index in
                defer { done?(index + 1) }
                return body(index)
            }
        }
        let slots = Slots<T>(count: count)
        let threads = min(workers, count)
        withoutActuallyEscaping(body) { body in
            let work = UncheckedBox(body)
            // Each thread takes the next piece when it is free: pieces differ in size, and on a
            // shared machine one thread may be slowed down; a fixed share would wait for it.
            DispatchQueue.concurrentPerform(iterations: threads) { _ in
                while let index = slots.next() {
                    let finished = slots.set(index, work.value(index))
                    done?(finished)
                }
            }
        }
        return slots.values
    }

    /// Results written by the threads, each into its own slot.
    private final class Slots<T>: @unchecked Sendable {
        private var items: [T?]
        private var finished = 0
        private var taken = 0
        private let lock = NSLock()

        init(count: Int) { items = Array(repeating: nil, count: count) }

        /// The index of the next piece nobody has taken, if any.
        func next() -> Int? {
            lock.withLock {
                guard taken < items.count else { return nil }
                defer { taken += 1 }
                return taken
            }
        }

        /// Stores a result; returns how many are stored so far.
        func set(_ index: Int, _ value: T) -> Int {
            lock.withLock {
                items[index] = value
                finished += 1
                return finished
            }
        }

        var values: [T] { lock.withLock { items.map { $0! } } }
    }

    /// The work closure, shared by the threads: callers give work whose pieces are independent.
    private struct UncheckedBox<Value>: @unchecked Sendable {
        let value: Value
        init(_ value: Value) { self.value = value }
    }
}
