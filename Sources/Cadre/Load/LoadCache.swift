import Synchronization

/// Values read from source files, kept with the texts they came from, for a process that loads
/// the same project again and again (`cadre serve` after each save): a file whose text has not
/// changed is not parsed again, and its diagnostics are reported again as they were. Outside a
/// `LoadCache.$current.withValue` scope (every build), nothing is kept.
public final class LoadCache: Sendable {
    private struct Entry: @unchecked Sendable {
        // `value` holds a `Sendable` value (see `value(for:texts:into:make:)`), stored as `Any`.
        var texts: [String]
        var value: Any
        var diagnostics: [Diagnostic]
    }

    private let entries = Mutex<[String: Entry]>([:])

    /// An empty cache.
    public init() {}

    /// The cache of the current task, if any.
    @TaskLocal public static var current: LoadCache?

    /// The value `make` reads from `texts`, made again only when `texts` differ from last time.
    static func value<T: Sendable>(for key: String, texts: [String], into sink: DiagnosticSink, make: (DiagnosticSink) -> T) -> T {
        guard let cache = current else { return make(sink) }
        if let entry = cache.entries.withLock({ $0[key] }), entry.texts == texts, let value = entry.value as? T {
            sink.report(entry.diagnostics)
            return value
        }
        let local = DiagnosticSink()
        let value = make(local)
        sink.report(local.diagnostics)
        cache.entries.withLock { $0[key] = Entry(texts: texts, value: value, diagnostics: local.diagnostics) }
        return value
    }
}
