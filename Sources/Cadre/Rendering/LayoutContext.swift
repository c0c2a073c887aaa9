import Foundation

/// The values layouts see: the publication, its table of contents, the page being written.
/// Titles get French typography here, before layouts escape them for HTML.
struct LayoutContext {
    let publication: Publication
    let pages: [ChapterPage]

    /// The context chapters' Mustache tags see: the publication and the shared data.
    static func data(project: Project, publication: Publication) -> [String: Any] {
        ["publication": settings(publication), "donnees": project.data.files]
    }

    static func settings(_ publication: Publication) -> [String: Any] {
        let settings = publication.settings
        let typo = { (text: String?) -> Any in text.map { FrenchTypography.apply($0) } ?? false }
        return [
            "nom": publication.name,
            "titre": FrenchTypography.apply(settings.titre),
            "sous_titre": typo(settings.sousTitre),
            "date": typo(settings.date),
            "editeur": typo(settings.editeur),
            "langue": settings.langue,
            "auteurs": (settings.auteurs ?? []).map { FrenchTypography.apply($0) },
            "credits": (settings.credits ?? []).map { FrenchTypography.apply($0) },
        ]
    }

    func index() -> [String: Any] {
        ["publication": Self.settings(publication), "sommaire": tableOfContents]
    }

    func chapterPage(at position: Int) -> [String: Any] {
        var context = index()
        context["chapitre"] = chapter(pages[position])
        context["precedent"] = position > 0 ? link(pages[position - 1]) : false
        context["suivant"] = position + 1 < pages.count ? link(pages[position + 1]) : false
        return context
    }

    func print() -> [String: Any] {
        var context = index()
        context["chapitres"] = pages.map { page -> [String: Any] in
            var chapter = chapter(page)
            chapter["contenu"] = Self.singlePageLinks(page.html, pages: pages)
            return chapter
        }
        return context
    }

    private var tableOfContents: [[String: Any]] {
        pages.map { page in
            var entry = link(page)
            entry["nature"] = page.chapter.frontMatter.nature.rawValue
            entry["resume"] = page.chapter.frontMatter.resume.map { FrenchTypography.apply($0) } ?? false
            entry["sections"] = page.headings.filter { $0.level == 2 }.map { heading -> [String: Any] in
                ["titre": FrenchTypography.apply(heading.title), "numero": heading.number ?? false, "ancre": heading.id, "url": "\(page.chapter.slug).html#\(heading.id)"]
            }
            return entry
        }
    }

    private func link(_ page: ChapterPage) -> [String: Any] {
        let chapter = page.chapter
        return [
            "titre": FrenchTypography.apply(chapter.frontMatter.titre),
            "titre_court": FrenchTypography.apply(chapter.frontMatter.titreCourt ?? chapter.frontMatter.titre),
            "numero": chapter.number.map(String.init) ?? false,
            "url": "\(chapter.slug).html",
            "ancre": chapter.slug,
        ]
    }

    private func chapter(_ page: ChapterPage) -> [String: Any] {
        var chapter = link(page)
        chapter["nature"] = page.chapter.frontMatter.nature.rawValue
        chapter["resume"] = page.chapter.frontMatter.resume.map { FrenchTypography.apply($0) } ?? false
        chapter["contenu"] = page.html
        return chapter
    }

    /// In the single-file print HTML, links to other pages become links to anchors of the same file.
    static func singlePageLinks(_ html: String, pages: [ChapterPage]) -> String {
        let slugs = Set(pages.map(\.chapter.slug))
        var result = ""
        var rest = html[...]
        while let found = rest.range(of: "href=\"") {
            result += rest[..<found.upperBound]
            rest = rest[found.upperBound...]
            guard let dot = rest.range(of: ".html"), let quote = rest.firstIndex(of: "\""), dot.upperBound <= quote,
                  slugs.contains(String(rest[..<dot.lowerBound])) else { continue }
            let slug = rest[..<dot.lowerBound]
            let fragment = rest[dot.upperBound..<quote]
            result += fragment.isEmpty ? "#\(slug)" : fragment
            rest = rest[quote...]
        }
        return result + rest
    }
}
