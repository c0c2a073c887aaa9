/// `word/document.xml`: the title page, the table of contents field, the chapters, and the
/// page: A4, recto-verso print margins, running head and page number from the second page.
enum DOCXDocument {
    /// The document around `body`, whose chapters are `sections` sections (the body ends each
    /// but the last; this ends the last).
    static func xml(_ document: EditableDocument, body: String, sections: Int) -> String {
        var xml = XMLText.declaration + "<w:document \(DOCXNamespaces.document)><w:body>\n"
        if document.front {
            xml += titlePage(document)
            xml += tableOfContents(Outline(document.chapters))
        }
        xml += body
        xml += section(first: sections == 1) + "\n"
        return xml + "</w:body></w:document>\n"
    }

    /// A chapter's section: A4, recto-verso print margins, running head and page number, notes
    /// numbered from 1. The first section starts the document, whose first page (the title
    /// page) has neither head nor number; the others follow on (the chapter's heading starts
    /// its page), so that a word processor shows no section break where a user does not
    /// expect one.
    static func section(first: Bool) -> String {
        var xml = "<w:sectPr><w:headerReference w:type=\"default\" r:id=\"rId5\"/><w:footerReference w:type=\"default\" r:id=\"rId6\"/>"
        xml += "<w:footnotePr><w:numFmt w:val=\"decimal\"/><w:numRestart w:val=\"eachSect\"/></w:footnotePr>"
        if !first { xml += "<w:type w:val=\"continuous\"/>" }
        // Margins in twentieths of a point: 19 mm top and bottom, inner 23 mm, outer 16 mm.
        xml += "<w:pgSz w:w=\"11906\" w:h=\"16838\"/><w:pgMar w:top=\"1077\" w:right=\"907\" w:bottom=\"1077\" w:left=\"1304\" w:header=\"567\" w:footer=\"567\" w:gutter=\"0\"/>"
        if first { xml += "<w:titlePg/>" }
        return xml + "</w:sectPr>"
    }

    private static func paragraph(_ style: String, _ text: String) -> String {
        "<w:p><w:pPr><w:pStyle w:val=\"\(style)\"/></w:pPr>\(DOCXRun.text(text, format: DOCXRun.Format()))</w:p>\n"
    }

    private static func titlePage(_ document: EditableDocument) -> String {
        var xml = paragraph(DOCXStyleID.title, document.title)
        if let subtitle = document.subtitle { xml += paragraph(DOCXStyleID.subtitle, subtitle) }
        if let author = document.author, author != document.subtitle { xml += paragraph(DOCXStyleID.titlePage, author) }
        if let date = document.date { xml += paragraph(DOCXStyleID.titlePage, date) }
        return xml
    }

    /// A TOC field over the first two heading levels, filled with the entries until Word
    /// updates it (it asks on opening: `updateFields`) or LibreOffice does.
    private static func tableOfContents(_ outline: Outline) -> String {
        var xml = "<w:p><w:pPr><w:pStyle w:val=\"\(DOCXStyleID.contentsHeading)\"/></w:pPr>\(DOCXRun.text("Sommaire", format: DOCXRun.Format()))</w:p>\n"
        let begin = "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText xml:space=\"preserve\"> TOC \\o \"1-2\" \\h \\z \\u </w:instrText></w:r><w:r><w:fldChar w:fldCharType=\"separate\"/></w:r>"
        guard !outline.entries.isEmpty else {
            return xml + "<w:p><w:pPr><w:pStyle w:val=\"\(DOCXStyleID.contents(1))\"/></w:pPr>\(begin)<w:r><w:fldChar w:fldCharType=\"end\"/></w:r></w:p>\n"
        }
        for (index, entry) in outline.entries.enumerated() {
            xml += "<w:p><w:pPr><w:pStyle w:val=\"\(DOCXStyleID.contents(entry.level))\"/></w:pPr>"
            if index == 0 { xml += begin }
            let run = DOCXRun.text(entry.text, format: DOCXRun.Format())
            if let anchor = entry.anchor {
                xml += "<w:hyperlink w:anchor=\"\(XMLText.escaped(DOCXBookmarks.name(anchor)))\" w:history=\"1\">\(run)</w:hyperlink>"
            } else {
                xml += run
            }
            if index == outline.entries.count - 1 { xml += "<w:r><w:fldChar w:fldCharType=\"end\"/></w:r>" }
            xml += "</w:p>\n"
        }
        return xml
    }
}
