/// The styles of the layout provider's package, shared by the ICML stories and the IDML
/// document: each is named after the print stylesheet's element or class that sets the same
/// text (`h2`, `p`, `resume`, `aside.selon-type`, `th`…), so that a rule of `impression.css`
/// and the InDesign style that replaces it are found under one name. Fonts are the charter's,
/// named as fontconfig knows them (family `Lato`, style `Bold`): InDesign and Scribus find
/// them installed by name, and Scribus asks nothing in a headless run.
enum ICMLStyles {
    /// A paragraph style.
    struct Paragraph {
        var name: String
        var font: String
        var fontStyle: String
        var size: Double
        var leading: Double
        var colour: String
        var spaceBefore: Double = 0
        var spaceAfter: Double = 0
        var leftIndent: Double = 0
        var justification = "LeftAlign"
        /// `BulletList` or `NumberedList`: InDesign draws the marker.
        var list: String?
        /// What it sets, for LISEZMOI.txt and the manifest.
        var role: String
    }

    /// A character style: only what it changes.
    struct Character {
        var name: String
        var fontStyle: String?
        var font: String?
        var colour: String?
        var position: String?
        var role: String
    }

    static let serif = Charter.serif
    static let sans = Charter.sans
    static let mono = Charter.mono

    /// Paragraph styles, in the order LISEZMOI.txt lists them.
    static let paragraphs: [Paragraph] = [
        Paragraph(name: "chapitre-numero", font: sans, fontStyle: "Bold", size: 11, leading: 14, colour: "sarcelle", spaceAfter: 2, role: "numéro du chapitre (p.chapitre-numero)"),
        Paragraph(name: "h1", font: sans, fontStyle: "Bold", size: 20, leading: 24, colour: "marine", spaceAfter: 6, role: "titre du chapitre"),
        Paragraph(name: "resume", font: serif, fontStyle: "Italic", size: 11, leading: 15, colour: "gris", spaceAfter: 8, role: "résumé du chapitre (p.resume)"),
        Paragraph(name: "h2", font: sans, fontStyle: "Bold", size: 12.5, leading: 16, colour: "marine", spaceBefore: 10, spaceAfter: 4, role: "section"),
        Paragraph(name: "h3", font: sans, fontStyle: "Bold", size: 10.5, leading: 14, colour: "bleu", spaceBefore: 8, spaceAfter: 3, role: "sous-section"),
        Paragraph(name: "h4", font: sans, fontStyle: "Bold", size: 9.5, leading: 13, colour: "encre", spaceBefore: 6, spaceAfter: 2, role: "intertitre"),
        Paragraph(name: "p", font: serif, fontStyle: "Regular", size: 9.5, leading: 13.5, colour: "encre", spaceAfter: 4, justification: "LeftJustified", role: "texte courant"),
        Paragraph(name: "li", font: serif, fontStyle: "Regular", size: 9.5, leading: 13.5, colour: "encre", spaceAfter: 2, leftIndent: 12, list: "BulletList", role: "élément de liste à puces (ul > li)"),
        Paragraph(name: "ol-li", font: serif, fontStyle: "Regular", size: 9.5, leading: 13.5, colour: "encre", spaceAfter: 2, leftIndent: 12, list: "NumberedList", role: "élément de liste numérotée (ol > li)"),
        Paragraph(name: "blockquote", font: serif, fontStyle: "Italic", size: 9.5, leading: 13.5, colour: "encre", spaceAfter: 4, leftIndent: 14, role: "citation"),
        Paragraph(name: "pre", font: mono, fontStyle: "Book", size: 8, leading: 11, colour: "encre", spaceAfter: 4, role: "code"),
        Paragraph(name: "caption", font: sans, fontStyle: "Bold", size: 8.5, leading: 11, colour: "marine", spaceBefore: 4, spaceAfter: 3, role: "légende d'un tableau (caption)"),
        Paragraph(name: "th", font: sans, fontStyle: "Bold", size: 8.2, leading: 10.5, colour: "papier", role: "en-tête de colonne d'un tableau"),
        Paragraph(name: "th-ligne", font: sans, fontStyle: "Bold", size: 8.2, leading: 10.5, colour: "marine", role: "en-tête de ligne d'un tableau (th scope=row)"),
        Paragraph(name: "td", font: sans, fontStyle: "Regular", size: 8.2, leading: 10.5, colour: "encre", role: "cellule d'un tableau"),
        Paragraph(name: "figure.schema", font: sans, fontStyle: "Regular", size: 9.5, leading: 13.5, colour: "encre", spaceBefore: 4, spaceAfter: 6, justification: "CenterAlign", role: "paragraphe qui porte un schéma ancré"),
        Paragraph(name: "selon-type-etiquette", font: sans, fontStyle: "Bold", size: 8, leading: 11, colour: "sarcelle", spaceBefore: 4, leftIndent: 8, role: "étiquette d'un encadré « selon le type »"),
        Paragraph(name: "aside.selon-type", font: serif, fontStyle: "Regular", size: 9, leading: 12.5, colour: "encre", spaceAfter: 3, leftIndent: 8, role: "texte d'un encadré « selon le type »"),
        Paragraph(name: "dt", font: sans, fontStyle: "Bold", size: 9, leading: 12.5, colour: "marine", role: "terme (liste des sigles)"),
        Paragraph(name: "dd", font: serif, fontStyle: "Regular", size: 9, leading: 12.5, colour: "encre", spaceAfter: 2, leftIndent: 12, role: "définition (liste des sigles)"),
        Paragraph(name: "hr", font: serif, fontStyle: "Regular", size: 6, leading: 8, colour: "filet", spaceBefore: 4, spaceAfter: 4, justification: "CenterAlign", role: "séparateur"),
        Paragraph(name: "footnotes", font: serif, fontStyle: "Regular", size: 7.8, leading: 10, colour: "encre", role: "note de bas de page (section.footnotes)"),
        Paragraph(name: "couverture-titre", font: sans, fontStyle: "Bold", size: 28, leading: 32, colour: "marine", spaceAfter: 12, role: "titre de la publication (couverture, IDML seulement)"),
        Paragraph(name: "sous-titre", font: serif, fontStyle: "Italic", size: 14, leading: 18, colour: "sarcelle", spaceAfter: 8, role: "sous-titre et date (couverture, IDML seulement)"),
    ]

