import ArgumentParser
import Cadre
import Foundation

struct BuildCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Produit les publications dans Output/ (toutes si aucune n'est nommée)."
    )

    @Argument(help: "Publications à produire (noms des dossiers de Content/).")
    var publications: [String] = []

    @OptionGroup var project: ProjectOptions
    @OptionGroup var production: ProductionOptions

    func run() async throws {
        let request = BuildRequest(root: project.rootURL, output: production.outputURL, publications: publications, format: production.formats, jobs: production.jobs)
        try Reporter.finish(await Builder.run(request, into: Reporter.sink, progress: Reporter.progress), verb: "produit")
    }
}

struct CheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Vérifie tout le projet sans rien écrire (publications et fichiers de collectivités) ; affiche toutes les erreurs."
    )

    @OptionGroup var project: ProjectOptions

    func run() async throws {
        let request = BuildRequest(root: project.rootURL, writes: false)
        // The collectivités' files too, when the project has some: decoded, checked, rendered, not written.
        if FileManager.default.fileExists(atPath: project.rootURL.appendingPathComponent("Content/collectivites").path) {
            _ = await StrategyBatch.run(StrategyRequest(root: project.rootURL, jobs: 2, writes: false), into: Reporter.sink)
        }
        try Reporter.finish(await Builder.run(request, into: Reporter.sink, progress: Reporter.progress), verb: "vérifié")
    }
}

/// Prints diagnostics and progress the way editors and CI expect them.
enum Reporter {
    static let sink = DiagnosticSink()
    static let isTerminal = isatty(STDERR_FILENO) == 1

    /// On a terminal, one updating line per step; nothing otherwise, so that output stays parseable.
    static let progress: @Sendable (String) -> Void = { step in
        CrashReport.record(step)
        guard isTerminal else { return }
        FileHandle.standardError.write(Data("\u{1B}[2K\r… \(step)".utf8))
    }

    /// A progress bar for batches: `[████░░░░] 12/40`.
    static func bar(_ done: Int, of total: Int) {
        guard isTerminal, total > 0 else { return }
        let filled = done * 30 / total
        FileHandle.standardError.write(Data("\u{1B}[2K\r[\(String(repeating: "█", count: filled))\(String(repeating: "░", count: 30 - filled))] \(done)/\(total)".utf8))
    }

    static func clearLine() {
        if isTerminal { FileHandle.standardError.write(Data("\u{1B}[2K\r".utf8)) }
    }

    static func printDiagnostics() {
        for diagnostic in sink.diagnostics {
            FileHandle.standardError.write(Data((diagnostic.description + "\n").utf8))
        }
    }

    static func finish(_ outcome: BuildOutcome, verb: String) throws {
        clearLine()
        printDiagnostics()
        switch outcome {
        case .built(let files):
            let warnings = sink.diagnostics.count
            let summary = "cadre : \(verb), \(files) fichier\(files > 1 ? "s" : "")" + (warnings > 0 ? ", \(warnings) avertissement\(warnings > 1 ? "s" : "")" : "")
            FileHandle.standardError.write(Data((summary + "\n").utf8))
        case .failed:
            let count = sink.errorCount
            FileHandle.standardError.write(Data("cadre : \(count) erreur\(count > 1 ? "s" : ""), rien n'a été écrit\n".utf8))
            throw ExitCode(1)
        case .engineMissing:
            FileHandle.standardError.write(Data("cadre : \(PrintEngine.installAdvice) ; rien n'a été écrit\n".utf8))
            throw ExitCode(1)
        case .unknownPublication(let name, let suggestion):
            throw ValidationError("publication « \(name) » inconnue — \(suggestion)")
        }
    }
}
