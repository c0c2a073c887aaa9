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

    /// The single-file print context; `workers` threads prepare the chapters (one when the caller is already parallel).
    func print(workers: Int = Parallel.cores) -> [String: Any] {
        var context = index()
        context["chapitres"] = Parallel.map(pages.count, workers: workers) { position -> [String: Any] in
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
        var copied = 0
        var index = 0
        // Only `href="` values are looked at; the text between them is copied in one piece.
        while let start = Self.find(marker, in: bytes, from: index, to: bytes.count) {
            let value = start + marker.count
            guard let quote = bytes[value...].firstIndex(of: UInt8(ascii: "\"")) else { break }
            index = quote
            guard let dot = Self.find(suffix, in: bytes, from: value, to: quote), slugs.contains(Array(bytes[value..<dot])) else { continue }
            output.append(contentsOf: bytes[copied..<value])
            let fragment = bytes[(dot + suffix.count)..<quote]
            if fragment.isEmpty {
                output.append(UInt8(ascii: "#"))
                output.append(contentsOf: bytes[value..<dot])
            } else {
                output.append(contentsOf: fragment)
            }
            copied = quote
        }
        guard copied > 0 else { return html }
        output.append(contentsOf: bytes[copied...])
        return String(decoding: output, as: UTF8.self)
    }

    /// Where `pattern` first occurs whole in `bytes[start..<end]`; `memchr` finds the candidates
    /// (a document is scanned whole).
    private static func find(_ pattern: [UInt8], in bytes: [UInt8], from start: Int, to end: Int) -> Int? {
        guard let first = pattern.first, end - start >= pattern.count else { return nil }
        return bytes.withUnsafeBufferPointer { buffer -> Int? in
            let base = UnsafeRawPointer(buffer.baseAddress!)
            var index = start
            while end - index >= pattern.count {
                guard let hit = memchr(base + index, Int32(first), end - pattern.count + 1 - index) else { return nil }
                index = UnsafeRawPointer(hit) - base
                if buffer[index..<(index + pattern.count)].elementsEqual(pattern) { return index }
                index += 1
            }
            return nil
        }
    }
}
