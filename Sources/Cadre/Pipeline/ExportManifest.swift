import Foundation

/// `manifest.json`: what the package holds, for the layout provider's tools (French keys, as
/// the rest of the project's data).
struct ExportManifest: Encodable {
    struct Chapitre: Encodable {
        var fichier: String
        var titre: String
        var numero: Int?
        var histoire: String
        var icml: String
        var pageDebut: Int
        var pages: Int?
        enum CodingKeys: String, CodingKey { case fichier, titre, numero, histoire, icml, pageDebut = "page_debut", pages }
    }
    struct Figure: Encodable {
        var id: String
        var titre: String
        var chapitre: String
        var svg: String
        var pdf: String
    }
    struct Style: Encodable {
        var nom: String
        var role: String
        var police: String?
        var style: String?
        var corps: Double?
    }
    struct Styles: Encodable {
        var paragraphe: [Style]
        var caractere: [Style]
        var tableau: [Style]
        var cellule: [Style]
    }
    struct Police: Encodable {
        var famille: String
        var styles: [String]
    }
    struct Couleur: Encodable {
        var nom: String
        var rvb: String
        var cmjn: [Int]
    }
    struct Page: Encodable {
        var largeurMm: Double
        var hauteurMm: Double
        var margesMm: [String: Double]
        var fondPerduMm: Double
        enum CodingKeys: String, CodingKey { case largeurMm = "largeur_mm", hauteurMm = "hauteur_mm", margesMm = "marges_mm", fondPerduMm = "fond_perdu_mm" }
    }
    struct Budget: Encodable {
        var pages: Int
        var budgetPages: Int?
        var pagesExactes: Int?
        enum CodingKeys: String, CodingKey { case pages, budgetPages = "budget_pages", pagesExactes = "pages_exactes" }
    }

    var publication: String
    var titre: String
    var idml: String
    var epreuve: String
    var page: Page
    var pagination: Budget
    var chapitres: [Chapitre]
    var figures: [Figure]
    var styles: Styles
    var polices: [Police]
    var couleurs: [Couleur]

    init(document: EditableDocument, publication: Publication, pagination: Pagination, layout: IDMLLayout,
         storyIDs: [String], storyFiles: [String], figures: [ExportFigures.Figure]) {
        func mm(_ points: Double) -> Double { (points * 25.4 / 72 * 10).rounded() / 10 }
        self.publication = publication.name
        titre = document.title
        idml = "\(publication.name).idml"
        epreuve = "\(publication.name)-epreuve.pdf"
        page = Page(largeurMm: mm(layout.width), hauteurMm: mm(layout.height),
                    margesMm: ["haut": mm(layout.top), "bas": mm(layout.bottom), "interieur": mm(layout.inside), "exterieur": mm(layout.outside)],
                    fondPerduMm: mm(layout.bleed))
        self.pagination = Budget(pages: pagination.pages, budgetPages: publication.settings.budgetPages, pagesExactes: publication.settings.pagesExactes)
        let sources = publication.chapters
        chapitres = document.chapters.indices.map { index in
            let chapter = document.chapters[index]
            return Chapitre(fichier: index < sources.count ? sources[index].fileName : chapter.anchor, titre: chapter.title, numero: chapter.number,
                            histoire: storyIDs[index], icml: storyFiles[index], pageDebut: layout.starts[index],
                            pages: index < pagination.chapitres.count ? pagination.chapitres[index].pages : nil)
        }
        self.figures = figures.map { figure in
            Figure(id: figure.name, titre: figure.title, chapitre: storyFiles[figure.chapter], svg: "figures/\(figure.name).svg", pdf: "figures/\(figure.name).pdf")
        }
        styles = Styles(paragraphe: ICMLStyles.paragraphs.map { Style(nom: $0.name, role: $0.role, police: $0.font, style: $0.fontStyle, corps: $0.size) },
                        caractere: ICMLStyles.characters.map { Style(nom: $0.name, role: $0.role, police: $0.font, style: $0.fontStyle) },
                        tableau: [Style(nom: ICMLStyles.table, role: "tableau (figure.tableau, table)")],
                        cellule: ICMLStyles.cells.map { Style(nom: $0.name, role: $0.role) })
        polices = ICMLStyles.fonts.map { Police(famille: $0.family, styles: $0.styles) }
        couleurs = ICMLStyles.colours.map { Couleur(nom: $0.name, rvb: $0.rgb, cmjn: $0.cmyk) }
    }

    func json() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(self) + Data("\n".utf8)
    }
}
