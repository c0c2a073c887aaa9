/// The small parts of an ODT around its content: `meta.xml` (title, author, subject, fr-FR),
/// `settings.xml` and the manifest listing every part.
enum ODTPackage {
    static let mimetype = "application/vnd.oasis.opendocument.text"

    static func meta(_ document: EditableDocument) -> String {
        var xml = XMLText.declaration
        xml += "<office:document-meta \(ODTNamespaces.all) office:version=\"1.3\"><office:meta>"
        xml += "<meta:generator>cadre</meta:generator>"
        xml += "<dc:title>\(XMLText.escaped(document.title))</dc:title>"
        if let subject = document.subject { xml += "<dc:subject>\(XMLText.escaped(subject))</dc:subject>" }
        if let author = document.author {
            xml += "<meta:initial-creator>\(XMLText.escaped(author))</meta:initial-creator><dc:creator>\(XMLText.escaped(author))</dc:creator>"
        }
        xml += "<dc:language>fr-FR</dc:language>"
        xml += "</office:meta></office:document-meta>\n"
        return xml
    }

    /// Where an embedded font is kept in the package.
    static func fontPath(_ font: EmbeddedFont) -> String { "Fonts/\(font.fileName)" }

    /// LibreOffice's own setting « Incorporer les polices dans le document »: a user who saves
    /// the document keeps the fonts in it.
    static let settings = XMLText.declaration + """
    <office:document-settings xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:config="urn:oasis:names:tc:opendocument:xmlns:config:1.0" office:version="1.3"><office:settings><config:config-item-set config:name="ooo:configuration-settings"><config:config-item config:name="EmbedFonts" config:type="boolean">true</config:config-item></config:config-item-set></office:settings></office:document-settings>

    """

    /// The manifest: the package, its XML parts, then each picture and font file.
    static func manifest(pictures: [(path: String, type: String)]) -> String {
        var xml = XMLText.declaration
        xml += "<manifest:manifest xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\" manifest:version=\"1.3\">\n"
        xml += "<manifest:file-entry manifest:full-path=\"/\" manifest:version=\"1.3\" manifest:media-type=\"\(mimetype)\"/>\n"
        for part in ["content.xml", "styles.xml", "meta.xml", "settings.xml"] {
            xml += "<manifest:file-entry manifest:full-path=\"\(part)\" manifest:media-type=\"text/xml\"/>\n"
        }
        for picture in pictures {
            xml += "<manifest:file-entry manifest:full-path=\"\(picture.path)\" manifest:media-type=\"\(picture.type)\"/>\n"
        }
        return xml + "</manifest:manifest>\n"
    }
}
