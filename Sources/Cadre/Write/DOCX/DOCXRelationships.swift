/// The relationships of `word/document.xml`: its fixed parts, then the links and pictures the
/// body adds, numbered in order of appearance.
struct DOCXRelationships {
    static let image = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/image"
    static let hyperlink = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink"
    private static let base = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"

    private var added: [(id: String, type: String, target: String, external: Bool)] = []
    /// The pictures to store under `word/media/`, with their number.
    var media: [(number: Int, picture: Picture)] = []

    /// A relationship from the body; its identifier.
    mutating func add(type: String, target: String, external: Bool = false) -> String {
        let id = "rId\(100 + added.count)"
        added.append((id, type, target, external))
        return id
    }

    /// `word/_rels/document.xml.rels`.
    var xml: String {
        var xml = XMLText.declaration + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\n"
        let fixed = [("rId1", "styles", "styles.xml"), ("rId2", "settings", "settings.xml"), ("rId3", "numbering", "numbering.xml"),
                     ("rId4", "footnotes", "footnotes.xml"), ("rId5", "header", "header1.xml"), ("rId6", "footer", "footer1.xml"),
                     ("rId7", "fontTable", "fontTable.xml"), ("rId8", "theme", "theme/theme1.xml")]
        for (id, type, target) in fixed {
            xml += "<Relationship Id=\"\(id)\" Type=\"\(Self.base)\(type)\" Target=\"\(target)\"/>\n"
        }
        for relationship in added {
            xml += "<Relationship Id=\"\(relationship.id)\" Type=\"\(relationship.type)\" Target=\"\(XMLText.escaped(relationship.target))\"\(relationship.external ? " TargetMode=\"External\"" : "")/>\n"
        }
        return xml + "</Relationships>\n"
    }
}

/// The namespaces of WordprocessingML parts.
enum DOCXNamespaces {
    static let main = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\""
    static let document = main + " xmlns:wp=\"http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing\" xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" xmlns:pic=\"http://schemas.openxmlformats.org/drawingml/2006/picture\""
}
