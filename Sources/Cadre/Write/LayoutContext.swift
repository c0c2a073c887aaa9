import Foundation

/// The values layouts see: the publication, its table of contents, the page being written.
/// Titles arrive with their French typography (the pass sets front matter and settings too).
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
        return [
            "nom": publication.name,
            "titre": settings.titre,
            "sous_titre": settings.sousTitre ?? false,
            "date": settings.date ?? false,
            "editeur": settings.editeur ?? false,
            "langue": settings.langue,
            "auteurs": settings.auteurs ?? [],
            "credits": settings.credits ?? [],
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
            entry["resume"] = page.chapter.frontMatter.resume ?? false
            entry["sections"] = page.headings.filter { $0.level == 2 }.map { heading -> [String: Any] in
                ["titre": heading.title, "numero": heading.number ?? false, "ancre": heading.id, "url": "\(page.chapter.slug).html#\(heading.id)"]
            }
            return entry
        }
    }

    private static func link(_ page: ChapterPage) -> [String: Any] {
        let chapter = page.chapter
        return [
            "titre": chapter.frontMatter.titre,
            "titre_court": chapter.frontMatter.titreCourt ?? chapter.frontMatter.titre,
            "numero": chapter.number.map(String.init) ?? false,
            "url": "\(chapter.slug).html",
            "ancre": chapter.slug,
        ]
    }

    private func chapter(_ page: ChapterPage, html: String) -> [String: Any] {
        var chapter = Self.link(page)
        chapter["nature"] = page.chapter.frontMatter.nature.rawValue
        chapter["resume"] = page.chapter.frontMatter.resume ?? false
        chapter["contenu"] = html
        return chapter
    }
}
