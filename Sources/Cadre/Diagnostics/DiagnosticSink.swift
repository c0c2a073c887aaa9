import Foundation

/// Collects every diagnostic of a run, from any thread, so that all of them are reported together.
public final class DiagnosticSink: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [Diagnostic] = []

    public init() {}

    public func report(_ diagnostic: Diagnostic) {
        lock.withLock { items.append(diagnostic) }
    }

    public func report(_ diagnostics: [Diagnostic]) {
        lock.withLock { items.append(contentsOf: diagnostics) }
    }

    /// Every diagnostic so far, deduplicated and sorted by file and position.
    public var diagnostics: [Diagnostic] {
        lock.withLock { Array(Set(items)).sorted() }
    }

    public var hasErrors: Bool {
        lock.withLock { items.contains { $0.severity == .error } }
    }

    public var errorCount: Int {
        lock.withLock { Set(items.filter { $0.severity == .error }).count }
    }
}
