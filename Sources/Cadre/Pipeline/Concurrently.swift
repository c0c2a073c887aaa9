import Foundation

/// Independent pieces of work run as child tasks, results given back in order. Closures are
/// `@Sendable`: the compiler checks that pieces share nothing mutable.
enum Concurrently {
    /// How many CPU-bound pieces run at once by default: one per core.
    static let cores = max(1, ProcessInfo.processInfo.activeProcessorCount)

    /// `body(0)…body(count - 1)`, at most `limit` at a time; results in index order. `done`, when
    /// given, hears how many pieces are finished after each one (progress bars).
    static func map<T: Sendable>(_ count: Int, limit: Int = cores, done: (@Sendable (Int) -> Void)? = nil,
                                 _ body: @escaping @Sendable (Int) async -> T) async -> [T] {
        guard count > 1, limit > 1 else {
            var results: [T] = []
            results.reserveCapacity(count)
            for index in 0..<count {
                results.append(await body(index))
                done?(index + 1)
            }
            return results
        }
        return await withTaskGroup(of: (Int, T).self) { group in
            var results = [T?](repeating: nil, count: count)
            var next = 0
            // A new piece starts when one finishes: pieces differ in size, and on a shared
            // machine one core may be slowed down.
            while next < min(limit, count) {
                let index = next
                group.addTask { (index, await body(index)) }
                next += 1
            }
            var finished = 0
            while let (index, value) = await group.next() {
                results[index] = value
                finished += 1
                done?(finished)
                if next < count {
                    let index = next
                    group.addTask { (index, await body(index)) }
                    next += 1
                }
            }
            return results.map { $0! }
        }
    }

    /// `body` of each item, at most `limit` at a time; results in order. Each item is handed
    /// over to its task, not shared with the array it came from: a task that changes a
    /// chapter's document then changes it in place instead of copying every block it touches.
    static func transform<T: Sendable, U: Sendable>(_ items: consuming [T], limit: Int = cores,
                                                    _ body: @escaping @Sendable (consuming T) async -> U) async -> [U] {
        let handoff = Handoff(items)
        return await map(handoff.count, limit: limit) { await body(handoff.take($0)) }
    }
}

/// Items waiting for the task that takes each one, exactly once, by index.
private final class Handoff<T>: @unchecked Sendable {
    private let items: UnsafeMutableBufferPointer<T>
    let count: Int

    init(_ array: consuming [T]) {
        count = array.count
        items = .allocate(capacity: count)
        _ = items.initialize(from: array)
        // The array's own references go with it: each item is now referenced once, here.
        array = []
    }

    /// Moves item `index` out. `Concurrently.map` runs each index once, so every item is
    /// taken exactly once and nothing is left to deinitialize.
    func take(_ index: Int) -> T {
        (items.baseAddress! + index).move()
    }

    deinit {
        items.deallocate()
    }
}
