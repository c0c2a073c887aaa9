/// Numbers the sections of numbered chapters: `3.2` for a `##`, `3.2.1` for a `###` (in the
/// list of headings; `SlugPass.label` writes them on the document).
enum NumberingPass {
    static func run(_ page: inout ChapterPage, index: inout AnchorIndex) {
        guard let chapterNumber = page.chapter.number else { return }
        var counters: [Int] = []
        for position in page.headings.indices {
            let level = page.headings[position].level
            guard level <= 3 else { continue }
            let depth = level - 1
            if counters.count < depth { counters += Array(repeating: 0, count: depth - counters.count) }
            counters = Array(counters.prefix(depth))
            counters[depth - 1] += 1
            let number = ([chapterNumber] + counters).map(String.init).joined(separator: ".")
            page.headings[position].number = number
            index.setNumber(number, forID: page.headings[position].id)
        }
    }
}
