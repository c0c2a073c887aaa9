/// Resolves links between chapters — `[texte](03-diagnostic.md#swot)`, `[texte](#swot)` — to
/// the right page and anchor. A link to a missing chapter or section is an error; a link
/// with no text shows the target's number and title.
enum CrossReferencePass {
    static func run(_ page: ChapterPage, index: AnchorIndex, into sink: DiagnosticSink) {
        resolve(page.document, in: page.chapter.fileName, index: index, locate: { page.source.location(of: $0, near: $1) }, into: sink)
    }

    /// Resolves the links of `document`, a chapter of file `file` or a text nested in one (a
    /// component's Markdown); `locate` turns a snippet near a parsed line into a file position.
    static func resolve(_ document: MarkdownDocument, in currentFile: String, index: AnchorIndex, locate: (String, Int) -> SourceLocation, into sink: DiagnosticSink) {
        for link in document.nodes(where: { $0.kind == .link }) {
            let url = link.url
            guard let target = Target(url) else { continue }
            let file = target.file ?? currentFile
            let location = locate("(\(url)", link.line)
            guard let chapter = index.chapters[file] else {
                sink.report(location.error("renvoi vers un chapitre inexistant « \(file) »", hint: Suggestion.hint(for: file, in: Array(index.chapters.keys), noun: "chapitres")))
                continue
            }
            var anchor = chapter.anchor
            if let fragment = target.fragment, !index.unreadable.contains(file) {
                guard let section = index.anchor(file: file, fragment: fragment) else {
                    sink.report(location.error("renvoi vers une section inexistante « #\(fragment) » de \(file)", hint: Suggestion.hint(for: fragment, in: index.fragments(in: file), noun: "ancres")))
                    continue
                }
                anchor = section
            }
            link.url = anchor.id == chapter.page ? "\(chapter.page).html" : "\(chapter.page).html#\(anchor.id)"
            if link.children.isEmpty || link.plainText.trimmingCharacters(in: .whitespaces).isEmpty {
                for child in link.children { child.unlink() }
                link.appendChild(document.makeText(anchor.label))
            }
        }
    }

    /// An internal link: a chapter file and/or a fragment; nil for external links.
    struct Target {
        var file: String?
        var fragment: String?

        init?(_ url: String) {
            if url.contains(":") || url.hasPrefix("//") { return nil }
            let parts = url.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
            let path = parts[0]
            guard path.isEmpty || path.hasSuffix(".md") else { return nil }
            file = path.isEmpty ? nil : String(path.split(separator: "/").last ?? "")
            fragment = parts.count > 1 && !parts[1].isEmpty ? parts[1] : nil
            if file == nil && fragment == nil { return nil }
        }
    }
}
