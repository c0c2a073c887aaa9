/// The small parts of an ODT around its content: `meta.xml` (title, author, subject, fr-FR)
/// and the manifest listing every part.
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

    /// The manifest: the package, its XML parts, then each picture.
    static func manifest(pictures: [(path: String, type: String)]) -> String {
        var xml = XMLText.declaration
        xml += "<manifest:manifest xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\" manifest:version=\"1.3\">\n"
        xml += "<manifest:file-entry manifest:full-path=\"/\" manifest:version=\"1.3\" manifest:media-type=\"\(mimetype)\"/>\n"
        for part in ["content.xml", "styles.xml", "meta.xml"] {
            xml += "<manifest:file-entry manifest:full-path=\"\(part)\" manifest:media-type=\"text/xml\"/>\n"
        }
        for picture in pictures {
            xml += "<manifest:file-entry manifest:full-path=\"\(picture.path)\" manifest:media-type=\"\(picture.type)\"/>\n"
        }
        return xml + "</manifest:manifest>\n"
    }
}
