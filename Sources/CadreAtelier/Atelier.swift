import Cadre
import CadreServe
import Foundation
import Hummingbird
import ServiceLifecycle

/// `cadre atelier`: the web workspace where each collectivité builds its strategy in the
/// guide's four steps, checked by the same rules as `cadre strategie`.
public struct Atelier: Sendable {
    /// The project folder (its templates, shared data and guide).
    public var root: URL
    /// Where the database lives (`atelier.sqlite`).
    public var data: URL
    public var host = "127.0.0.1"
    /// The port (0: any free port, for tests).
    public var port = 8000

    public init(root: URL, data: URL) {
        self.root = root.standardizedFileURL
        self.data = data.standardizedFileURL
    }

    /// The default data folder: `atelier/` under the project, kept out of git.
    public static func defaultData(root: URL) -> URL { root.appendingPathComponent("atelier") }

    /// Creates (or renews the set-up link of) the administrator `email`; returns the link's path.
    public func setUpAdmin(email: String) throws -> String {
        let store = try Store(folder: data)
        return "/activer/" + (try store.setUpAdmin(email: email.trimmingCharacters(in: .whitespaces).lowercased()))
    }

    /// Serves the atelier until Ctrl-C; `ready` hears the port once it listens.
    public func run(ready: @escaping @Sendable (Int) async -> Void = { _ in }) async throws {
        let store: Store
        do { store = try Store(folder: data) } catch { throw AtelierError.database(data.path, SystemMessage.french(error)) }
        let sink = DiagnosticSink()
        guard let desk = await StrategyDesk.open(root: root, into: sink) else { throw AtelierError.project(sink.diagnostics) }
        let printer = PrintEngine.locate(root: root).flatMap { try? PreviewPrinter(engine: $0) }
        do {
            try await LocalServer.run(Routes(store: store, desk: desk, printer: printer, root: root).router(),
                                      host: host, port: port, label: "cadre-atelier", beside: PrinterService(printer: printer), ready: ready)
        } catch is LocalServer.PortInUse {
            throw AtelierError.portInUse(host: host, port: port)
        }
    }
}

/// Stops the PDF worker when the atelier stops.
private struct PrinterService: Service {
    let printer: PreviewPrinter?
    func run() async throws {
        try? await gracefulShutdown()
        await printer?.stop()
    }
}

/// Why the atelier cannot start.
public enum AtelierError: Error, CustomStringConvertible {
    case database(String, String)
    case project([Diagnostic])
    case portInUse(host: String, port: Int)

    public var description: String {
        switch self {
        case .database(let path, let reason): "base de données de l'atelier inutilisable dans \(path) : \(reason) — vérifiez le dossier donné par --data"
        case .project(let diagnostics): "le projet a des erreurs ; corrigez-les (cadre check) puis relancez l'atelier :\n" + diagnostics.map(\.description).joined(separator: "\n")
        case .portInUse(let host, let port): "le port \(port) est déjà utilisé sur \(host) — choisissez-en un autre avec --port"
        }
    }
}
