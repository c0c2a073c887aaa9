/// `styles.xml` of an ODT: the charter's fonts, the named styles a user edits once, list and
/// note settings, and the A4 page with the print margins, running title and page number.
enum ODTStyles {
    static func xml(title: String, chapterField: Bool) -> String {
        var xml = XMLText.declaration
        xml += "<office:document-styles \(ODTNamespaces.all) office:version=\"1.3\">\n"
        xml += fonts
        xml += "<office:styles>\n" + defaults + paragraphStyles + textStyles + lists + notes + "</office:styles>\n"
        xml += pageLayouts
        xml += masterPages(title: title, chapterField: chapterField)
        xml += "</office:document-styles>\n"
        return xml
    }

    /// The charter's fonts, each with the files embedded under `Fonts/` (as LibreOffice's
    /// « Incorporer les polices » writes them); the code font stays declared only.
    private static var fonts: String {
        var xml = "<office:font-face-decls>\n"
        for (name, family, generic, pitch) in [(Charter.sans, Charter.sans, "swiss", "variable"), (Charter.serif, "&apos;\(Charter.serif)&apos;", "roman", "variable"),
                                               (Charter.mono, "&apos;\(Charter.mono)&apos;", "modern", "fixed")] {
            xml += "<style:font-face style:name=\"\(name)\" svg:font-family=\"\(family)\" style:font-family-generic=\"\(generic)\" style:font-pitch=\"\(pitch)\""
            let files = EmbeddedFont.installed.filter { $0.family == name }
            guard !files.isEmpty else { xml += "/>\n"; continue }
            xml += "><svg:font-face-src>"
            for font in files {
                xml += "<svg:font-face-uri xlink:href=\"\(ODTPackage.fontPath(font))\" xlink:type=\"simple\"><svg:font-face-format svg:string=\"truetype\"/></svg:font-face-uri>"
            }
            xml += "</svg:font-face-src></style:font-face>\n"
        }
        return xml + "</office:font-face-decls>\n"
    }

    private static let defaults = """
    <style:default-style style:family="paragraph"><style:paragraph-properties fo:hyphenation-ladder-count="no-limit" style:writing-mode="lr-tb"/><style:text-properties style:font-name="\(Charter.serif)" fo:font-size="9.3pt" fo:language="fr" fo:country="FR" fo:hyphenate="true" fo:color="\(Charter.encre)"/></style:default-style>
    <style:default-style style:family="table"><style:table-properties table:border-model="collapsing"/></style:default-style>

    """

    /// One named paragraph style.
    private static func paragraph(_ name: String, display: String? = nil, parent: String? = "Standard", next: String? = nil, outline: Int? = nil,
                                  paragraph: String = "", text: String = "") -> String {
        var xml = "<style:style style:name=\"\(name)\" style:family=\"paragraph\""
        if let display { xml += " style:display-name=\"\(XMLText.escaped(display))\"" }
        if let parent { xml += " style:parent-style-name=\"\(parent)\"" }
        if let next { xml += " style:next-style-name=\"\(next)\"" }
        if let outline { xml += " style:default-outline-level=\"\(outline)\"" }
        xml += " style:class=\"text\">"
        if !paragraph.isEmpty { xml += "<style:paragraph-properties \(paragraph)/>" }
        if !text.isEmpty { xml += "<style:text-properties \(text)/>" }
        return xml + "</style:style>\n"
    }

    private static let sans = "style:font-name=\"\(Charter.sans)\""

