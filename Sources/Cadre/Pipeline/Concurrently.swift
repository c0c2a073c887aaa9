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
}
