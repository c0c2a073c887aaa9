import Foundation

/// Where a run may write: never over the project's sources. An output folder that is the
/// project's root, lies inside `Content/` or `Templates/`, or contains them would have its
/// publications' folders replaced by generated ones, deleting chapters and templates.
public enum OutputFolder {
    /// The folders of a project that cadre reads and never writes.
    static let sourceFolders = ["Content", "Templates"]

    /// A diagnostic refusing `output` for the project at `root`, or nil when it is a safe place.
    /// Paths are compared once symbolic links are resolved, so a link cannot hide the sources.
    public static func refusal(_ output: URL, root: URL) -> Diagnostic? {
        let target = resolved(output)
        let project = resolved(root)
        let location = SourceLocation(file: output.path, line: 1)
        let hint = "choisissez un dossier à part, par exemple --output \(FileLister.relativePath(of: root.appendingPathComponent("Output"), to: URL(fileURLWithPath: FileManager.default.currentDirectoryPath)))"
        if target == project {
            return location.error("le dossier de sortie est la racine du projet : la construction y remplacerait des dossiers", hint: hint)
        }
        if isInside(project, target) {
            return location.error("le dossier de sortie contient le projet (\(root.path)) : la construction pourrait remplacer ses sources", hint: hint)
        }
        for name in sourceFolders {
            let source = resolved(root.appendingPathComponent(name))
            if target == source || isInside(target, source) {
                return location.error("le dossier de sortie est dans les sources du projet (\(name)/) : la construction remplacerait des chapitres ou des gabarits", hint: hint)
            }
        }
        return nil
    }

    /// Whether `path` lies strictly inside `folder`.
    private static func isInside(_ path: String, _ folder: String) -> Bool {
        path.hasPrefix(folder.hasSuffix("/") ? folder : folder + "/")
    }

    /// The absolute path with every symbolic link resolved, even when its last parts do not
    /// exist yet (an output folder is often created by the run).
    static func resolved(_ url: URL) -> String {
        var existing = url.standardizedFileURL
        var missing: [String] = []
        while !FileManager.default.fileExists(atPath: existing.path), existing.path != "/" {
            missing.insert(existing.lastPathComponent, at: 0)
            existing.deleteLastPathComponent()
        }
        var path = realpath(existing.path, nil).map { pointer in
            defer { free(pointer) }
            return String(cString: pointer)
        } ?? existing.path
        for part in missing { path = (path as NSString).appendingPathComponent(part) }
        return path
    }
}
