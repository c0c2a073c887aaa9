import Foundation

/// The values layouts see: the publication, its table of contents, the page being written.
/// Titles get French typography here, before layouts escape them for HTML: they come from
/// front matter and settings, which are not part of any chapter's document.
struct LayoutContext: Sendable {
    let publication: Publication
    let pages: [ChapterPage]
    /// What every page shares (publication and table of contents), computed once.
    private let shared: TemplateData

    init(publication: Publication, pages: [ChapterPage]) {
        self.publication = publication
        self.pages = pages
        self.shared = TemplateData(["publication": Self.settings(publication), "sommaire": Self.tableOfContents(pages)])
    }

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

    func index() -> [String: Any] { shared.values }

    /// The site page of chapter `position`, whose body is `html`.
    func chapterPage(at position: Int, html: String) -> [String: Any] {
        var context = index()
        context["chapitre"] = chapter(pages[position], html: html)
        context["precedent"] = position > 0 ? Self.link(pages[position - 1]) : false
        context["suivant"] = position + 1 < pages.count ? Self.link(pages[position + 1]) : false
        return context
    }

    /// The single-file print page, whose chapter bodies are `htmls` (written with single-page links).
    func print(_ htmls: [String]) -> [String: Any] {
        var context = index()
        context["chapitres"] = zip(pages, htmls).map { chapter($0, html: $1) }
        return context
    }

    private static func tableOfContents(_ pages: [ChapterPage]) -> [[String: Any]] {
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

    private static func link(_ page: ChapterPage) -> [String: Any] {
        let chapter = page.chapter
        return [
            "titre": FrenchTypography.apply(chapter.frontMatter.titre),
            "titre_court": FrenchTypography.apply(chapter.frontMatter.titreCourt ?? chapter.frontMatter.titre),
            "numero": chapter.number.map(String.init) ?? false,
            "url": "\(chapter.slug).html",
            "ancre": chapter.slug,
        ]
    }

    private func chapter(_ page: ChapterPage, html: String) -> [String: Any] {
        var chapter = Self.link(page)
        chapter["nature"] = page.chapter.frontMatter.nature.rawValue
        chapter["resume"] = page.chapter.frontMatter.resume.map { FrenchTypography.apply($0) } ?? false
        chapter["contenu"] = html
        return chapter
    }
}
