/// A piece of running text.
public enum Inline: Sendable {
    /// Plain text, as the reader sees it (never escaped: writers escape).
    case text(String)
    case emphasis([Inline])
    case strong([Inline])
    case strikethrough([Inline])
    /// Inline code: kept as written by every pass (no typography, no acronyms).
    case code(String)
    case link(Link)
    case image(Image)
    /// An acronym of `Content/data/acronymes.yml`, with its meaning.
    case acronym(sigle: String, definition: String)
    /// A reference to the footnote `label`, its `occurrence`-th in the text.
    case noteReference(label: String, number: Int, occurrence: Int)
    case softBreak
    case lineBreak
    /// A run of inlines with classes (a level label, a state in a grid).
    case span(Attributes, [Inline])
    /// Raw HTML written by an author: dropped, a writer shows it as omitted.
    case omittedHTML
}

/// A link: to an address outside, or to a heading of the project.
public struct Link: Sendable {
    /// Where it points.
    public var target: LinkTarget
    /// The title shown on hover (`[x](url "title")`), or empty.
    public var title: String
    /// What the link says.
    public var content: [Inline]
    /// Where the link was written, for the cross-reference pass's diagnostics.
    public var position: SourcePosition?

    /// A link to `target` saying `content`.
    public init(target: LinkTarget, title: String = "", content: [Inline], position: SourcePosition? = nil) {
        self.target = target
        self.title = title
        self.content = content
        self.position = position
    }
}

/// What a link points at.
public enum LinkTarget: Sendable, Equatable {
    /// An address as written (`https://…`, `mailto:…`), or a relative path that is not a chapter.
    case external(String)
    /// A chapter file and/or a section (`07-cadre-logique.md#indicateurs`), not yet resolved; `written` is the address as written.
    case chapter(file: String?, fragment: String?, written: String)
    /// A resolved cross-reference: the page of `publication` (nil: the same one) and an anchor on it.
    case anchor(publication: String?, page: String, anchor: String?)
}

/// An image (the site's pictures; charts are `Graphic`s).
public struct Image: Sendable {
    /// The image's address.
    public var source: String
    /// Its title, or empty.
    public var title: String
    /// The alternative text.
    public var description: [Inline]

    /// An image at `source` described by `description`.
    public init(source: String, title: String = "", description: [Inline]) {
        self.source = source
        self.title = title
        self.description = description
    }
}

extension Inline {
    /// What the inlines say, without markup (a heading's title, an image's alternative text).
    public static func plainText(_ inlines: [Inline]) -> String {
        var text = ""
        for inline in inlines { inline.appendPlainText(to: &text) }
        return text
    }

    private func appendPlainText(to text: inout String) {
        switch self {
        case .text(let value), .code(let value): text += value
        case .emphasis(let children), .strong(let children), .strikethrough(let children), .span(_, let children): children.forEach { $0.appendPlainText(to: &text) }
        case .link(let link): link.content.forEach { $0.appendPlainText(to: &text) }
        case .image(let image): image.description.forEach { $0.appendPlainText(to: &text) }
        case .acronym(let sigle, _): text += sigle
        case .noteReference(_, let number, _): text += String(number)
        case .softBreak, .lineBreak: text += " "
        case .omittedHTML: break
        }
    }
}
