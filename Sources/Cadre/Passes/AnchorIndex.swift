/// A heading with its anchor, number and title, as cross-references and the TOC see it.
public struct Anchor: Sendable {
    /// The anchor (`le-diagnostic-afom`).
    public var id: String
    /// The heading's text.
    public var title: String
    /// Its level (1 for a chapter).
    public var level: Int
    /// Its number (`3.2`), in numbered chapters.
    public var number: String?

    init(id: String, title: String, level: Int, number: String? = nil) {
        self.id = id
        self.title = title
        self.level = level
        self.number = number
    }

    /// "3.2 Le diagnostic" or the bare title.
    public var label: String { number.map { "\($0) \(title)" } ?? title }
}

/// Every anchor of a publication, by chapter file and by the slug an author would write.
struct AnchorIndex: Sendable {
    /// Chapter file name → (page slug, chapter anchor).
    private(set) var chapters: [String: (page: String, anchor: Anchor)] = [:]
    /// Chapter file name → requested slug → anchor id.
    private var sections: [String: [String: String]] = [:]
    private var anchors: [String: Anchor] = [:]
    /// Chapters that could not be read: references into them are not checked (their own error says why).
    private(set) var unreadable: Set<String> = []

    mutating func markUnreadable(_ file: String) { unreadable.insert(file) }

    mutating func addChapter(_ chapter: Chapter) {
        let title = chapter.frontMatter.titre + (chapter.number.map { " (chapitre \($0))" } ?? "")
        chapters[chapter.fileName] = (chapter.slug, Anchor(id: chapter.slug, title: title, level: 1))
    }

    mutating func add(_ anchor: Anchor, requested: String, in file: String) {
        sections[file, default: [:]][requested] = anchor.id
        anchors[anchor.id] = anchor
    }

    mutating func setNumber(_ number: String, forID id: String) { anchors[id]?.number = number }

    func anchor(file: String, fragment: String) -> Anchor? {
        sections[file]?[fragment].flatMap { anchors[$0] }
    }

    func fragments(in file: String) -> [String] { Array(sections[file]?.keys ?? [:].keys) }
}

/// Gives the headings of a publication's chapters, in order, their anchors and numbers, and
/// records them for cross-references: what the chapter pipeline and the guide's passages in
/// strategy documents both need.
struct Anchoring {
    private var slugger = Slugger()
    /// The anchors so far.
    private(set) var index = AnchorIndex()

    /// Anchoring for `chapters`; chapter slugs and `reserved` page names are taken already.
    init(chapters: [Chapter], reserved: Set<String>) {
        for chapter in chapters {
            slugger.reserve(chapter.slug)
            index.addChapter(chapter)
        }
        reserved.forEach { slugger.reserve($0) }
    }

    /// Anchors and numbers the headings of `page` (listed by `SlugPass.collect`), the next
    /// chapter in order; `SlugPass.label` then writes them on its document.
    mutating func anchor(_ page: inout ChapterPage) {
        SlugPass.run(&page, slugger: &slugger, index: &index)
        NumberingPass.run(&page, index: &index)
    }

    /// A chapter that could not be read: references into it are not checked (its own error says why).
    mutating func markUnreadable(_ chapter: Chapter) { index.markUnreadable(chapter.fileName) }
}
