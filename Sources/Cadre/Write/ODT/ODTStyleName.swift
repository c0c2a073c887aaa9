/// The paragraph and text styles of the ODT writer. Where LibreOffice has a built-in style
/// (Heading 1, Text body, Caption, Footnote…) the document uses it: a French LibreOffice shows
/// it as « Titre 1 », « Corps de texte », « Légende », « Note de bas de page », the navigator
/// and the table of contents know it, and a user edits it once. Where it has none, the style is
/// the document's own, named in French (« Tableau – en-tête », « Encadré »…).
enum ODTStyleName {
    static func heading(_ level: Int) -> String { "Heading_20_\(min(max(level, 1), 6))" }
    static let title = "Title"
    static let subtitle = "Subtitle"
    static let body = "Text_20_body"
    static let list = "List"
    static let caption = "Caption"
    static let footnote = "Footnote"
    static let quote = "Quotations"
    static let code = "Preformatted_20_Text"
    static let header = "Header"
    static let footer = "Footer"
    static let contentsHeading = "Contents_20_Heading"
    static func contents(_ level: Int) -> String { "Contents_20_\(level)" }
    static let tableHeader = encoded("Tableau – en-tête")
    static let tableCell = encoded("Tableau – cellule")
    static let rowHeader = encoded("Tableau – en-tête de ligne")
    static let callout = encoded("Encadré")
    static let calloutTitle = encoded("Encadré – titre")
    static let term = encoded("Définition – terme")
    static let definition = encoded("Définition")
    static let figure = encoded("Figure")
    static let separator = encoded("Séparateur")
    static let titlePage = encoded("Page de titre")
    static let summary = "Chapeau"
    static let emphasis = "Emphasis"
    static let strong = "Strong_20_Emphasis"
    static let sourceText = "Source_20_Text"
    static let noteAnchor = "Footnote_20_anchor"
    static let link = "Internet_20_link"
    static let bullets = "Puces"
    static let numbers = encoded("Numérotation")

    /// A display name as an ODF style name: what XML names do not allow becomes `_hex_`, as
    /// LibreOffice writes it (« Tableau – en-tête » is `Tableau_20__2013__20_en-tête`).
    static func encoded(_ display: String) -> String {
        var name = ""
        for scalar in display.unicodeScalars {
            if scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "-" || scalar == "." {
                name.unicodeScalars.append(scalar)
            } else {
                name += "_" + String(scalar.value, radix: 16) + "_"
            }
        }
        return name
    }
}
