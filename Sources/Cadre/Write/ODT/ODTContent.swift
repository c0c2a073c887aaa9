/// `content.xml` of an ODT: the title page, the table of contents field, then the chapters;
/// the automatic styles (tables, pictures, the title page's own page style) travel with it.
enum ODTContent {
    static func xml(_ document: EditableDocument, body: String) -> String {
        var xml = XMLText.declaration
        xml += "<office:document-content \(ODTNamespaces.all) office:version=\"1.3\">\n"
        xml += automaticStyles
        xml += "<office:body><office:text>\n"
        if document.front {
            xml += titlePage(document)
            xml += tableOfContents(Outline(document.chapters))
        }
        xml += body
        xml += "</office:text></office:body></office:document-content>\n"
        return xml
    }

    private static let automaticStyles = """
    <office:automatic-styles>
    <style:style style:name="Couverture" style:family="paragraph" style:parent-style-name="\(ODTStyleName.title)" style:master-page-name="Couverture"/>
    <style:style style:name="Sommaire" style:family="paragraph" style:parent-style-name="\(ODTStyleName.contentsHeading)" style:master-page-name="Standard"/>
    <style:style style:name="Tableau" style:family="table"><style:table-properties style:width="17cm" table:align="margins" fo:margin-top="0.15cm" fo:margin-bottom="0.35cm"/></style:style>
    <style:style style:name="Tableau.Colonne" style:family="table-column"><style:table-column-properties style:use-optimal-column-width="true"/></style:style>
    <style:style style:name="Tableau.EnTete" style:family="table-cell"><style:table-cell-properties fo:background-color="\(Charter.marine)" fo:padding="0.06cm" fo:border="0.5pt solid \(Charter.filet)"/></style:style>
    <style:style style:name="Tableau.EnTeteDeLigne" style:family="table-cell"><style:table-cell-properties fo:background-color="\(Charter.bleute)" fo:padding="0.06cm" fo:border="0.5pt solid \(Charter.filet)"/></style:style>
    <style:style style:name="Tableau.Cellule" style:family="table-cell"><style:table-cell-properties fo:padding="0.06cm" fo:border="0.5pt solid \(Charter.filet)"/></style:style>
    <style:style style:name="Image" style:family="graphic"><style:graphic-properties style:vertical-pos="top" style:vertical-rel="baseline" fo:border="none"/></style:style>
    </office:automatic-styles>

    """

    private static func titlePage(_ document: EditableDocument) -> String {
        var xml = "<text:p text:style-name=\"Couverture\">\(XMLText.escaped(document.title))</text:p>\n"
        if let subtitle = document.subtitle { xml += "<text:p text:style-name=\"\(ODTStyleName.subtitle)\">\(XMLText.escaped(subtitle))</text:p>\n" }
        if let author = document.author, author != document.subtitle { xml += "<text:p text:style-name=\"\(ODTStyleName.titlePage)\">\(XMLText.escaped(author))</text:p>\n" }
        if let date = document.date { xml += "<text:p text:style-name=\"\(ODTStyleName.titlePage)\">\(XMLText.escaped(date))</text:p>\n" }
        return xml
    }

    /// A table of contents field over the outline's first two levels; its body holds the
    /// entries until the word processor updates it with page numbers.
    private static func tableOfContents(_ outline: Outline) -> String {
        var xml = "<text:table-of-content text:protected=\"true\" text:name=\"Sommaire\">\n"
        xml += "<text:table-of-content-source text:outline-level=\"2\" text:use-index-marks=\"false\">\n"
        xml += "<text:index-title-template text:style-name=\"\(ODTStyleName.contentsHeading)\">Sommaire</text:index-title-template>\n"
        for level in 1...2 {
            xml += "<text:table-of-content-entry-template text:outline-level=\"\(level)\" text:style-name=\"\(ODTStyleName.contents(level))\">"
            xml += "<text:index-entry-link-start/><text:index-entry-text/><text:index-entry-tab-stop style:type=\"right\" style:leader-char=\".\"/><text:index-entry-page-number/><text:index-entry-link-end/>"
            xml += "</text:table-of-content-entry-template>\n"
        }
        xml += "</text:table-of-content-source>\n<text:index-body>\n"
        xml += "<text:index-title text:name=\"Sommaire_Head\"><text:p text:style-name=\"Sommaire\">Sommaire</text:p></text:index-title>\n"
        for entry in outline.entries {
            xml += "<text:p text:style-name=\"\(ODTStyleName.contents(entry.level))\">"
            if let anchor = entry.anchor {
                xml += "<text:a xlink:type=\"simple\" xlink:href=\"#\(XMLText.escaped(anchor))\">\(XMLText.escaped(entry.text))</text:a>"
            } else {
                xml += XMLText.escaped(entry.text)
            }
            xml += "</text:p>\n"
        }
        xml += "</text:index-body>\n</text:table-of-content>\n"
        return xml
    }
}
