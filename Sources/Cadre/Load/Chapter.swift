/// One chapter file of a publication: its front matter and its Markdown body.
public struct Chapter: Sendable {
    /// Path relative to the project root, as diagnostics show it.
    public var path: String
    /// File name, e.g. `03-elaborer-une-strategie.md` (what cross-references name).
    public var fileName: String
    /// File name without number and extension, e.g. `elaborer-une-strategie`: page name and anchor.
    public var slug: String
    /// The chapter's header.
    public var frontMatter: FrontMatter
    /// The Markdown after the header.
    public var body: String
    /// Line of the file where the body starts, to turn body positions into file positions.
    public var bodyLine: Int

    /// The chapter's number among the numbered chapters, set when the publication is assembled.
    public var number: Int?

    static func slug(fromFileName name: String) -> String {
        var stem = name.hasSuffix(".md") ? String(name.dropLast(3)) : name
        if let dash = stem.firstIndex(of: "-"), stem[..<dash].allSatisfy(\.isNumber), !stem[..<dash].isEmpty {
            stem = String(stem[stem.index(after: dash)...])
        }
        return stem
    }
}
