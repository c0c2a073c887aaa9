import ArgumentParser
import Cadre
import Foundation

struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Crée un nouveau fichier à partir d'un modèle.",
        subcommands: [NewChapter.self, NewCollectivite.self]
    )
}

struct NewChapter: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "chapter",
        abstract: "Crée un chapitre numéroté après le dernier, avec son en-tête."
    )

    @Argument(help: "Titre du chapitre.")
    var title: String

    @Option(name: .long, help: "Publication (dossier de Content/).")
    var publication: String

    @OptionGroup var project: ProjectOptions

    func run() throws {
        do {
            let path = try ChapterScaffold.create(title: title, publication: publication, root: project.rootURL)
            print(path)
        } catch .unknownPublication(let name, let hint) {
            throw ValidationError("publication « \(name) » inconnue — \(hint)")
        } catch .alreadyExists(let path) {
            FileHandle.standardError.write(Data("\(Diagnostic(file: path, line: 1, message: "le fichier existe déjà", hint: "choisissez un autre titre"))\n".utf8))
            throw ExitCode(1)
        } catch .writeFailed(let path, let reason) {
            FileHandle.standardError.write(Data("\(Diagnostic(file: path, line: 1, message: "écriture impossible : \(reason)", hint: "vérifiez les droits sur le dossier de la publication"))\n".utf8))
            throw ExitCode(1)
        }
    }
}

struct NewCollectivite: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "collectivite",
        abstract: "Crée Content/collectivites/<nom>.yml, un fichier de stratégie commenté à remplir."
    )

    @Argument(help: "Nom de la collectivité, par exemple « Ville de Valmont ».")
    var name: String

    @OptionGroup var project: ProjectOptions

    func run() throws {
        do {
            print(try CollectiviteScaffold.create(name: name, root: project.rootURL))
        } catch .missingModel(let path) {
            FileHandle.standardError.write(Data("\(path):1:1: erreur: modèle de fichier de collectivité introuvable — restaurez-le depuis le dépôt de cadre\n".utf8))
            throw ExitCode(1)
        } catch .alreadyExists(let path) {
            FileHandle.standardError.write(Data("\(Diagnostic(file: path, line: 1, message: "le fichier existe déjà", hint: "choisissez un autre nom ou modifiez ce fichier"))\n".utf8))
            throw ExitCode(1)
        } catch .writeFailed(let path, let reason) {
            FileHandle.standardError.write(Data("\(Diagnostic(file: path, line: 1, message: "écriture impossible : \(reason)", hint: "vérifiez les droits sur Content/collectivites/"))\n".utf8))
            throw ExitCode(1)
        }
    }
}