    /// Character styles.
    static let characters: [Character] = [
        Character(name: "strong", fontStyle: "Bold", role: "gras"),
        Character(name: "em", fontStyle: "Italic", role: "italique"),
        Character(name: "code", fontStyle: "Book", font: mono, role: "code dans le texte"),
        Character(name: "a", colour: "bleu", role: "lien, renvoi"),
        Character(name: "renvoi-numero", colour: "gris", role: "numéro de la section visée par un renvoi, après son texte (l'impression y met la page)"),
        Character(name: "abbr", role: "sigle (la liste des sigles en donne le sens)"),
        Character(name: "footnote-ref", position: "Superscript", role: "appel de note"),
        Character(name: "numero", colour: "sarcelle", role: "numéro d'une section (h2 .numero)"),
        Character(name: "s", role: "texte barré"),
    ]

    /// Table and cell styles.
    static let table = "tableau"
    static let cells: [(name: String, fill: String?, role: String)] = [
        ("th", "marine", "cellule d'en-tête de colonne"),
        ("th-ligne", "sarcelle-clair", "cellule d'en-tête de ligne"),
        ("td", nil, "cellule"),
    ]

    /// The charter's colours: RGB as on screen (Templates/assets/charte.css), CMYK as the
    /// printer's PDF/X-4 has them (Templates/print/imprimeur.css: FOGRA39, text colours on the
    /// black plate alone), so that the layout provider's swatches are the proof's colours.
    /// A test holds this table to imprimeur.css.
    static let colours: [(name: String, rgb: String, cmyk: [Int])] = [
        ("marine", "#142a61", [96, 78, 0, 47]), ("bleu", "#1f4e8c", [89, 60, 0, 24]), ("sarcelle", "#0b7a75", [75, 0, 38, 42]),
        ("sarcelle-clair", "#dcefed", [11, 2, 7, 4]), ("bleute", "#eef3f8", [5, 2, 2, 4]), ("encre", "#1d2430", [0, 0, 0, 100]),
        ("gris", "#596170", [0, 0, 0, 78]), ("filet", "#c9d1dc", [16, 9, 5, 10]), ("papier", "#ffffff", [0, 0, 0, 0]),
    ]

    /// The fonts the styles name: family and styles, as fontconfig lists them.
    static var fonts: [(family: String, styles: [String])] {
        var styles: [String: Set<String>] = [:]
        for paragraph in paragraphs { styles[paragraph.font, default: []].insert(paragraph.fontStyle) }
        for paragraph in paragraphs {
            // Bold and italic runs in any paragraph of the family.
            styles[paragraph.font, default: []].formUnion(paragraph.font == mono ? [] : ["Bold", "Italic"])
        }
        return styles.keys.sorted().map { ($0, styles[$0]!.sorted()) }
    }

    // MARK: - XML

