/// What the word-processor writers (ODT, DOCX) take: a publication or a strategy document as
/// one document — its metadata and its chapters in order, each the `Document` the passes made.
public struct EditableDocument: Sendable {
    /// The publication's title (the title page, the running head, the metadata).
    public var title: String
    /// Its subtitle (a strategy document: the collectivité's name).
    public var subtitle: String?
    /// Who publishes it (the metadata's author).
    public var author: String?
    /// What it is about (the metadata's subject).
    public var subject: String?
    /// The date as the publication writes it (« Mandature 2026-2032 »), shown on the title page.
    public var date: String?
    /// The chapters, in reading order.
    public var chapters: [EditableChapter]
    /// Whether a title page and a table of contents open the document (not for a délibération).
    public var front: Bool

    /// The running head: the title, and the subtitle when no title page gives it.
    var runningTitle: String { front ? title : [title, subtitle].compactMap { $0 }.joined(separator: " — ") }

    /// A document of `chapters` with its metadata.
    public init(title: String, subtitle: String? = nil, author: String? = nil, subject: String? = nil, date: String? = nil, front: Bool = true, chapters: [EditableChapter]) {
        self.front = front
        self.title = title
        self.subtitle = subtitle
        self.author = author
        self.subject = subject
        self.date = date
        self.chapters = chapters
    }
}

/// One chapter of an editable document: its title (a level-1 heading), its number, its body.
public struct EditableChapter: Sendable {
    /// The chapter's title, typography already set.
    public var title: String
    /// Its number in a numbered publication (`3` gives « 3 Titre »), nil for opening and closing matter.
    public var number: Int?
    /// Its anchor: links to the chapter point at it.
    public var anchor: String
    /// Its summary (front matter `resume`), typography set, shown under the title.
    public var summary: String?
    /// The chapter's body, after every pass.
    public var document: Document

    /// A chapter titled `title`.
    public init(title: String, number: Int? = nil, anchor: String, summary: String? = nil, document: Document) {
        self.title = title
        self.summary = summary
        self.number = number
        self.anchor = anchor
        self.document = document
    }

    /// The heading as written: « 3 Titre » in a numbered chapter, as sections are numbered.
    var heading: String { number.map { "\($0) \(title)" } ?? title }
}
