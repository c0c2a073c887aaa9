/// The images a chapter shows must be files of the project, reached from its pages: the
/// PDF engine refuses anything else, but only after rendering, and it sees the address
/// resolved (`file:///etc/passwd`), no longer the chapter's line. The addresses are checked
/// here, as written, so that the error points at the image in the chapter.
enum ChapterImages {
    /// A diagnostic for each image whose address is a URL (other than an inline `data:image`),
    /// an absolute path, or a relative path leaving the output folder (`../../…`).
    static func problems(in chapter: Chapter) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        var fence: Substring?
        var definitions: [String: (target: String, line: Int, column: Int)] = [:]
        var usedLabels: Set<String> = []
        for (index, rawLine) in chapter.body.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = chapter.bodyLine + index
            let trimmed = rawLine.drop { $0 == " " }
            if let open = fence {
                if trimmed.hasPrefix(open) { fence = nil }
                continue
            }
            if trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") {
                fence = trimmed.prefix(3)
                continue
            }
            // Most lines have no image and no link definition: they are not searched.
            guard mayHoldAnImage(rawLine) else { continue }
            let text = withoutCodeSpans(rawLine)
            for match in text.matches(of: #/!\[([^\]]*)\]\(\s*<?([^)\s>]*)/#) {
                let column = text.distance(from: text.startIndex, to: match.output.2.startIndex) + 1
                if let problem = problem(String(match.output.2)) {
                    diagnostics.append(SourceLocation(file: chapter.path, line: line, column: column).error(problem, hint: hint))
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
            guard let definition = definitions[label], let problem = problem(definition.target) else { continue }
            diagnostics.append(SourceLocation(file: chapter.path, line: definition.line, column: definition.column).error(problem, hint: hint))
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

    static let hint = "mettez l'image dans le projet (Templates/assets/ ou Content/) et citez-la par un chemin relatif, par exemple ../assets/logo.png"

    /// Why `target` cannot be an image of the publication, or nil.
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
