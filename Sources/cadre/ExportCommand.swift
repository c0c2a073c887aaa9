import ArgumentParser
import Cadre
import Foundation

struct ExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Produit le paquet du metteur en page : Output/<publication>/<publication>-maquette.zip (ICML, IDML, schémas SVG et PDF, épreuve, manifeste)."
    )

    @Argument(help: "La publication (nom d'un dossier de Content/).")
    var publication: String

    @OptionGroup var project: ProjectOptions

    @Option(name: .long, help: "Dossier de sortie (par défaut Output/ sous la racine).")
    var output: String?

    func run() async throws {
        let request = ExportRequest(root: project.rootURL, output: output.map { URL(fileURLWithPath: $0, isDirectory: true) }, publication: publication)
        try Reporter.finish(await Exporter.run(request, into: Reporter.sink, progress: Reporter.progress), verb: "exporté")
    }
}
