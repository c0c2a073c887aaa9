import ArgumentParser
import Cadre
import Foundation

/// `cadre`: builds the publications of a project folder.
@main
struct CadreCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cadre",
        abstract: "Publie le guide, la plaquette et les stratégies des collectivités à partir de Content/ et Templates/.",
        subcommands: [BuildCommand.self, CheckCommand.self, StrategyCommand.self, NewCommand.self]
    )

    /// Usage errors exit with status 2 (swift-argument-parser's default is 64).
    static func main() async {
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
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}

struct ProjectOptions: ParsableArguments {
    @Option(name: .long, help: "Racine du projet (le dossier qui contient Content/ et Templates/).")
    var root: String = "."

    var rootURL: URL { URL(fileURLWithPath: root, isDirectory: true).standardizedFileURL }
}

extension OutputFormat: ExpressibleByArgument {}