    /// The style groups, as both an ICML document and IDML's Styles.xml hold them.
    static var xml: String {
        var xml = "<RootCharacterStyleGroup Self=\"cadre_caracteres\">"
        xml += "<CharacterStyle Self=\"CharacterStyle/$ID/[No character style]\" Name=\"$ID/[No character style]\"/>"
        for style in characters {
            xml += "<CharacterStyle Self=\"CharacterStyle/\(style.name)\" Name=\"\(style.name)\""
            if let fontStyle = style.fontStyle { xml += " FontStyle=\"\(fontStyle)\"" }
            if let colour = style.colour { xml += " FillColor=\"Color/\(colour)\"" }
            if let position = style.position { xml += " Position=\"\(position)\"" }
            if style.name == "s" { xml += " StrikeThru=\"true\"" }
            xml += ">"
            if let font = style.font { xml += "<Properties><AppliedFont type=\"string\">\(font)</AppliedFont></Properties>" }
            xml += "</CharacterStyle>"
        }
        xml += "</RootCharacterStyleGroup>\n<RootParagraphStyleGroup Self=\"cadre_paragraphes\">"
        xml += "<ParagraphStyle Self=\"ParagraphStyle/$ID/NormalParagraphStyle\" Name=\"$ID/NormalParagraphStyle\" FontStyle=\"Regular\" PointSize=\"9.5\"><Properties><AppliedFont type=\"string\">\(serif)</AppliedFont></Properties></ParagraphStyle>"
        for style in paragraphs {
            xml += "<ParagraphStyle Self=\"ParagraphStyle/\(XMLText.escaped(style.name))\" Name=\"\(XMLText.escaped(style.name))\" FontStyle=\"\(style.fontStyle)\""
            xml += " PointSize=\"\(number(style.size))\" FillColor=\"Color/\(style.colour)\" Justification=\"\(style.justification)\""
            xml += " SpaceBefore=\"\(number(style.spaceBefore))\" SpaceAfter=\"\(number(style.spaceAfter))\" LeftIndent=\"\(number(style.leftIndent))\""
            if let list = style.list { xml += " BulletsAndNumberingListType=\"\(list)\" FirstLineIndent=\"-10\"" }
            xml += " Hyphenation=\"\(style.font == serif ? "true" : "false")\" AppliedLanguage=\"$ID/French\">"
            xml += "<Properties><BasedOn type=\"string\">$ID/NormalParagraphStyle</BasedOn><Leading type=\"unit\">\(number(style.leading))</Leading><AppliedFont type=\"string\">\(style.font)</AppliedFont></Properties>"
            xml += "</ParagraphStyle>"
        }
        xml += "</RootParagraphStyleGroup>\n<RootTableStyleGroup Self=\"cadre_tableaux\">"
        xml += "<TableStyle Self=\"TableStyle/$ID/[No table style]\" Name=\"$ID/[No table style]\"/>"
        xml += "<TableStyle Self=\"TableStyle/\(table)\" Name=\"\(table)\" HeaderRegionCellStyle=\"CellStyle/th\" BodyRegionCellStyle=\"CellStyle/td\" LeftColumnRegionCellStyle=\"CellStyle/td\"/>"
        xml += "</RootTableStyleGroup>\n<RootCellStyleGroup Self=\"cadre_cellules\">"
        xml += "<CellStyle Self=\"CellStyle/$ID/[None]\" Name=\"$ID/[None]\"/>"
        for cell in cells {
            xml += "<CellStyle Self=\"CellStyle/\(cell.name)\" Name=\"\(cell.name)\" AppliedParagraphStyle=\"ParagraphStyle/\(cell.name)\""
            if let fill = cell.fill { xml += " FillColor=\"Color/\(fill)\"" }
            xml += " TopInset=\"3\" BottomInset=\"3\" LeftInset=\"4\" RightInset=\"4\"/>"
        }
        xml += "</RootCellStyleGroup>\n"
        return xml
    }

    /// The colour swatches (IDML Graphic.xml, and the colours an ICML document names).
    static var swatches: String {
        var xml = ""
        for colour in colours {
            let values = colour.cmyk.map(String.init).joined(separator: " ")
            xml += "<Color Self=\"Color/\(colour.name)\" Model=\"Process\" Space=\"CMYK\" ColorValue=\"\(values)\" Name=\"\(colour.name)\" ColorEditable=\"true\" ColorRemovable=\"true\" Visible=\"true\" SwatchCreatorID=\"7937\"/>\n"
        }
        xml += "<Swatch Self=\"Swatch/None\" Name=\"None\" ColorEditable=\"false\" ColorRemovable=\"false\" Visible=\"true\" SwatchCreatorID=\"7937\"/>\n"
        return xml
    }

    /// A length in points, as InDesign writes it (no trailing zeros).
    static func number(_ value: Double) -> String {
        let rounded = (value * 1000).rounded() / 1000
        if rounded == rounded.rounded() { return String(Int(rounded)) }
        var text = String(format: "%.3f", rounded)
        while text.hasSuffix("0") { text.removeLast() }
        return text
    }
}
