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

/// Gives every heading of a chapter its anchor, and records it for cross-references.
enum SlugPass {
    static func run(_ page: inout ChapterPage, slugger: inout Slugger, index: inout AnchorIndex, into sink: DiagnosticSink) {
        var local = Slugger()
        var anchors: [Anchor] = []
        page.document.updateBlocks { block in
            guard case .heading(var heading) = block else { return }
            if heading.level == 1 {
                sink.report(page.source.location(line: heading.position?.line ?? 1).error("titre de niveau 1 (« # ») dans le corps du chapitre", hint: "le titre du chapitre vient de l'en-tête (titre:) ; commencez les sections par « ## »"))
                return
            }
            let text = Inline.plainText(heading.content)
            // cmark trims headings already: Foundation's trimming only when there is something to trim.
            let title = text.first?.isWhitespace == true || text.last?.isWhitespace == true ? text.trimmingCharacters(in: .whitespaces) : text
            let slug = Slugger.slug(title)
            heading.id = slugger.unique(slug: slug)
            block = .heading(heading)
            let anchor = Anchor(id: heading.id!, title: title, level: heading.level)
            anchors.append(anchor)
            index.add(anchor, requested: local.unique(slug: slug), in: page.chapter.fileName)
        }
        page.headings = anchors
    }
}
