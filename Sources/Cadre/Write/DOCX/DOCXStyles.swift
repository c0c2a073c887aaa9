/// `word/styles.xml`: the charter's fonts and colours in named styles a user edits once
/// (built-in styles under a French Word's identifiers, the document's own named in French),
/// the document's language fr-FR.
enum DOCXStyles {
    /// `#142a61` as Word writes a colour: `142A61`.
    static func hex(_ colour: String) -> String { String(colour.dropFirst()).uppercased() }

    private static func fonts(_ name: String) -> String {
        "<w:rFonts w:ascii=\"\(name)\" w:hAnsi=\"\(name)\" w:cs=\"\(name)\" w:eastAsia=\"\(name)\"/>"
    }

    private static func style(_ id: String, name: String, type: String = "paragraph", basedOn: String? = "Normal", next: String? = nil,
                              paragraph: String = "", run: String = "", extra: String = "") -> String {
        var xml = "<w:style w:type=\"\(type)\" w:customStyle=\"\(name.first!.isUppercase && !builtIn.contains(name) ? 1 : 0)\" w:styleId=\"\(id)\"><w:name w:val=\"\(XMLText.escaped(name))\"/>"
        if let basedOn { xml += "<w:basedOn w:val=\"\(basedOn)\"/>" }
        if let next { xml += "<w:next w:val=\"\(next)\"/>" }
        xml += "<w:qFormat/>" + extra
        if !paragraph.isEmpty { xml += "<w:pPr>\(paragraph)</w:pPr>" }
        if !run.isEmpty { xml += "<w:rPr>\(run)</w:rPr>" }
        return xml + "</w:style>\n"
    }

    /// Word's own styles, which a French Word shows under their French names.
    private static let builtIn: Set<String> = ["Normal", "Title", "Subtitle", "Body Text", "List Paragraph", "Quote", "Emphasis", "Strong", "Hyperlink", "TOC Heading", "Table Grid"]

