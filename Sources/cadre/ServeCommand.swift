import ArgumentParser
import Cadre
import CadreServe
import Foundation

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Aperçu en direct : sert le site construit en mémoire et le met à jour à chaque enregistrement (rien n'est écrit dans Output/)."
    )

    @Argument(help: "Publications à servir (par défaut toutes, et les documents de stratégie ; « strategies » les désigne).")
    var publications: [String] = []

    @OptionGroup var project: ProjectOptions

    @OptionGroup var listen: ListenOptions

    func run() async throws {
        var server = PreviewServer(root: project.rootURL)
        server.host = listen.host
        server.port = listen.port
        server.publications = publications
        do {
            try await server.run { [listen] port in listen.announce("aperçu", port: port) }
        } catch let error as PreviewServerError {
            FileHandle.standardError.write(Data("cadre : \(error)\n".utf8))
            throw ExitCode(error.exitCode)
        }
    }
}

/// Where `serve` and `atelier` listen.
struct ListenOptions: ParsableArguments {
    @Option(name: .long, help: "Port d'écoute.")
    var port: Int = 8000

    @Option(name: .long, help: "Adresse d'écoute ; 127.0.0.1 par défaut (n'écoutez ailleurs qu'en connaissance de cause, derrière un proxy HTTPS pour l'atelier).")
    var host: String = "127.0.0.1"

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port doit être compris entre 0 et 65535") }
    }

    /// « cadre : aperçu sur http://127.0.0.1:8000/ — Ctrl-C pour arrêter », once listening on `port`.
    func announce(_ what: String, port: Int) {
        let shown = host.contains(":") ? "[\(host)]" : host
        FileHandle.standardError.write(Data("cadre : \(what) sur http://\(shown):\(port)/ — Ctrl-C pour arrêter\n".utf8))
    }
}
