import Foundation

/// The collectivités' data files of a batch, each with the output folder its document goes to
/// (`strategies/<file name without extension>/`). Two files that would share a folder, or a
/// file named like a folder cadre writes itself, would silently lose a document: they are
/// errors instead, and the other files are produced as usual.
public enum CollectiviteFiles {
    /// Folder names of `strategies/` that cadre uses for something else than a document.
    static let reservedNames: Set<String> = ["assets"]

    /// A file left out of the batch, with why.
    public struct Conflict: Sendable {
        /// The file's path as reported (relative to the project when inside it).
        public var path: String
        /// Why the file is not produced.
        public var diagnostic: Diagnostic
    }

    /// The files that can be produced side by side, and those that cannot.
    public static func separate(_ files: [URL], root: URL) -> (files: [URL], conflicts: [Conflict]) {
        var unique: [URL] = []
        for file in files where !unique.contains(file) { unique.append(file) }
        let bySlug = Dictionary(grouping: unique) { $0.deletingPathExtension().lastPathComponent }
        var kept: [URL] = []
        var conflicts: [Conflict] = []
        for file in unique {
            let slug = file.deletingPathExtension().lastPathComponent
            let path = FileLister.relativePath(of: file, to: root)
            let location = SourceLocation(file: path, line: 1)
            if reservedNames.contains(slug.lowercased()) {
                conflicts.append(Conflict(path: path, diagnostic: location.error("le nom de fichier « \(slug) » est réservé : cadre range ses feuilles de style dans strategies/\(slug)/", hint: "renommez le fichier, par exemple « ville-de-\(slug).yml »")))
            } else if let others = bySlug[slug], others.count > 1 {
                let names = others.filter { $0 != file }.map { "« \(FileLister.relativePath(of: $0, to: root)) »" }.joined(separator: ", ")
                conflicts.append(Conflict(path: path, diagnostic: location.error("ce fichier et \(names) produiraient le même dossier strategies/\(slug)/ : l'un écraserait l'autre", hint: "renommez ou supprimez l'un des deux fichiers")))
            } else {
                kept.append(file)
            }
        }
        return (kept, conflicts)
    }
}
