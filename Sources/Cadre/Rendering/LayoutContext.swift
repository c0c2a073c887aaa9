import Foundation

/// The values layouts see: the publication, its table of contents, the page being written.
/// Titles get French typography here, before layouts escape them for HTML.
struct LayoutContext {
    let publication: Publication
    let pages: [ChapterPage]
    /// What every page shares (publication and table of contents), computed once.
    private let shared: [String: Any]

    init(publication: Publication, pages: [ChapterPage]) {
        self.publication = publication
        self.pages = pages
        self.shared = ["publication": Self.settings(publication), "sommaire": Self.tableOfContents(pages)]
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

    func index() -> [String: Any] { shared }

    func chapterPage(at position: Int) -> [String: Any] {
        var context = index()
        context["chapitre"] = chapter(pages[position])
        context["precedent"] = position > 0 ? Self.link(pages[position - 1]) : false
        context["suivant"] = position + 1 < pages.count ? Self.link(pages[position + 1]) : false
        return context
    }

    func print() -> [String: Any] {
        var context = index()
        context["chapitres"] = Parallel.map(pages.count) { position -> [String: Any] in
            var chapter = chapter(pages[position])
            chapter["contenu"] = Self.singlePageLinks(pages[position].html, pages: pages)
            return chapter
        }
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

    private func chapter(_ page: ChapterPage) -> [String: Any] {
        var chapter = Self.link(page)
        chapter["nature"] = page.chapter.frontMatter.nature.rawValue
        chapter["resume"] = page.chapter.frontMatter.resume.map { FrenchTypography.apply($0) } ?? false
        chapter["contenu"] = page.html
        return chapter
    }

    /// In the single-file print HTML, links to other pages become links to anchors of the same file.
    static func singlePageLinks(_ html: String, pages: [ChapterPage]) -> String {
        let slugs = Set(pages.map { Array($0.chapter.slug.utf8) })
        let bytes = Array(html.utf8)
        let marker = Array("href=\"".utf8)
        let suffix = Array(".html".utf8)
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            output.append(bytes[index])
            index += 1
            guard index >= marker.count, bytes[index - 1] == 34, bytes[(index - marker.count)..<index].elementsEqual(marker),
                  let quote = bytes[index...].firstIndex(of: 34) else { continue }
            let value = bytes[index..<quote]
            guard let dot = value.indices.first(where: { value[$0...].starts(with: suffix) }), slugs.contains(Array(value[index..<dot])) else { continue }
            let fragment = value[(dot + suffix.count)...]
            if fragment.isEmpty { output.append(35); output.append(contentsOf: value[index..<dot]) } else { output.append(contentsOf: fragment) }
            index = quote
        }
        return String(decoding: output, as: UTF8.self)
    }
}
