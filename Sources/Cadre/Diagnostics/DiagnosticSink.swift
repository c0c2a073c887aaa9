import Synchronization

/// Collects every diagnostic of a run, from any task, so that all of them are reported together.
public final class DiagnosticSink: Sendable {
    private let items = Mutex<[Diagnostic]>([])

    /// An empty sink.
    public init() {}

    /// Records one problem.
    public func report(_ diagnostic: Diagnostic) {
        items.withLock { $0.append(diagnostic) }
    }

    /// Records several problems.
    public func report(_ diagnostics: [Diagnostic]) {
        items.withLock { $0.append(contentsOf: diagnostics) }
    }

    /// Every diagnostic so far, deduplicated and sorted by file and position.
    public var diagnostics: [Diagnostic] {
        items.withLock { Array(Set($0)).sorted() }
    }

    /// Whether any diagnostic is an error.
    public var hasErrors: Bool {
        items.withLock { $0.contains { $0.severity == .error } }
    }

    /// How many different errors there are.
    public var errorCount: Int {
        items.withLock { Set($0.filter { $0.severity == .error }).count }
    }
}
