import Foundation

/// Creates a new chapter file with its front matter, numbered after the last chapter.
public enum ChapterScaffold {
    /// Why a chapter could not be created.
    public enum Failure: Error, Equatable {
        case unknownPublication(String, hint: String)
        case alreadyExists(String)
        /// The file could not be written: its path and the reason, in French.
        case writeFailed(String, reason: String)
    }

    /// Writes `Content/<publication>/NN-slug.md` and returns its path relative to the root.
    /// The title is written on one line, without control characters, so that the file always
    /// passes `cadre check`; a publication must be a folder of `Content/`, never a path.
    public static func create(title: String, publication: String, root: URL) throws(Failure) -> String {
        let folder = root.appendingPathComponent("Content").appendingPathComponent(publication)
        guard ScaffoldText.isFolderName(publication), !Project.reservedFolders.contains(publication),
              FileManager.default.fileExists(atPath: folder.appendingPathComponent("publication.yml").path) else {
            let known = FileLister.folders(in: root.appendingPathComponent("Content")).map(\.lastPathComponent).filter { !Project.reservedFolders.contains($0) }
            throw .unknownPublication(publication, hint: Suggestion.hint(for: publication, in: known, noun: "publications"))
        }
        let numbers = FileLister.files(in: folder, extensions: ["md"]).compactMap { Int($0.lastPathComponent.prefix { $0.isNumber }) }
        let number = (numbers.max() ?? 0) + 1
        let title = ScaffoldText.oneLine(title).isEmpty ? "Nouveau chapitre" : ScaffoldText.oneLine(title)
        let name = String(format: "%02d-%@.md", number, ScaffoldText.fileSlug(title, fallback: "chapitre"))
        let url = folder.appendingPathComponent(name)
        let path = FileLister.relativePath(of: url, to: root)
        guard !FileManager.default.fileExists(atPath: url.path) else { throw .alreadyExists(path) }
        let quoted = ScaffoldText.quoted(title)
        let text = """
        ---
        titre: \(quoted)
        titre_court: \(quoted)
        nature: chapitre
        # resume: Une phrase qui résume le chapitre, affichée au sommaire.
        ---

        ## Première section

        Écrivez ici. Les sections commencent au niveau « ## » ; le titre du chapitre vient de l'en-tête.

        """
        do {
            try text.write(to: url, atomically: true, encoding: .utf8)
        } catch {
            throw .writeFailed(path, reason: SystemMessage.french(error))
        }
        return path
    }
}
