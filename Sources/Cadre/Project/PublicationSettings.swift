/// The contents of a publication's `publication.yml`.
public struct PublicationSettings: Decodable, Sendable {
    public var titre: String
    public var sousTitre: String?
    public var langue: String
    public var date: String?
    public var editeur: String?
    public var auteurs: [String]?
    public var credits: [String]?
    /// Maximum number of printed A4 pages.
    public var budgetPages: Int?
    /// Exact number of printed pages (a folded leaflet).
    public var pagesExactes: Int?
    /// Explicit chapter order (file names); by file name when absent.
    public var chapitres: [String]?

    /// Minimal settings, used to keep checking a publication whose `publication.yml` is broken.
    init(titre: String, langue: String) {
        self.titre = titre
        self.langue = langue
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case titre
        case sousTitre = "sous_titre"
        case langue, date, editeur, auteurs, credits
        case budgetPages = "budget_pages"
        case pagesExactes = "pages_exactes"
        case chapitres
    }
}
