import ArgumentParser
import Cadre
import Foundation

/// `cadre`: builds the publications of a project folder.
@main
struct CadreCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cadre",
        abstract: "Publie le guide, la plaquette et les stratégies des collectivités à partir de Content/ et Templates/.",
        subcommands: [BuildCommand.self, CheckCommand.self, StrategyCommand.self, ServeCommand.self, AtelierCommand.self, NewCommand.self, ExportCommand.self]
    )

    /// Usage errors exit with status 2 (swift-argument-parser's default is 64), in French; an
    /// unexpected error or a crash is one French line and status 1, never a backtrace.
    static func main() async {
        CrashReport.install(command: (["cadre"] + CommandLine.arguments.dropFirst().prefix(1)).joined(separator: " "))
        OutputLock.waiting = { folder in
            FileHandle.standardError.write(Data("cadre : une autre exécution de cadre écrit dans \(Diagnostic.escaped(folder.path)) ; attente de sa fin…\n".utf8))
        }
        do {
            var command = try parseAsRoot()
            if var command = command as? AsyncParsableCommand {
                try await command.run()
            } else {
                try command.run()
            }
        } catch {
            let code = exitCode(for: error)
            if code == .validationFailure {
                FileHandle.standardError.write(Data((UsageMessage.french(fullMessage(for: error)) + "\n").utf8))
                Foundation.exit(2)
            }
            if error is ExitCode || code == .success {
                exit(withError: error)
            }
            FileHandle.standardError.write(Data("cadre : erreur inattendue : \(Diagnostic.escaped(SystemMessage.french(error))) — rien n'a été écrit ; si cela se reproduit, signalez-le avec la commande lancée\n".utf8))
            Foundation.exit(1)
        }
    }
}

struct ProjectOptions: ParsableArguments {
    @Option(name: .long, help: "Racine du projet (le dossier qui contient Content/ et Templates/).")
    var root: String = "."

    var rootURL: URL { URL(fileURLWithPath: root, isDirectory: true).standardizedFileURL }
}

/// What `build` and `strategie` write, where, and with how many workers.
struct ProductionOptions: ParsableArguments {
    @Option(name: .long, help: "Dossier de sortie (par défaut Output/ sous la racine).")
    var output: String?

    @Option(name: .long, help: "html (site et page d'impression), pdf (PDF imprimables), odt, docx (documents modifiables), une liste (html,pdf,odt) ou all (tout).")
    var format: String = "html"

    /// The formats `--format` names (checked by `validate`).
    var formats: OutputFormat { OutputFormat(parsing: format) ?? .html }

    @Option(name: .long, help: "Travaux en parallèle : moteurs PDF, et documents de stratégie.")
    var jobs: Int = 1

    var outputURL: URL? { output.map { URL(fileURLWithPath: $0, isDirectory: true) } }

    func validate() throws {
        guard jobs >= 1 else { throw ValidationError("--jobs doit valoir au moins 1") }
        guard OutputFormat(parsing: format) != nil else {
            throw ValidationError("--format : « \(format) » inconnu — html, pdf, odt, docx, une liste (pdf,odt) ou all")
        }
    }
}


