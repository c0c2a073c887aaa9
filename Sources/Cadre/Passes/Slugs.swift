import Foundation

/// Stable French slugs for anchors: accents folded, lower case, words joined by hyphens,
/// made unique within a publication (`objectifs`, `objectifs-2`…).
public struct Slugger {
    private var used: Set<String> = []
    /// Next suffix to try per base slug, so that a title repeated n times costs n, not n².
    private var nextSuffix: [String: Int] = [:]

    /// A slugger that has given no slug yet.
    public init() {}

    private static let french = Locale(identifier: "fr_FR")

    /// The slug of `text`, without uniqueness.
    public static func slug(_ text: String) -> String {
        let lowered = text.lowercased()
        // A letter the table does not know (`ł`, `å`…) is folded by Foundation, for the whole text.
        let slug = hyphenated(lowered) ?? hyphenated(lowered.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: french), othersSeparate: true) ?? ""
        return slug.isEmpty ? "section" : slug
    }

    /// The letters and digits of lower-case `text`, runs joined by single hyphens, French letters
    /// spelt without accents. Nil at any other non-ASCII letter, unless `othersSeparate`.
    private static func hyphenated(_ text: String, othersSeparate: Bool = false) -> String? {
        var slug = ""
        var pendingHyphen = false
        for scalar in text.unicodeScalars {
            let letters: String
            switch scalar {
            case "a"..."z", "0"..."9":
                letters = String(scalar)
            case "\u{0}"..."\u{7F}", "\u{A0}", "\u{202F}", "«", "»", "’", "–", "—", "…":
                pendingHyphen = true
                continue
            default:
                if let folded = frenchLetters[scalar] {
                    letters = folded
                } else if othersSeparate {
                    pendingHyphen = true
                    continue
                } else {
                    return nil
                }
            }
            if pendingHyphen, !slug.isEmpty { slug.append("-") }
            slug += letters
            pendingHyphen = false
        }
        return slug
    }

    /// The accented lower-case letters of French with their slug spelling.
    private static let frenchLetters: [Unicode.Scalar: String] = [
        "à": "a", "â": "a", "ä": "a", "ç": "c", "é": "e", "è": "e", "ê": "e", "ë": "e", "î": "i", "ï": "i",
        "ô": "o", "ö": "o", "ù": "u", "û": "u", "ü": "u", "ÿ": "y", "œ": "oe", "æ": "ae", "ñ": "n",
    ]

    /// Reserves `slug` (a page name) so that no heading takes it.
    public mutating func reserve(_ slug: String) { used.insert(slug) }

    /// A slug for `text` that no earlier call returned.
    public mutating func unique(_ text: String) -> String { unique(slug: Self.slug(text)) }

    /// `base` (a slug already), or `base-2`, `base-3`… if an earlier call returned it.
    public mutating func unique(slug base: String) -> String {
        var candidate = base
        var counter = nextSuffix[base] ?? 2
        while used.contains(candidate) {
            candidate = "\(base)-\(counter)"
            counter += 1
        }
        nextSuffix[base] = counter
        used.insert(candidate)
        return candidate
    }
}

/// Gives every heading of a chapter its anchor, and records it for cross-references, in three
/// steps: the headings are listed (chapters concurrently), their anchors made unique across the
/// publication (in chapter order), then written on the document (concurrently again).
enum SlugPass {
    /// Lists the page's headings in `page.headings`, in document order, each with its slug not
    /// yet made unique; a level-1 heading is an error and gets no anchor.
    static func collect(_ page: inout ChapterPage, into sink: DiagnosticSink) {
        var headings: [Anchor] = []
        page.document.forEachBlock { block in
            guard case .heading(let heading) = block else { return }
            if heading.level == 1 {
                sink.report(page.source.location(line: heading.position?.line ?? 1).error("titre de niveau 1 (« # ») dans le corps du chapitre", hint: "le titre du chapitre vient de l'en-tête (titre:) ; commencez les sections par « ## »"))
                return
            }
            let text = Inline.plainText(heading.content)
            // cmark trims headings already: Foundation's trimming only when there is something to trim.
            let title = text.first?.isWhitespace == true || text.last?.isWhitespace == true ? text.trimmingCharacters(in: .whitespaces) : text
            headings.append(Anchor(id: Slugger.slug(title), title: title, level: heading.level))
        }
        page.headings = headings
    }

    /// Makes the slugs of the listed headings unique in the publication and records them; pages
    /// come in chapter order.
    static func run(_ page: inout ChapterPage, slugger: inout Slugger, index: inout AnchorIndex) {
        var local = Slugger()
        for position in page.headings.indices {
            let slug = page.headings[position].id
            page.headings[position].id = slugger.unique(slug: slug)
            index.add(page.headings[position], requested: local.unique(slug: slug), in: page.chapter.fileName)
        }
    }

    /// Writes the anchors and numbers of `headings` (listed by `collect`) on the document's headings.
    static func label(_ document: inout Document, with headings: [Anchor]) {
        guard !headings.isEmpty else { return }
        var next = headings.startIndex
        document.updateBlocks { block in
            guard case .heading(var heading) = block, heading.level > 1, next < headings.endIndex else { return }
            heading.id = headings[next].id
            heading.number = headings[next].number
            next += 1
            block = .heading(heading)
        }
    }
}
