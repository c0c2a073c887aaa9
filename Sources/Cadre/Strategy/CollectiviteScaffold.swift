import Foundation

/// `cadre new collectivite "Nom"`: a commented data file to fill in, from
/// `Templates/strategie/modele-collectivite.yml`.
public enum CollectiviteScaffold {
    /// Why a collectivité file could not be created.
    public enum Failure: Error, Equatable {
        case missingModel(String)
        case alreadyExists(String)
        /// The file could not be written: its path and the reason, in French.
        case writeFailed(String, reason: String)
    }

    static let model = "Templates/strategie/modele-collectivite.yml"

    /// Writes `Content/collectivites/<slug>.yml` and returns its path relative to the root.
    public static func create(name: String, root: URL) throws(Failure) -> String {
        guard let text = text(name: name, root: root) else { throw .missingModel(model) }
        let folder = root.appendingPathComponent("Content/collectivites")
        let name = ScaffoldText.oneLine(name).isEmpty ? "Collectivité" : ScaffoldText.oneLine(name)
        var slug = ScaffoldText.fileSlug(name, fallback: "collectivite")
        if CollectiviteFiles.reservedNames.contains(slug) { slug = "collectivite-" + slug }
        let url = folder.appendingPathComponent(slug + ".yml")
        let path = FileLister.relativePath(of: url, to: root)
        guard !FileManager.default.fileExists(atPath: url.path) else { throw .alreadyExists(path) }
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        } catch {
            throw .writeFailed(path, reason: SystemMessage.french(error))
        }
        return path
    }

    /// The model's text for a collectivité named `name`; nil when the project has no model.
    static func text(name: String, root: URL) -> String? {
        guard let text = try? String(contentsOf: root.appendingPathComponent(model), encoding: .utf8) else { return nil }
        let name = ScaffoldText.oneLine(name).isEmpty ? "Collectivité" : ScaffoldText.oneLine(name)
        // The name lands in a double-quoted YAML string and in a comment.
        let quoted = name.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
        return text.replacingOccurrences(of: "{{nom}}", with: quoted)
    }
}
