/// The contents of a publication's `publication.yml`.
public struct PublicationSettings: Decodable, Sendable {
    /// The title (required).
    public var titre: String
    /// The subtitle.
    public var sousTitre: String?
    /// The language (`fr`).
    public var langue: String
    /// The edition's date.
    public var date: String?
    /// Who publishes it.
    public var editeur: String?
    /// Its authors.
    public var auteurs: [String]?
    /// Credits (photographs, layout…).
    public var credits: [String]?
    /// Maximum number of printed A4 pages.
    public var budgetPages: Int?
    /// Exact number of printed pages (a folded leaflet).
    public var pagesExactes: Int?
    /// Explicit chapter order (file names); by file name when absent.
    public var chapitres: [String]?
    /// How the PDF is made; a tagged, accessible PDF when absent.
    public var impression: PrintSettings?

    /// Minimal settings, used to keep checking a publication whose `publication.yml` is broken.
    init(titre: String, langue: String) {
        self.titre = titre
        self.langue = langue
    }

    enum CodingKeys: String, BoundedCodingKey, CaseIterable {
        case titre
        case sousTitre = "sous_titre"
        case langue, date, editeur, auteurs, credits
        case budgetPages = "budget_pages"
        case pagesExactes = "pages_exactes"
        case chapitres, impression

        var bounds: ValueBounds? {
            self == .budgetPages || self == .pagesExactes ? ValueBounds(range: 1...10_000, unit: "pages") : nil
        }
    }
}

/// The `impression:` block of `publication.yml`: what the printer asked for.
public struct PrintSettings: Decodable, Sendable {
    /// The PDF standard of `<publication>.pdf`.
    public var norme: PDFStandard
    /// Bleed around the trimmed page, in millimetres (3 for most printers).
    public var fondPerdu: Double?
    /// Crop marks in the bleed area.
    public var traitsDeCoupe: Bool?
    /// Also write `<publication>-ecran.pdf`: tagged, without bleed nor crop marks.
    public var versionEcran: Bool?

    init(norme: PDFStandard) { self.norme = norme }

    enum CodingKeys: String, BoundedCodingKey, CaseIterable {
        case norme
        case fondPerdu = "fond_perdu"
        case traitsDeCoupe = "traits_de_coupe"
        case versionEcran = "version_ecran"

        var bounds: ValueBounds? { self == .fondPerdu ? ValueBounds(range: 0...50, unit: "millimètres") : nil }
    }
}

/// The PDF standards cadre writes.
public enum PDFStandard: String, Decodable, Sendable, CaseIterable {
    /// Tagged PDF for accessibility: structure tree, language, bookmarks.
    case pdfUA1 = "pdf/ua-1"
    /// For the printer: bleed, trim box, output intent.
    case pdfX4 = "pdf/x-4"
}