    private static var paragraphStyles: String {
        var xml = paragraph("Standard", parent: nil)
        xml += paragraph(ODTStyleName.body, display: "Text body", paragraph: "fo:margin-top=\"0cm\" fo:margin-bottom=\"0.15cm\" fo:text-align=\"justify\" fo:line-height=\"90%\"")
        xml += paragraph(ODTStyleName.list, display: "List", parent: ODTStyleName.body, paragraph: "fo:margin-bottom=\"0.05cm\"")
        xml += paragraph("Heading", parent: "Standard", next: ODTStyleName.body,
                         paragraph: "fo:margin-top=\"0.35cm\" fo:margin-bottom=\"0.12cm\" fo:keep-with-next=\"always\"",
                         text: "\(sans) fo:font-weight=\"bold\" fo:color=\"\(Charter.marine)\" fo:hyphenate=\"false\"")
        xml += paragraph(ODTStyleName.heading(1), display: "Heading 1", parent: "Heading", next: ODTStyleName.body, outline: 1,
                         paragraph: "fo:break-before=\"page\" fo:margin-top=\"0cm\" fo:margin-bottom=\"0.3cm\" fo:padding-bottom=\"0.1cm\" fo:border-bottom=\"1.5pt solid \(Charter.sarcelle)\"",
                         text: "fo:font-size=\"19pt\"")
        xml += paragraph(ODTStyleName.heading(2), display: "Heading 2", parent: "Heading", next: ODTStyleName.body, outline: 2, text: "fo:font-size=\"13pt\" fo:color=\"\(Charter.bleu)\"")
        xml += paragraph(ODTStyleName.heading(3), display: "Heading 3", parent: "Heading", next: ODTStyleName.body, outline: 3, text: "fo:font-size=\"11pt\" fo:color=\"\(Charter.sarcelle)\"")
        for level in 4...6 {
            xml += paragraph(ODTStyleName.heading(level), display: "Heading \(level)", parent: "Heading", next: ODTStyleName.body, outline: level, text: "fo:font-size=\"11pt\"")
        }
        xml += paragraph(ODTStyleName.title, display: "Title", parent: "Heading", next: ODTStyleName.subtitle,
                         paragraph: "fo:margin-top=\"6cm\" fo:margin-bottom=\"0.6cm\"", text: "fo:font-size=\"30pt\"")
        xml += paragraph(ODTStyleName.subtitle, display: "Subtitle", parent: "Heading", next: ODTStyleName.body, text: "fo:font-size=\"18pt\" fo:font-weight=\"normal\" fo:color=\"\(Charter.sarcelle)\"")
        xml += paragraph(ODTStyleName.titlePage, display: "Page de titre", paragraph: "fo:margin-top=\"0.3cm\"", text: "\(sans) fo:font-size=\"12pt\" fo:color=\"\(Charter.gris)\"")
        xml += paragraph(ODTStyleName.summary, display: "Chapeau", parent: ODTStyleName.body, paragraph: "fo:margin-bottom=\"0.4cm\"", text: "\(sans) fo:font-size=\"12pt\" fo:color=\"\(Charter.gris)\"")
        xml += paragraph(ODTStyleName.tableHeader, display: "Tableau – en-tête", paragraph: "fo:keep-with-next=\"auto\"",
                         text: "\(sans) fo:font-size=\"8.5pt\" fo:font-weight=\"bold\" fo:color=\"#ffffff\" fo:hyphenate=\"false\"")
        xml += paragraph(ODTStyleName.tableCell, display: "Tableau – cellule", text: "\(sans) fo:font-size=\"8.5pt\"")
        xml += paragraph(ODTStyleName.rowHeader, display: "Tableau – en-tête de ligne", parent: ODTStyleName.tableCell, text: "fo:font-weight=\"bold\" fo:color=\"\(Charter.marine)\"")
        xml += paragraph(ODTStyleName.caption, display: "Caption", paragraph: "fo:margin-top=\"0.2cm\" fo:margin-bottom=\"0.1cm\" fo:keep-with-next=\"always\"",
                         text: "\(sans) fo:font-size=\"9.5pt\" fo:font-weight=\"bold\" fo:color=\"\(Charter.marine)\"")
        xml += paragraph(ODTStyleName.callout, display: "Encadré", parent: ODTStyleName.body,
                         paragraph: "fo:margin-left=\"0.2cm\" fo:margin-right=\"0.2cm\" fo:padding=\"0.15cm\" fo:background-color=\"\(Charter.sarcelleClair)\" fo:border-left=\"2.5pt solid \(Charter.sarcelle)\" style:join-border=\"true\"",
                         text: "fo:font-size=\"10pt\"")
        xml += paragraph(ODTStyleName.calloutTitle, display: "Encadré – titre", parent: ODTStyleName.callout, next: ODTStyleName.callout,
                         paragraph: "fo:keep-with-next=\"always\"", text: "\(sans) fo:font-weight=\"bold\" fo:color=\"\(Charter.sarcelle)\"")
        xml += paragraph(ODTStyleName.footnote, display: "Footnote", paragraph: "fo:margin-left=\"0.5cm\" fo:text-indent=\"-0.5cm\"", text: "fo:font-size=\"8.5pt\"")
        xml += paragraph(ODTStyleName.quote, display: "Quotations", parent: ODTStyleName.body, paragraph: "fo:margin-left=\"1cm\" fo:margin-right=\"1cm\"", text: "fo:font-style=\"italic\"")
        xml += paragraph(ODTStyleName.code, display: "Preformatted Text", paragraph: "fo:margin-bottom=\"0.2cm\"", text: "style:font-name=\"\(Charter.mono)\" fo:font-size=\"8.5pt\"")
        xml += paragraph(ODTStyleName.term, display: "Définition – terme", parent: ODTStyleName.body, next: ODTStyleName.definition,
                         paragraph: "fo:margin-bottom=\"0cm\" fo:keep-with-next=\"always\"", text: "\(sans) fo:font-weight=\"bold\"")
        xml += paragraph(ODTStyleName.definition, display: "Définition", parent: ODTStyleName.body, paragraph: "fo:margin-left=\"0.8cm\"")
        xml += paragraph(ODTStyleName.figure, display: "Figure", paragraph: "fo:text-align=\"center\" fo:margin-top=\"0.2cm\" fo:margin-bottom=\"0.3cm\"")
        xml += paragraph(ODTStyleName.separator, display: "Séparateur", paragraph: "fo:margin-bottom=\"0.3cm\" fo:border-bottom=\"0.5pt solid \(Charter.filet)\"", text: "fo:font-size=\"4pt\"")
        xml += paragraph(ODTStyleName.header, display: "Header", paragraph: "fo:border-bottom=\"0.5pt solid \(Charter.filet)\" fo:padding-bottom=\"0.1cm\"",
                         text: "\(sans) fo:font-size=\"8pt\" fo:color=\"\(Charter.gris)\"")
        xml += paragraph(ODTStyleName.footer, display: "Footer", paragraph: "fo:text-align=\"center\"", text: "\(sans) fo:font-size=\"8.5pt\" fo:color=\"\(Charter.gris)\"")
        xml += paragraph(ODTStyleName.contentsHeading, display: "Contents Heading", parent: "Heading", paragraph: "fo:margin-bottom=\"0.5cm\"", text: "fo:font-size=\"18pt\"")
        xml += paragraph(ODTStyleName.contents(1), display: "Contents 1", paragraph: "fo:margin-top=\"0.2cm\"", text: "\(sans) fo:font-weight=\"bold\"")
        xml += paragraph(ODTStyleName.contents(2), display: "Contents 2", paragraph: "fo:margin-left=\"0.5cm\"", text: "\(sans) fo:font-size=\"9.5pt\"")
        return xml
    }

