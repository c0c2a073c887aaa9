/// Resolves links between chapters — `[texte](03-diagnostic.md#swot)`, `[texte](#swot)` — to
/// the right page and anchor, wherever they are written: a chapter's text, a component's, a
/// guide passage in a strategy document. A link to a missing chapter or section is an error;
/// a link with no text shows the target's number and title.
struct CrossReferencePass {
    /// The chapters and headings links may point at.
    let index: AnchorIndex
    /// The publication the index belongs to, when links are written in another one (a guide
    /// passage in a strategy document); nil for links within the same publication.
    var publication: String? = nil

    /// Resolves the links of `document`, written in chapter file `currentFile`; `locate` turns a
    /// snippet near a parsed line into a file position.
    func run(_ document: inout Document, in currentFile: String, locate: (String, Int) -> SourceLocation, into sink: DiagnosticSink) {
        document.updateInlines { inlines in
            guard inlines.contains(where: { if case .link(let link) = $0, case .chapter = link.target { true } else { false } }) else { return nil }
            return inlines.map { inline in
                guard case .link(var link) = inline, case .chapter(let target, let fragment, let written) = link.target else { return inline }
                let file = target ?? currentFile
                let location = locate("(\(written)", link.position?.line ?? 1)
                guard let chapter = index.chapters[file] else {
                    sink.report(location.error("renvoi vers un chapitre inexistant « \(file) »", hint: Suggestion.hint(for: file, in: Array(index.chapters.keys), noun: "chapitres")))
                    return inline
                }
                var anchor = chapter.anchor
                if let fragment, !index.unreadable.contains(file) {
                    guard let section = index.anchor(file: file, fragment: fragment) else {
                        sink.report(location.error("renvoi vers une section inexistante « #\(fragment) » de \(file)", hint: Suggestion.hint(for: fragment, in: index.fragments(in: file), noun: "ancres")))
                        return inline
                    }
                    anchor = section
                }
                link.target = .anchor(publication: publication, page: chapter.page, anchor: anchor.id == chapter.page ? nil : anchor.id)
                if Inline.plainText(link.content).trimmingCharacters(in: .whitespaces).isEmpty {
                    link.content = [.text(anchor.label)]
                }
                return .link(link)
            }
        }
    }
}
