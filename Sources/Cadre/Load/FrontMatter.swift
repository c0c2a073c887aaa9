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
        // Only the front matter is cut into lines, on its bytes (line ends are `\n` once the
        // file is read); the body is taken whole. The end of the text ends a line too, so a
        // closing `---` without a final newline is still seen.
        let bytes = text.utf8
        var lines: [Substring] = []
        var lineStart = bytes.startIndex
        while lineStart < bytes.endIndex {
            let lineEnd = bytes[lineStart...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.endIndex
            let line = text[lineStart..<lineEnd]
            let isFence = Self.isFence(line)
            if lines.isEmpty && !isFence { return nil }
            if isFence && !lines.isEmpty {
                yaml = lines.dropFirst().joined(separator: "\n")
                yamlLine = 2
                body = lineEnd < bytes.endIndex ? String(text[bytes.index(after: lineEnd)...]) : ""
                bodyLine = lines.count + 2
                return
            }
            lines.append(line)
            lineStart = lineEnd < bytes.endIndex ? bytes.index(after: lineEnd) : bytes.endIndex
        }
        return nil
    }

    /// Whether `line` is `---`, blanks around it allowed (Unicode blanks too: such a line is
    /// rare, and only then is Foundation asked).
    private static func isFence(_ line: Substring) -> Bool {
        let bytes = line.utf8
        guard bytes.allSatisfy({ $0 < 0x80 }) else { return line.trimmingCharacters(in: .whitespaces) == "---" }
        let blank: (UInt8) -> Bool = { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
        var content = bytes.drop(while: blank)
        while let last = content.last, blank(last) { content = content.dropLast() }
        return content.elementsEqual("---".utf8)
    }
}
