import Yams

/// A publication of the project (`Content/<name>/`): settings and ordered chapters.
public struct Publication: Sendable {
    /// The folder's name (`guide`): the name of its output folder.
    public var name: String
    /// What `publication.yml` says.
    public var settings: PublicationSettings
    /// Its chapters, in order.
    public var chapters: [Chapter]
    /// Path of `publication.yml`, relative to the project root.
    public var settingsPath: String
    /// Line of each top-level key of `publication.yml`, for diagnostics made after decoding.
    var settingsKeyLines: [String: Int] = [:]
    /// The layout of its print HTML: `Templates/print/<name>.mustache` when the publication has
    /// its own, else `print/publication`.
    var printLayout = "print/publication"

    /// Where `key` is written in `publication.yml` (its first line when absent).
    func settingsLocation(of key: String) -> SourceLocation {
        SourceLocation(file: settingsPath, line: settingsKeyLines[key] ?? 1)
    }

    /// The line of each top-level key, from the YAML parser's marks (none when the text does not parse).
    static func keyLines(of text: String) -> [String: Int] {
        guard case .success(let node) = YAMLSource(text: text, file: "").parse(), let mapping = node.mapping else { return [:] }
        var lines: [String: Int] = [:]
        for (key, _) in mapping {
            if let name = key.string, let line = key.mark?.line, lines[name] == nil { lines[name] = line }
        }
        return lines
    }
}
