/// The small parts of a DOCX around its body: content types, package relationships, settings
/// (fr-FR, fields updated on opening), running head and page number, notes, fonts, metadata.
enum DOCXParts {
    static func contentTypes(hasSVG: Bool, hasPNG: Bool, hasFonts: Bool) -> String {
        var xml = XMLText.declaration + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
        xml += "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/>"
        if hasFonts { xml += "<Default Extension=\"odttf\" ContentType=\"application/vnd.openxmlformats-officedocument.obfuscatedFont\"/>" }
        if hasPNG { xml += "<Default Extension=\"png\" ContentType=\"image/png\"/>" }
        if hasSVG { xml += "<Default Extension=\"svg\" ContentType=\"image/svg+xml\"/>" }
        let wordML = "application/vnd.openxmlformats-officedocument.wordprocessingml."
        for (part, type) in [("/word/document.xml", "document.main+xml"), ("/word/styles.xml", "styles+xml"), ("/word/settings.xml", "settings+xml"),
                             ("/word/numbering.xml", "numbering+xml"), ("/word/footnotes.xml", "footnotes+xml"), ("/word/header1.xml", "header+xml"),
                             ("/word/footer1.xml", "footer+xml"), ("/word/fontTable.xml", "fontTable+xml")] {
            xml += "<Override PartName=\"\(part)\" ContentType=\"\(wordML)\(type)\"/>"
        }
        xml += "<Override PartName=\"/word/theme/theme1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.theme+xml\"/>"
        xml += "<Override PartName=\"/docProps/core.xml\" ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>"
        xml += "<Override PartName=\"/docProps/app.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.extended-properties+xml\"/>"
        return xml + "</Types>\n"
    }

    static let packageRelationships = XMLText.declaration + """
    <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/></Relationships>

    """

    /// Fonts embedded (and kept when the user saves), recto-verso margins, French as the
    /// proofing language, the table of contents and page numbers brought up to date when Word
    /// opens the file, notes numbered from 1 in each section (a chapter is one). Elements in
    /// the schema's order: Word refuses a file whose settings are out of order.
    static let settings = XMLText.declaration + """
    <w:settings \(DOCXNamespaces.main)><w:embedTrueTypeFonts/><w:mirrorMargins/><w:defaultTabStop w:val="709"/><w:autoHyphenation/><w:characterSpacingControl w:val="doNotCompress"/><w:updateFields w:val="true"/><w:footnotePr><w:numRestart w:val="eachSect"/><w:footnote w:id="-1"/><w:footnote w:id="0"/></w:footnotePr><w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat><w:themeFontLang w:val="fr-FR"/><w:decimalSymbol w:val=","/><w:listSeparator w:val=";"/></w:settings>

    """

    /// The running head: the publication's title (a chapter field would show empty in LibreOffice).
    static func header(title: String) -> String {
        XMLText.declaration + "<w:hdr \(DOCXNamespaces.main)><w:p><w:pPr><w:pStyle w:val=\"\(DOCXStyleID.header)\"/></w:pPr>"
            + "<w:r><w:t xml:space=\"preserve\">\(XMLText.escaped(title))</w:t></w:r></w:p></w:hdr>\n"
    }

    static let footer = XMLText.declaration + """
    <w:ftr \(DOCXNamespaces.main)><w:p><w:pPr><w:pStyle w:val="\(DOCXStyleID.footer)"/></w:pPr><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p></w:ftr>

    """

    static func footnotes(_ notes: [String]) -> String {
        XMLText.declaration + "<w:footnotes \(DOCXNamespaces.document)>"
            + "<w:footnote w:type=\"separator\" w:id=\"-1\"><w:p><w:pPr><w:spacing w:after=\"0\" w:line=\"240\" w:lineRule=\"auto\"/></w:pPr><w:r><w:separator/></w:r></w:p></w:footnote>"
            + "<w:footnote w:type=\"continuationSeparator\" w:id=\"0\"><w:p><w:pPr><w:spacing w:after=\"0\" w:line=\"240\" w:lineRule=\"auto\"/></w:pPr><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>\n"
            + notes.joined() + "</w:footnotes>\n"
    }

    /// The charter's fonts, each with its files embedded (obfuscated, `word/fonts/`); the code
    /// font declared only. Relationships `rIdN` of `word/_rels/fontTable.xml.rels`, in
    /// `EmbeddedFont.installed` order.
    static var fontTable: String {
        var xml = XMLText.declaration + "<w:fonts \(DOCXNamespaces.main)>"
        for (name, family, pitch) in [(Charter.serif, "roman", "variable"), (Charter.sans, "swiss", "variable"), (Charter.mono, "modern", "fixed")] {
            xml += "<w:font w:name=\"\(name)\"><w:family w:val=\"\(family)\"/><w:pitch w:val=\"\(pitch)\"/>"
            for (index, font) in EmbeddedFont.installed.enumerated() where font.family == name {
                xml += "<w:\(embedElement(font.face)) r:id=\"rId\(index + 1)\" w:fontKey=\"\(font.key)\"/>"
            }
            xml += "</w:font>"
        }
        return xml + "</w:fonts>\n"
    }

    /// The element a face is embedded with; `Face` order is the schema's order.
    private static func embedElement(_ face: EmbeddedFont.Face) -> String {
        switch face {
        case .regular: "embedRegular"
        case .bold: "embedBold"
        case .italic: "embedItalic"
        case .boldItalic: "embedBoldItalic"
        }
    }

    /// Where an embedded font is kept in the package, from `word/`.
    static func fontPath(_ index: Int) -> String { "fonts/font\(index + 1).odttf" }

    /// `word/_rels/fontTable.xml.rels`: the embedded font files.
    static var fontRelationships: String {
        var xml = XMLText.declaration + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        for index in EmbeddedFont.installed.indices {
            xml += "<Relationship Id=\"rId\(index + 1)\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/font\" Target=\"\(fontPath(index))\"/>"
        }
        return xml + "</Relationships>\n"
    }

    /// Title, subject, author and language; no dates, so that the same input gives the same file.
    static func core(_ document: EditableDocument) -> String {
        var xml = XMLText.declaration + "<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">"
        xml += "<dc:title>\(XMLText.escaped(document.title))</dc:title>"
        if let subject = document.subject { xml += "<dc:subject>\(XMLText.escaped(subject))</dc:subject>" }
        if let author = document.author { xml += "<dc:creator>\(XMLText.escaped(author))</dc:creator>" }
        xml += "<dc:language>fr-FR</dc:language>"
        return xml + "</cp:coreProperties>\n"
    }

    static let app = XMLText.declaration + """
    <Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>cadre</Application></Properties>

    """
}