    static var xml: String {
        let sans = fonts(Charter.sans), color = { (c: String) in "<w:color w:val=\"\(hex(c))\"/>" }
        var xml = XMLText.declaration + "<w:styles \(DOCXNamespaces.main)>\n"
        xml += "<w:docDefaults><w:rPrDefault><w:rPr>\(fonts(Charter.serif))<w:color w:val=\"\(hex(Charter.encre))\"/><w:sz w:val=\"19\"/><w:szCs w:val=\"19\"/><w:lang w:val=\"fr-FR\" w:eastAsia=\"fr-FR\" w:bidi=\"ar-SA\"/></w:rPr></w:rPrDefault>"
        xml += "<w:pPrDefault><w:pPr><w:spacing w:after=\"85\" w:line=\"216\" w:lineRule=\"auto\"/></w:pPr></w:pPrDefault></w:docDefaults>\n"
        xml += "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/><w:qFormat/></w:style>\n"
        xml += "<w:style w:type=\"character\" w:default=\"1\" w:styleId=\"Policepardfaut\"><w:name w:val=\"Default Paragraph Font\"/><w:uiPriority w:val=\"1\"/><w:semiHidden/></w:style>\n"
        xml += "<w:style w:type=\"table\" w:default=\"1\" w:styleId=\"TableauNormal\"><w:name w:val=\"Normal Table\"/><w:semiHidden/><w:tblPr><w:tblInd w:w=\"0\" w:type=\"dxa\"/><w:tblCellMar><w:top w:w=\"0\" w:type=\"dxa\"/><w:left w:w=\"108\" w:type=\"dxa\"/><w:bottom w:w=\"0\" w:type=\"dxa\"/><w:right w:w=\"108\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr></w:style>\n"
        xml += style(DOCXStyleID.body, name: "Body Text", paragraph: "<w:jc w:val=\"both\"/>")
        xml += style(DOCXStyleID.list, name: "List Paragraph", basedOn: DOCXStyleID.body, paragraph: "<w:spacing w:after=\"57\"/><w:contextualSpacing/>")
        let headingSizes = [38, 26, 22, 20, 20, 20], headingColours = [Charter.marine, Charter.bleu, Charter.sarcelle, Charter.marine, Charter.marine, Charter.marine]
        for level in 1...6 {
            var paragraph = "<w:keepNext/><w:keepLines/><w:spacing w:before=\"\(level == 1 ? 0 : 200)\" w:after=\"\(level == 1 ? 170 : 68)\"/><w:outlineLvl w:val=\"\(level - 1)\"/>"
            if level == 1 { paragraph = "<w:keepNext/><w:keepLines/><w:pageBreakBefore/><w:pBdr><w:bottom w:val=\"single\" w:sz=\"12\" w:space=\"4\" w:color=\"\(hex(Charter.sarcelle))\"/></w:pBdr><w:spacing w:before=\"0\" w:after=\"170\"/><w:outlineLvl w:val=\"0\"/>" }
            xml += style(DOCXStyleID.heading(level), name: "heading \(level)", next: DOCXStyleID.body, paragraph: paragraph,
                         run: "\(sans)<w:b/>\(color(headingColours[level - 1]))<w:sz w:val=\"\(headingSizes[level - 1])\"/>")
        }
        xml += style(DOCXStyleID.title, name: "Title", next: DOCXStyleID.subtitle, paragraph: "<w:spacing w:before=\"3400\" w:after=\"340\"/>", run: "\(sans)<w:b/>\(color(Charter.marine))<w:sz w:val=\"60\"/>")
        xml += style(DOCXStyleID.subtitle, name: "Subtitle", next: DOCXStyleID.body, run: "\(sans)\(color(Charter.sarcelle))<w:sz w:val=\"36\"/>")
        xml += style(DOCXStyleID.titlePage, name: "Page de titre", paragraph: "<w:spacing w:before=\"170\"/>", run: "\(sans)\(color(Charter.gris))<w:sz w:val=\"24\"/>")
        xml += style(DOCXStyleID.summary, name: "Chapeau", basedOn: DOCXStyleID.body, paragraph: "<w:spacing w:after=\"227\"/>", run: "\(sans)\(color(Charter.gris))<w:sz w:val=\"24\"/>")
        xml += style(DOCXStyleID.tableHeader, name: "Tableau – en-tête", paragraph: "<w:spacing w:before=\"40\" w:after=\"40\"/>", run: "\(sans)<w:b/><w:color w:val=\"FFFFFF\"/><w:sz w:val=\"17\"/>")
        xml += style(DOCXStyleID.tableCell, name: "Tableau – cellule", paragraph: "<w:spacing w:before=\"40\" w:after=\"40\"/>", run: "\(sans)<w:sz w:val=\"17\"/>")
        xml += style(DOCXStyleID.rowHeader, name: "Tableau – en-tête de ligne", basedOn: DOCXStyleID.tableCell, run: "<w:b/>\(color(Charter.marine))")
        xml += style(DOCXStyleID.caption, name: "caption", next: DOCXStyleID.body, paragraph: "<w:keepNext/><w:spacing w:before=\"113\" w:after=\"57\"/>", run: "\(sans)<w:b/>\(color(Charter.marine))<w:sz w:val=\"19\"/>")
        xml += style(DOCXStyleID.callout, name: "Encadré", paragraph: "<w:pBdr><w:left w:val=\"single\" w:sz=\"18\" w:space=\"6\" w:color=\"\(hex(Charter.sarcelle))\"/></w:pBdr><w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"\(hex(Charter.sarcelleClair))\"/><w:ind w:left=\"170\" w:right=\"113\"/>", run: "<w:sz w:val=\"20\"/>")
        xml += style(DOCXStyleID.calloutTitle, name: "Encadré – titre", basedOn: DOCXStyleID.callout, next: DOCXStyleID.callout, paragraph: "<w:keepNext/>", run: "\(sans)<w:b/>\(color(Charter.sarcelle))")
        xml += style(DOCXStyleID.footnote, name: "footnote text", paragraph: "<w:spacing w:after=\"0\"/>", run: "<w:sz w:val=\"17\"/>")
        xml += style(DOCXStyleID.footnoteReference, name: "footnote reference", type: "character", basedOn: nil, run: "<w:vertAlign w:val=\"superscript\"/>")
        xml += style(DOCXStyleID.quote, name: "Quote", basedOn: DOCXStyleID.body, paragraph: "<w:ind w:left=\"567\" w:right=\"567\"/>", run: "<w:i/>")
        xml += style(DOCXStyleID.code, name: "Code", paragraph: "<w:spacing w:after=\"113\"/>", run: "\(fonts(Charter.mono))<w:sz w:val=\"17\"/>")
        xml += style(DOCXStyleID.term, name: "Définition – terme", basedOn: DOCXStyleID.body, next: DOCXStyleID.definition, paragraph: "<w:keepNext/><w:spacing w:after=\"0\"/>", run: "\(sans)<w:b/>")
        xml += style(DOCXStyleID.definition, name: "Définition", basedOn: DOCXStyleID.body, paragraph: "<w:ind w:left=\"454\"/>")
        xml += style(DOCXStyleID.figure, name: "Figure", paragraph: "<w:spacing w:before=\"113\" w:after=\"170\"/><w:jc w:val=\"center\"/>")
        xml += style(DOCXStyleID.separator, name: "Séparateur", paragraph: "<w:pBdr><w:bottom w:val=\"single\" w:sz=\"4\" w:space=\"1\" w:color=\"\(hex(Charter.filet))\"/></w:pBdr>", run: "<w:sz w:val=\"8\"/>")
        xml += style(DOCXStyleID.header, name: "header", paragraph: "<w:pBdr><w:bottom w:val=\"single\" w:sz=\"4\" w:space=\"2\" w:color=\"\(hex(Charter.filet))\"/></w:pBdr>", run: "\(sans)\(color(Charter.gris))<w:sz w:val=\"16\"/>")
        xml += style(DOCXStyleID.footer, name: "footer", paragraph: "<w:jc w:val=\"center\"/>", run: "\(sans)\(color(Charter.gris))<w:sz w:val=\"17\"/>")
        xml += style(DOCXStyleID.contentsHeading, name: "TOC Heading", basedOn: DOCXStyleID.heading(1), next: DOCXStyleID.body, paragraph: "<w:outlineLvl w:val=\"9\"/>", run: "<w:sz w:val=\"36\"/>")
        xml += style(DOCXStyleID.contents(1), name: "toc 1", next: DOCXStyleID.body, paragraph: "<w:tabs><w:tab w:val=\"right\" w:leader=\"dot\" w:pos=\"9639\"/></w:tabs><w:spacing w:before=\"113\" w:after=\"28\"/>", run: "\(sans)<w:b/>")
        xml += style(DOCXStyleID.contents(2), name: "toc 2", next: DOCXStyleID.body, paragraph: "<w:tabs><w:tab w:val=\"right\" w:leader=\"dot\" w:pos=\"9639\"/></w:tabs><w:spacing w:after=\"28\"/><w:ind w:left=\"284\"/>", run: "\(sans)<w:sz w:val=\"19\"/>")
        xml += style(DOCXStyleID.emphasis, name: "Emphasis", type: "character", basedOn: nil, run: "<w:i/>")
        xml += style(DOCXStyleID.strong, name: "Strong", type: "character", basedOn: nil, run: "<w:b/>")
        xml += style(DOCXStyleID.inlineCode, name: "Code en ligne", type: "character", basedOn: nil, run: fonts(Charter.mono) + "<w:sz w:val=\"19\"/>")
        xml += style(DOCXStyleID.link, name: "Hyperlink", type: "character", basedOn: nil, run: "\(color(Charter.bleu))<w:u w:val=\"single\"/>")
        xml += "<w:style w:type=\"table\" w:customStyle=\"1\" w:styleId=\"\(DOCXStyleID.table)\"><w:name w:val=\"Tableau cadre\"/><w:basedOn w:val=\"TableauNormal\"/><w:qFormat/>"
        xml += "<w:tblPr><w:tblBorders>" + ["top", "left", "bottom", "right", "insideH", "insideV"].map { "<w:\($0) w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"\(hex(Charter.filet))\"/>" }.joined()
        xml += "</w:tblBorders><w:tblCellMar><w:top w:w=\"57\" w:type=\"dxa\"/><w:left w:w=\"85\" w:type=\"dxa\"/><w:bottom w:w=\"57\" w:type=\"dxa\"/><w:right w:w=\"85\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr></w:style>\n"
        return xml + "</w:styles>\n"
    }
}