    private static let textStyles = """
    <style:style style:name="\(ODTStyleName.emphasis)" style:display-name="Emphasis" style:family="text"><style:text-properties fo:font-style="italic"/></style:style>
    <style:style style:name="\(ODTStyleName.strong)" style:display-name="Strong Emphasis" style:family="text"><style:text-properties fo:font-weight="bold"/></style:style>
    <style:style style:name="Barre" style:display-name="Barré" style:family="text"><style:text-properties style:text-line-through-style="solid" style:text-line-through-type="single"/></style:style>
    <style:style style:name="\(ODTStyleName.sourceText)" style:display-name="Source Text" style:family="text"><style:text-properties style:font-name="\(Charter.mono)" fo:font-size="90%"/></style:style>
    <style:style style:name="\(ODTStyleName.link)" style:display-name="Internet link" style:family="text"><style:text-properties fo:color="\(Charter.bleu)" style:text-underline-style="solid" style:text-underline-width="auto" style:text-underline-color="font-color"/></style:style>
    <style:style style:name="\(ODTStyleName.noteAnchor)" style:display-name="Footnote anchor" style:family="text"><style:text-properties style:text-position="super 58%"/></style:style>
    <style:style style:name="Footnote_20_Symbol" style:display-name="Footnote Symbol" style:family="text"/>

    """

