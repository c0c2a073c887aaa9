/// The entries of a table of contents: each chapter and its `##` sections, as the HTML
/// sommaire lists them. Word processors rebuild the field with page numbers on update; these
/// entries fill it until then.
struct Outline {
    struct Entry {
        var level: Int
        var text: String
        var anchor: String?
    }

    var entries: [Entry] = []

    init(_ chapters: [EditableChapter]) {
        for chapter in chapters {
            entries.append(Entry(level: 1, text: chapter.heading, anchor: chapter.anchor))
            for block in chapter.document.blocks {
                guard case .heading(let heading) = block, heading.level == 2 else { continue }
                let title = Inline.plainText(heading.content)
                entries.append(Entry(level: 2, text: heading.number.map { "\($0) \(title)" } ?? title, anchor: heading.id))
            }
        }
    }
}
