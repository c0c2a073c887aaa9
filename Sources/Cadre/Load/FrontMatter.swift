/// What a chapter says about itself in the YAML block at the top of its file.
public struct FrontMatter: Decodable, Sendable {
    /// Where a chapter sits in the publication, which decides numbering and placement.
    public enum Nature: String, Decodable, CaseIterable, Sendable {
        /// Numbered chapter of the body.
        case chapitre
        /// Unnumbered opening matter: avant-propos, préambule…
        case liminaire
        /// Unnumbered closing matter: acronymes, annexes…
        case annexe
    }

    /// The chapter's title (required).
    public var titre: String
    /// Short title for running heads; the title when absent.
    public var titreCourt: String?
    /// Numbered chapter, front matter or appendix.
    public var nature: Nature
    /// A sentence shown in the table of contents.
    public var resume: String?

    enum CodingKeys: String, CodingKey, CaseIterable {
        case titre
        case titreCourt = "titre_court"
        case nature
        case resume
    }

    init(titre: String, nature: Nature = .chapitre) {
        self.titre = titre
        self.nature = nature
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        titre = try container.decode(String.self, forKey: .titre)
        titreCourt = try container.decodeIfPresent(String.self, forKey: .titreCourt)
        nature = try container.decodeIfPresent(Nature.self, forKey: .nature) ?? .chapitre
        resume = try container.decodeIfPresent(String.self, forKey: .resume)
    }
}

/// Splits a chapter file into its front matter and its Markdown body.
struct FrontMatterSplit {
    var yaml: String
    /// Line of the file where the YAML starts (1-based).
    var yamlLine: Int
    var body: String
    /// Line of the file where the body starts (1-based).
    var bodyLine: Int

    /// Nil when the file does not start with a `---` line or the block is not closed.
    init?(_ text: String) {
        // Only the front matter is split into lines; the body is taken whole. The end of the
        // text ends a line too, so a closing `---` without a final newline is still seen.
        var lines: [Substring] = []
        var lineStart = text.startIndex
        while lineStart < text.endIndex {
            let lineEnd = text[lineStart...].firstIndex(of: "\n") ?? text.endIndex
            let line = text[lineStart..<lineEnd]
            let isFence = line.trimmingCharacters(in: .whitespaces) == "---"
            if lines.isEmpty && !isFence { return nil }
            if isFence && !lines.isEmpty {
                yaml = lines.dropFirst().joined(separator: "\n")
                yamlLine = 2
                body = lineEnd < text.endIndex ? String(text[text.index(after: lineEnd)...]) : ""
                bodyLine = lines.count + 2
                return
            }
            lines.append(line)
            lineStart = lineEnd < text.endIndex ? text.index(after: lineEnd) : text.endIndex
        }
        return nil
    }
}
