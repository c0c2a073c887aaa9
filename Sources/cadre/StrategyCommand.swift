import ArgumentParser
import Cadre
import Foundation

struct StrategyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "strategie",
        abstract: "Produit le document de stratégie de chaque collectivité (Output/strategies/<nom du fichier>/)."
    )

    @Argument(help: "Fichiers de données de collectivités (YAML).")
    var files: [String] = []

    @Flag(name: .long, help: "Tous les fichiers de Content/collectivites/.")
    var all = false

    @OptionGroup var project: ProjectOptions
    @OptionGroup var production: ProductionOptions

    func validate() throws {
        guard all != !files.isEmpty else {
            throw ValidationError(all ? "--all ou des fichiers, pas les deux" : "nommez des fichiers de collectivités ou demandez --all")
        }
    }

    func run() async throws {
        let request = StrategyRequest(root: project.rootURL, output: production.outputURL, files: files, format: production.formats, jobs: production.jobs)
        let outcome = await StrategyBatch.run(request, into: Reporter.sink) { done, total in
            Reporter.bar(done, of: total)
        }
        Reporter.clearLine()
        Reporter.printDiagnostics()
        if outcome.engineMissing {
            FileHandle.standardError.write(Data("cadre : \(PrintEngine.installAdvice) ; rien n'a été écrit\n".utf8))
            throw ExitCode(1)
        }
        if outcome.projectFailed {
            FileHandle.standardError.write(Data("cadre : \(Reporter.sink.errorCount) erreur\(Reporter.sink.errorCount > 1 ? "s" : "") dans le projet, aucun document produit\n".utf8))
            throw ExitCode(1)
        }
        let produced = outcome.produced.count, failed = outcome.failed.count
        var summary = "cadre : \(produced) document\(produced > 1 ? "s" : "") produit\(produced > 1 ? "s" : "")"
        if failed > 0 {
            let named = outcome.failed.prefix(5).joined(separator: ", ") + (failed > 5 ? "…" : "")
            summary += ", \(failed) en échec (\(named))"
        }
        if outcome.warnings > 0 { summary += ", \(outcome.warnings) avertissement\(outcome.warnings > 1 ? "s" : "")" }
        FileHandle.standardError.write(Data((summary + "\n").utf8))
        if failed > 0 { throw ExitCode(1) }
    }
}
