/// A run of text in WordprocessingML: its formatting and its text, escaped, tabs and line
/// breaks as Word writes them, spaces kept.
enum DOCXRun {
    /// The direct formatting Markdown gives a run (emphasis, strong…) or its character style.
    struct Format {
        var italic = false
        var bold = false
        var strike = false
        var style: String?

        var properties: String {
            guard italic || bold || strike || style != nil else { return "" }
            var xml = "<w:rPr>"
            if let style { xml += "<w:rStyle w:val=\"\(style)\"/>" }
            if bold { xml += "<w:b/>" }
            if italic { xml += "<w:i/>" }
            if strike { xml += "<w:strike/>" }
            return xml + "</w:rPr>"
        }
    }

    /// One run holding `text`.
    static func text(_ text: String, format: Format) -> String {
        guard !text.isEmpty else { return "" }
        var xml = "<w:r>" + format.properties
        var chunk = ""
        func flush() {
            guard !chunk.isEmpty else { return }
            xml += "<w:t xml:space=\"preserve\">" + XMLText.escaped(chunk) + "</w:t>"
            chunk = ""
        }
        for character in text {
            switch character {
            case "\n", "\r\n", "\r":
                flush()
                xml += "<w:br/>"
            case "\t":
                flush()
                xml += "<w:tab/>"
            default:
                chunk.append(character)
            }
        }
        flush()
        return xml + "</w:r>"
    }
}

/// Bookmarks for headings and chapters, which links inside the document point at. Word wants
/// names of letters, digits and underscores, at most 40 characters, unique.
struct DOCXBookmarks {
    private var written: Set<String> = []

    /// A bookmark at this place, unless `anchor` already has one.
    mutating func mark(_ anchor: String) -> String {
        let name = Self.name(anchor)
        guard written.insert(name).inserted else { return "" }
        let id = written.count
        return "<w:bookmarkStart w:id=\"\(id)\" w:name=\"\(XMLText.escaped(name))\"/><w:bookmarkEnd w:id=\"\(id)\"/>"
    }

    /// The bookmark name of an anchor: the same anchor always gives the same name.
    static func name(_ anchor: String) -> String {
        var name = "n_"
        for scalar in anchor.unicodeScalars {
            name.unicodeScalars.append(scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)) ? scalar : "_")
        }
        guard name.count > 40 else { return name }
        // Long anchors: a prefix and a hash of the whole (FNV-1a), so that two stay apart.
        var hash: UInt32 = 2_166_136_261
        for byte in anchor.utf8 { hash = (hash ^ UInt32(byte)) &* 16_777_619 }
        return String(name.prefix(31)) + "_" + String(hash, radix: 16)
    }
}

/// The numbering instances of a document's lists: instance 1 is the bullets, shared; each
/// numbered list gets its own instance, which restarts at its first number.
struct DOCXNumbering {
    /// The start of each numbered instance, from instance 2 on.
    private(set) var starts: [Int] = []

    /// The instance for a list starting at `start` (nil: bullets).
    mutating func instance(start: Int?) -> Int {
        guard let start else { return 1 }
        starts.append(start)
        return starts.count + 1
    }

    /// `word/numbering.xml`.
    var xml: String {
        var xml = XMLText.declaration + "<w:numbering \(DOCXNamespaces.main)>\n"
        xml += "<w:abstractNum w:abstractNumId=\"0\"><w:multiLevelType w:val=\"hybridMultilevel\"/>"
        for level in 0...8 {
            xml += "<w:lvl w:ilvl=\"\(level)\"><w:start w:val=\"1\"/><w:numFmt w:val=\"bullet\"/><w:lvlText w:val=\"\(level % 2 == 0 ? "•" : "–")\"/><w:lvlJc w:val=\"left\"/><w:pPr><w:ind w:left=\"\(360 + 284 * level)\" w:hanging=\"227\"/></w:pPr></w:lvl>"
        }
        xml += "</w:abstractNum>\n<w:abstractNum w:abstractNumId=\"1\"><w:multiLevelType w:val=\"hybridMultilevel\"/>"
        for level in 0...8 {
            xml += "<w:lvl w:ilvl=\"\(level)\"><w:start w:val=\"1\"/><w:numFmt w:val=\"\(level % 2 == 0 ? "decimal" : "lowerLetter")\"/><w:lvlText w:val=\"%\(level + 1).\"/><w:lvlJc w:val=\"left\"/><w:pPr><w:ind w:left=\"\(397 + 340 * level)\" w:hanging=\"340\"/></w:pPr></w:lvl>"
        }
        xml += "</w:abstractNum>\n<w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num>\n"
        for (index, start) in starts.enumerated() {
            xml += "<w:num w:numId=\"\(index + 2)\"><w:abstractNumId w:val=\"1\"/><w:lvlOverride w:ilvl=\"0\"><w:startOverride w:val=\"\(start)\"/></w:lvlOverride></w:num>\n"
        }
        return xml + "</w:numbering>\n"
    }
}