    private static var lists: String {
        var xml = "<text:list-style style:name=\"\(ODTStyleName.bullets)\" style:display-name=\"Puces\">\n"
        for level in 1...10 {
            xml += "<text:list-level-style-bullet text:level=\"\(level)\" text:bullet-char=\"\(level % 2 == 1 ? "•" : "–")\"><style:list-level-properties text:list-level-position-and-space-mode=\"label-alignment\"><style:list-level-label-alignment text:label-followed-by=\"listtab\" text:list-tab-stop-position=\"\(String(format: "%.2f", 0.5 * Double(level)))cm\" fo:text-indent=\"-0.4cm\" fo:margin-left=\"\(String(format: "%.2f", 0.5 * Double(level)))cm\"/></style:list-level-properties></text:list-level-style-bullet>\n"
        }
        xml += "</text:list-style>\n<text:list-style style:name=\"\(ODTStyleName.numbers)\" style:display-name=\"Numérotation\">\n"
        for level in 1...10 {
            xml += "<text:list-level-style-number text:level=\"\(level)\" style:num-suffix=\".\" style:num-format=\"\(level % 2 == 1 ? "1" : "a")\"><style:list-level-properties text:list-level-position-and-space-mode=\"label-alignment\"><style:list-level-label-alignment text:label-followed-by=\"listtab\" text:list-tab-stop-position=\"\(String(format: "%.2f", 0.6 * Double(level)))cm\" fo:text-indent=\"-0.5cm\" fo:margin-left=\"\(String(format: "%.2f", 0.6 * Double(level)))cm\"/></style:list-level-properties></text:list-level-style-number>\n"
        }
        return xml + "</text:list-style>\n"
    }

    /// Notes numbered from 1 in each chapter, as the HTML numbers them.
    private static let notes = """
    <text:notes-configuration text:note-class="footnote" text:citation-style-name="Footnote_20_Symbol" text:citation-body-style-name="\(ODTStyleName.noteAnchor)" style:num-format="1" text:start-value="0" text:footnotes-position="page" text:start-numbering-at="chapter"/>

    """

    /// A4 with the print margins (inner 23 mm, outer 16 mm), mirrored for recto-verso.
    private static let pageLayouts = """
    <office:automatic-styles>
    <style:page-layout style:name="A4" style:page-usage="mirrored"><style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm" style:print-orientation="portrait" fo:margin-top="1.1cm" fo:margin-bottom="1.1cm" fo:margin-left="2.3cm" fo:margin-right="1.6cm"/><style:header-style><style:header-footer-properties fo:min-height="0.6cm" fo:margin-bottom="0.4cm"/></style:header-style><style:footer-style><style:header-footer-properties fo:min-height="0.6cm" fo:margin-top="0.4cm"/></style:footer-style></style:page-layout>
    <style:page-layout style:name="A4Couverture"><style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm" style:print-orientation="portrait" fo:margin-top="2cm" fo:margin-bottom="2cm" fo:margin-left="2.3cm" fo:margin-right="1.6cm"/></style:page-layout>
    </office:automatic-styles>

    """

    private static func masterPages(title: String, chapterField: Bool) -> String {
        """
        <office:master-styles>
        <style:master-page style:name="Standard" style:page-layout-name="A4"><style:header><text:p text:style-name="\(ODTStyleName.header)">\(XMLText.escaped(title))\(chapterField ? " — <text:chapter text:display=\"name\" text:outline-level=\"1\"/>" : "")</text:p></style:header><style:footer><text:p text:style-name="\(ODTStyleName.footer)"><text:page-number text:select-page="current">1</text:page-number></text:p></style:footer></style:master-page>
        <style:master-page style:name="Couverture" style:page-layout-name="A4Couverture" style:next-style-name="Standard"/>
        </office:master-styles>

        """
    }
}
