import Foundation

/// How many printed pages a publication and each of its chapters take, written beside the PDF
/// (`pagination.json`) so that the next build can say which chapters grew.
struct Pagination: Codable, Equatable {
    struct Entry: Codable, Equatable {
        var fichier: String
        var pages: Int
    }

    var pages: Int
    var chapitres: [Entry]
    /// The page of each internal link's target (a heading, a table), by id. The next build
    /// hands them to the PDF engine, which then lays the pages out once instead of three
    /// times for the pages holding links; it checks them and lays out again when they moved.
    var renvois: [String: Int]?

    /// Page counts from the page each chapter starts on (chapters start on a new page).
    init(pages: Int, chapters: [Chapter], starts: [String: Int], links: [String: Int]? = nil) {
        self.pages = pages
        renvois = links
        let placed = chapters.compactMap { chapter in starts[chapter.slug].map { (chapter.fileName, $0) } }
        chapitres = placed.indices.map { index in
            let end = index + 1 < placed.count ? placed[index + 1].1 : pages + 1
            return Entry(fichier: placed[index].0, pages: end - placed[index].1)
        }
    }

    static func read(from url: URL) -> Pagination? {
        guard let data = FileManager.default.contents(atPath: url.path) else { return nil }
        return try? JSONDecoder().decode(Pagination.self, from: data)
    }

    var data: Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(self)).map { $0 + Data("\n".utf8) } ?? Data()
    }

    /// The chapters, longest first, with their growth since `previous` when it is known:
    /// « 07-ressources.md : 6 pages (+1) ».
    func summary(comparedTo previous: Pagination?) -> String {
        let before = Dictionary((previous?.chapitres ?? []).map { ($0.fichier, $0.pages) }, uniquingKeysWith: { first, _ in first })
        let growth = { (entry: Entry) in before[entry.fichier].map { entry.pages - $0 } ?? 0 }
        let ordered = chapitres.sorted { (growth($0), $0.pages, $1.fichier) > (growth($1), $1.pages, $0.fichier) }
        return ordered.prefix(4).map { entry in
            let delta = growth(entry)
            return "\(entry.fichier) : \(entry.pages) page\(entry.pages > 1 ? "s" : "")" + (delta != 0 ? " (\(delta > 0 ? "+" : "")\(delta))" : "")
        }.joined(separator: ", ")
    }
}

/// The page budget of `publication.yml`: at most `budget_pages`, or exactly `pages_exactes`.
enum PageBudget {
    /// A warning when the printed page count misses the budget: the PDF is still written so
    /// that editors can see where to cut; the content tests hold the real publications to it.
    static func check(_ pagination: Pagination, publication: Publication, previous: Pagination?) -> Diagnostic? {
        let settings = publication.settings
        let count = pagination.pages
        let chapters = "chapitres les plus longs" + (previous == nil ? "" : " (écart depuis la dernière production)") + " : " + pagination.summary(comparedTo: previous)
        if let budget = settings.budgetPages, count > budget {
            return publication.settingsLocation(of: "budget_pages").warning(
                "\(publication.name) : \(count) pages imprimées pour un budget de \(budget) (\(count - budget) de trop) ; \(chapters)",
                hint: "raccourcissez ces chapitres ou relevez budget_pages")
        }
        if let exact = settings.pagesExactes, count != exact {
            return publication.settingsLocation(of: "pages_exactes").warning(
                "\(publication.name) : \(count) pages imprimées au lieu de \(exact) exactement ; \(chapters)",
                hint: count > exact ? "raccourcissez ces chapitres" : "complétez le contenu ou réduisez pages_exactes")
        }
        return nil
    }
}
