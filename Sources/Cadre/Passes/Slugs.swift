import Foundation

/// Stable French slugs for anchors: accents folded, lower case, words joined by hyphens,
/// made unique within a publication (`objectifs`, `objectifs-2`…).
public struct Slugger {
    private var used: Set<String> = []
    /// Next suffix to try per base slug, so that a title repeated n times costs n, not n².
    private var nextSuffix: [String: Int] = [:]

    public init() {}

    /// The slug of `text`, without uniqueness.
    private static let french = Locale(identifier: "fr_FR")

    public static func slug(_ text: String) -> String {
        let lowered = text.lowercased()
        let folded = lowered.utf8.allSatisfy({ $0 < 128 }) ? lowered : lowered
            .replacingOccurrences(of: "œ", with: "oe")
            .replacingOccurrences(of: "æ", with: "ae")
            .folding(options: [.diacriticInsensitive, .caseInsensitive], locale: french)
        var slug = ""
        var pendingHyphen = false
        for scalar in folded.unicodeScalars {
            if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) {
                if pendingHyphen, !slug.isEmpty { slug.append("-") }
                slug.unicodeScalars.append(scalar)
                pendingHyphen = false
            } else {
                pendingHyphen = true
            }
        }
        return slug.isEmpty ? "section" : slug
    }

    /// Reserves `slug` (a page name) so that no heading takes it.
    public mutating func reserve(_ slug: String) { used.insert(slug) }

    /// A slug for `text` that no earlier call returned.
    public mutating func unique(_ text: String) -> String {
        let base = Self.slug(text)
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
    static func run(_ page: ChapterPage, slugger: inout Slugger, index: inout AnchorIndex, into sink: DiagnosticSink) {
        var local = Slugger()
        for heading in page.document.nodes(where: { $0.kind == .heading }) {
            let level = heading.headingLevel
            if level == 1 {
                sink.report(page.source.location(line: heading.line).error("titre de niveau 1 (« # ») dans le corps du chapitre", hint: "le titre du chapitre vient de l'en-tête (titre:) ; commencez les sections par « ## »"))
                continue
            }
            let title = heading.plainText.trimmingCharacters(in: .whitespaces)
            let id = slugger.unique(title)
            let requested = local.unique(title)
            let anchor = Anchor(id: id, title: title, level: level, node: heading)
            page.headings.append(anchor)
            index.add(anchor, requested: requested, in: page.chapter.fileName)
        }
    }
}
