/// The style identifiers of the DOCX writer. Where Word has a built-in style (heading 1, Body
/// Text, caption, footnote text…) the document uses it under the identifier a French Word gives
/// it (`Titre1`, `Corpsdetexte`, `Lgende`…): a French Word shows « Titre 1 », « Corps de texte »,
/// « Légende », the navigation pane and the table of contents know them. Styles Word does not
/// have are the document's own, named in French (« Tableau – en-tête », « Encadré »…).
enum DOCXStyleID {
    static func heading(_ level: Int) -> String { "Titre\(min(max(level, 1), 6))" }
    static let title = "Titre"
    static let subtitle = "Sous-titre"
    static let body = "Corpsdetexte"
    static let list = "Paragraphedeliste"
    static let caption = "Lgende"
    static let footnote = "Notedebasdepage"
    static let footnoteReference = "Appelnotedebasdep"
    static let quote = "Citation"
    static let code = "Code"
    static let header = "En-tte"
    static let footer = "Pieddepage"
    static let contentsHeading = "En-ttedetabledesmatires"
    static func contents(_ level: Int) -> String { "TM\(level)" }
    static let tableHeader = "Tableau-en-tete"
    static let tableCell = "Tableau-cellule"
    static let rowHeader = "Tableau-en-tetedeligne"
    static let callout = "Encadre"
    static let calloutTitle = "Encadre-titre"
    static let term = "Definition-terme"
    static let definition = "Definition"
    static let figure = "Figure"
    static let separator = "Separateur"
    static let titlePage = "Pagedetitre"
    static let summary = "Chapeau"
    static let emphasis = "Accentuation"
    static let strong = "Accentuationforte"
    static let inlineCode = "Codeenligne"
    static let link = "Lienhypertexte"
    static let table = "Tableaucadre"
}
