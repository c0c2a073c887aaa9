import ArgumentParser
import Cadre
import CadreAtelier
import Foundation

struct AtelierCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "atelier",
        abstract: "L'atelier : espace web où chaque collectivité élabore sa stratégie en quatre étapes, sans écrire de YAML.",
        subcommands: [Serve.self, Account.self],
        defaultSubcommand: Serve.self
    )

    struct DataOption: ParsableArguments {
        @Option(name: .long, help: "Dossier de la base de données de l'atelier (par défaut atelier/ dans le projet).")
        var data: String?

        /// The atelier of `project`, its database where this option says.
        func atelier(_ project: ProjectOptions) -> Atelier {
            Atelier(root: project.rootURL, data: data.map { URL(fileURLWithPath: $0) } ?? Atelier.defaultData(root: project.rootURL))
        }
    }

    struct Serve: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "servir", abstract: "Lance l'atelier (commande par défaut).")

        @OptionGroup var project: ProjectOptions
        @OptionGroup var data: DataOption

        @OptionGroup var listen: ListenOptions

        func run() async throws {
            var atelier = data.atelier(project)
            atelier.host = listen.host
            atelier.port = listen.port
            do {
                try await atelier.run { [listen] port in listen.announce("atelier", port: port) }
            } catch let error as AtelierError {
                FileHandle.standardError.write(Data("cadre : \(error)\n".utf8))
                throw ExitCode(1)
            }
        }
    }

    struct Account: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "compte", abstract: "Crée le compte administrateur et affiche son lien d'activation (à usage unique).")

        @OptionGroup var project: ProjectOptions
        @OptionGroup var data: DataOption

        @Option(name: .long, help: "Adresse électronique de l'administrateur.")
        var admin: String

        @Option(name: .long, help: "Adresse de l'atelier, pour écrire le lien complet (par défaut http://127.0.0.1:8000).")
        var url: String = "http://127.0.0.1:8000"

        func validate() throws {
            guard admin.contains("@") else { throw ValidationError("--admin attend une adresse électronique") }
        }

        func run() async throws {
            let atelier = data.atelier(project)
            do {
                let path = try atelier.setUpAdmin(email: admin)
                print("Lien d'activation du compte administrateur \(admin) (à usage unique, valable sept jours) :")
                print(url.trimmingCharacters(in: CharacterSet(charactersIn: "/")) + path)
            } catch {
                FileHandle.standardError.write(Data("cadre : base de données de l'atelier inutilisable : \(SystemMessage.french(error)) — vérifiez le dossier donné par --data\n".utf8))
                throw ExitCode(1)
            }
        }
    }
}
