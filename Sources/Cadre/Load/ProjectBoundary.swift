import Foundation

/// The project's sources stay inside the project: a symbolic link in `Content/` or
/// `Templates/` whose target lies outside (`/etc/passwd`, another user's files) would publish
/// that file, or copy it into the output where the PDF engine may then read it. Every such
/// link is an error at the link's own path, found before anything is read or written; so is
/// a named pipe or a device, which a reader would wait on forever.
enum ProjectBoundary {
    static let checkedFolders = ["Content", "Templates"]

    /// Reports each link under the checked folders that leads outside `root`, or nowhere.
    static func check(root: URL, into sink: DiagnosticSink) {
        let base = OutputFolder.resolved(root)
        for folder in checkedFolders {
            let top = root.appendingPathComponent(folder)
            if let problem = problem(top, root: root, base: base) { sink.report(problem); continue }
            guard let enumerator = FileManager.default.enumerator(atPath: top.path) else { continue }
            while let path = enumerator.nextObject() as? String {
                if let problem = problem(top.appendingPathComponent(path), root: root, base: base) { sink.report(problem) }
            }
        }
    }

    /// The diagnostic for `url` when it is a link leading outside the project (or nowhere).
    private static func problem(_ url: URL, root: URL, base: String) -> Diagnostic? {
        var status = stat()
        guard lstat(url.path, &status) == 0 else { return nil }
        let location = SourceLocation(file: FileLister.relativePath(of: url, to: root), line: 1)
        switch status.st_mode & S_IFMT {
        case S_IFLNK: break
        case S_IFREG, S_IFDIR: return nil
        default:
            // A named pipe or a device: reading it (an asset is copied whole) could wait forever.
            return location.error("ce n'est pas un fichier ordinaire (tube, périphérique ?)", hint: "remplacez-le par un fichier ou supprimez-le")
        }
        guard let pointer = realpath(url.path, nil) else {
            return location.error("lien symbolique vers un fichier qui n'existe pas", hint: "supprimez le lien ou recopiez le fichier dans le projet")
        }
        let target = String(cString: pointer)
        free(pointer)
        guard target != base, !target.hasPrefix(base == "/" ? "/" : base + "/") else { return nil }
        return location.error("lien symbolique vers « \(target) », hors du projet : cadre ne lit que les fichiers du projet", hint: "recopiez le fichier dans le projet à la place du lien")
    }
}
