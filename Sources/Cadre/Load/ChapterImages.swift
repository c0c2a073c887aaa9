import Foundation

/// The images a chapter shows must be files of the project, reached from its pages: the
/// PDF engine refuses anything else, but only after rendering, and it sees the address
/// resolved (`file:///etc/passwd`), no longer the chapter's line; a missing file it only
/// warns about, at the print layout's first line. The addresses are checked here, as
/// written, so that the error points at the image in the chapter.
enum ChapterImages {
    /// A diagnostic for each image whose address is a URL (other than an inline `data:image`),
    /// an absolute path, a relative path leaving the output folder (`../../…`), or a relative
    /// path to no file of `Templates/assets/` (the only images cadre copies beside the pages)
    /// in the project at `root`.
    static func problems(in chapter: Chapter, root: URL) -> [Diagnostic] {
        let page = PageFolder(chapter: chapter)
        var diagnostics: [Diagnostic] = []
        var fence: Substring?
        var definitions: [String: (target: String, line: Int, column: Int)] = [:]
        var usedLabels: Set<String> = []
        // Lines are cut on their bytes: splitting a whole chapter into Characters (grapheme
        // breaking) was a tenth of the HTML benchmark's time.
        for (index, lineBytes) in chapter.body.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).enumerated() {
            let line = chapter.bodyLine + index
            let rawLine = Substring(lineBytes)
            let trimmed = rawLine.utf8.drop { $0 == UInt8(ascii: " ") }
            if let open = fence {
                if trimmed.starts(with: open.utf8) { fence = nil }
                continue
            }
            if trimmed.starts(with: "```".utf8) || trimmed.starts(with: "~~~".utf8) {
                fence = Substring(trimmed.prefix(3))
                continue
            }
            // Most lines have no image and no link definition: they are not searched.
            guard mayHoldAnImage(rawLine) else { continue }
            let text = withoutCodeSpans(rawLine)
            for match in text.matches(of: #/!\[([^\]]*)\]\(\s*<?([^)\s>]*)/#) {
                let column = text.distance(from: text.startIndex, to: match.output.2.startIndex) + 1
                if let problem = problem(String(match.output.2), from: page, root: root) {
                    diagnostics.append(SourceLocation(file: chapter.path, line: line, column: column).error(problem, hint: page.hint))
                }
            }
            for match in text.matches(of: #/!\[([^\]]*)\](?:\[([^\]]*)\])?/#) {
                let label = match.output.2.map(String.init).flatMap { $0.isEmpty ? nil : $0 } ?? String(match.output.1)
                usedLabels.insert(label.lowercased())
            }
            if let match = text.wholeMatch(of: #/ {0,3}\[([^\]]+)\]:\s*<?([^\s>]+)>?.*/#) {
                let column = text.distance(from: text.startIndex, to: match.output.2.startIndex) + 1
                definitions[String(match.output.1).lowercased()] = (String(match.output.2), line, column)
            }
        }
        for label in usedLabels.sorted() {
            guard let definition = definitions[label], let problem = problem(definition.target, from: page, root: root) else { continue }
            diagnostics.append(SourceLocation(file: chapter.path, line: definition.line, column: definition.column).error(problem, hint: page.hint))
        }
        return diagnostics
    }

    /// Whether `line` has `![` (an image) or may be a reference definition. Only such lines are
    /// searched: each regex below is compiled anew where it is used, and searching every line
    /// made this check 80 % of the HTML benchmark's time.
    private static func mayHoldAnImage(_ line: Substring) -> Bool {
        let bytes = line.utf8
        // A reference definition starts its line (`[logo]: …`; `[^note]:` is a footnote).
        let start = bytes.drop { $0 == UInt8(ascii: " ") }
        if start.first == UInt8(ascii: "["), start.dropFirst().first != UInt8(ascii: "^") { return true }
        var previous: UInt8 = 0
        for byte in bytes {
            if previous == UInt8(ascii: "!"), byte == UInt8(ascii: "[") { return true }
            previous = byte
        }
        return false
    }

    /// Why `target`, written in a chapter whose pages are in `page`, cannot be an image of the
    /// publication, or nil.
    static func problem(_ target: String, from page: PageFolder, root: URL) -> String? {
        if let problem = problem(target) { return problem }
        guard !target.hasPrefix("data:image/"), !target.isEmpty else { return nil }
        // Where the page's browser looks: the address without its query or fragment, decoded.
        let path = String(target.prefix { $0 != "?" && $0 != "#" })
        var parts = page.components
        for part in (path.removingPercentEncoding ?? path).split(separator: "/") {
            if part == ".." { parts = parts.dropLast() } else if part != "." { parts.append(String(part)) }
        }
        // `<publication>/assets/…` and `strategies/assets/…` are copies of Templates/assets/.
        if parts.count > 2, parts[1] == "assets" {
            let source = (["Templates", "assets"] + parts.dropFirst(2)).joined(separator: "/")
            if FileManager.default.fileExists(atPath: root.appendingPathComponent(source).path) { return nil }
            return "image « \(target) » introuvable : \(source) n'existe pas"
        }
        return "image « \(target) » introuvable : cadre ne copie à côté des pages que les fichiers de Templates/assets/"
    }

    /// Why `target` cannot be an image of the publication wherever its page is, or nil.
    static func problem(_ target: String) -> String? {
        if target.hasPrefix("data:image/") { return nil }
        if target.firstMatch(of: #/^[A-Za-z][A-Za-z0-9+.\-]*:/#) != nil {
            return "image « \(target) » hors du projet : ni adresse réseau ni fichier extérieur"
        }
        if target.hasPrefix("/") || target.hasPrefix("\\") {
            return "image « \(target) » : chemin absolu, hors du projet"
        }
        // Pages are one folder deep in the output (`guide/page.html`): one `..` at most.
        var depth = 1
        for part in target.split(separator: "?").first?.split(separator: "/") ?? [] {
            if part == ".." { depth -= 1 } else if part != "." { depth += 1 }
            if depth < 0 { return "image « \(target) » : le chemin sort du dossier de sortie" }
        }
        return nil
    }

    /// The output folder a chapter's pages are written in, as addresses in it resolve: a
    /// publication's chapters in `<publication>/` (its images in `<publication>/assets/`), a
    /// strategy document's in `strategies/<nom>/` (its images in `strategies/assets/`).
    struct PageFolder {
        var components: [String]
        /// How to cite an image from this chapter, with a path that is right for its pages.
        var hint: String

        init(chapter: Chapter) {
            let parts = chapter.path.split(separator: "/").map(String.init)
            if parts.first == "Content", parts.count > 2 {
                components = [parts[1]]
                hint = "mettez l'image dans Templates/assets/ (copié dans le dossier de chaque publication) et citez-la depuis le chapitre par assets/…, par exemple assets/logo.png"
            } else {
                components = ["strategies", "document"]
                hint = "mettez l'image dans Templates/assets/ (copié dans Output/strategies/assets/) et citez-la depuis le chapitre par ../assets/…, par exemple ../assets/logo.png"
            }
        }
    }

    /// The line with its code spans (`…`) blanked, so that code showing image syntax is not checked.
    private static func withoutCodeSpans(_ line: Substring) -> String {
        var result = ""
        var inCode = false
        for character in line {
            if character == "`" { inCode.toggle(); result.append(character); continue }
            result.append(inCode ? " " : character)
        }
        return result
    }
}
