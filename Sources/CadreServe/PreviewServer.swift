import Cadre
import Foundation
import Hummingbird
import ServiceLifecycle
import Synchronization

/// `cadre serve`: the site of every publication and strategy document, built in memory,
/// served on the loopback interface, rebuilt on every save and pushed to the open pages.
public struct PreviewServer: Sendable {
    /// The project folder.
    public var root: URL
    /// The address to listen on (`127.0.0.1` unless the user names another).
    public var host = "127.0.0.1"
    /// The port (0: any free port, for tests).
    public var port = 8000
    /// Publications to serve (`strategies` for the strategy documents); everything when empty.
    public var publications: [String] = []

    /// A preview of the project at `root`.
    public init(root: URL) { self.root = root.standardizedFileURL }

    /// The folders whose changes rebuild the site.
    static let watchedFolders = ["Content", "Templates"]

    /// Builds the site, then serves it until Ctrl-C (or the task is cancelled).
    /// `ready` hears the port once the server listens and the first build is done.
    public func run(ready: @escaping @Sendable (Int) async -> Void = { _ in }) async throws {
        let preview = Preview(root: root)
        let available = await preview.targets().compactMap { if case .publication(let name) = $0 { name } else { nil } }
        for name in publications where name != "strategies" && !available.contains(name) {
            throw PreviewServerError.unknownPublication(name, available: available)
        }
        let site = Site(preview: preview, keep: { [publications] target in
            switch target {
            case .publication(let name): publications.isEmpty || publications.contains(name)
            case .strategy: publications.isEmpty || publications.contains("strategies")
            }
        })
        _ = await site.buildAll()
        let channel = ReloadChannel()
        let printer = PrintEngine.locate(root: root).flatMap { try? PreviewPrinter(engine: $0) }
        let updates = Updates(site: site, channel: channel)
        let watcher: Watcher
        do {
            watcher = try Watcher(root: root, folders: Self.watchedFolders.filter { FileManager.default.fileExists(atPath: root.appendingPathComponent($0).path) }) { paths in
            updates.add(paths)
            }
        } catch {
            throw PreviewServerError.watch("\(error)")
        }
        // Stopped before the HTTP server: its streams end, so the pages' connections close.
        let service = PreviewService(updates: updates, stop: {
            watcher.stop()
            channel.close()
            await printer?.stop()
        })
        do {
            try await LocalServer.run(Routes(site: site, channel: channel, printer: printer, root: root).router(),
                                      host: host, port: port, label: "cadre-serve", beside: service, ready: ready)
        } catch is LocalServer.PortInUse {
            throw PreviewServerError.portInUse(host: host, port: port)
        }
    }
}

/// Why the preview cannot start.
public enum PreviewServerError: Error, CustomStringConvertible {
    case unknownPublication(String, available: [String])
    case watch(String)
    case portInUse(host: String, port: Int)

    /// The message, in French.
    public var description: String {
        switch self {
        case .unknownPublication(let name, let available):
            "publication inconnue : « \(name) » — publications du projet : \(available.joined(separator: ", ")), ou « strategies »"
        case .watch(let reason): reason
        case .portInUse(let host, let port): "le port \(port) de \(host) est déjà utilisé (un autre « cadre serve » ?) — choisissez-en un autre avec --port"
        }
    }

    /// 2 for a usage error, 1 otherwise.
    public var exitCode: Int32 {
        if case .unknownPublication = self { 2 } else { 1 }
    }
}

/// Rebuilds the site when files change, one rebuild at a time, and tells the pages.
final class Updates: Sendable {
    let site: Site
    let channel: ReloadChannel
    private let pending = Mutex<Set<String>>([])
    private let signal: (stream: AsyncStream<Void>, continuation: AsyncStream<Void>.Continuation)

    init(site: Site, channel: ReloadChannel) {
        self.site = site
        self.channel = channel
        signal = AsyncStream<Void>.makeStream(bufferingPolicy: .bufferingNewest(1))
    }

    /// Called by the watcher's thread.
    func add(_ paths: [String]) {
        pending.withLock { $0.formUnion(paths) }
        signal.continuation.yield()
    }

    /// Runs until cancelled: every change seen while a rebuild runs starts one more.
    func run() async {
        for await _ in signal.stream {
            // An editor that saves several files at once: take them together.
            try? await Task.sleep(for: .milliseconds(3))
            let paths = pending.withLock { paths in
                defer { paths = [] }
                return paths.sorted()
            }
            guard !paths.isEmpty else { continue }
            await site.update(paths) { [channel] change in channel.send(Wire.json(change)) }
        }
    }

    func finish() { signal.continuation.finish() }
}

/// The preview's own service: the rebuild loop; on shutdown, `stop` ends the watcher, the
/// page streams and the print worker.
struct PreviewService: Service {
    let updates: Updates
    let stop: @Sendable () async -> Void

    func run() async throws {
        await withDiscardingTaskGroup { group in
            group.addTask { await updates.run() }
            try? await gracefulShutdown()
            updates.finish()
        }
        await stop()
    }
}

/// JSON as the pages read it.
enum Wire {
    static func json(_ value: some Encodable) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? String(decoding: encoder.encode(value), as: UTF8.self)) ?? "{}"
    }
}
