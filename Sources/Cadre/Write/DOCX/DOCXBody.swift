import Foundation

/// Writes the chapters of an `EditableDocument` as the body of `word/document.xml`: one
/// function for blocks, one for inlines, text escaped by `XMLText` only. Notes go to their own
/// part, links and pictures get relationships, numbered lists their own numbering.
struct DOCXBody {
    let pictures: PictureSet
    private(set) var xml = ""
    /// Relationships the body needs (links, pictures), in order of appearance.
    private(set) var relationships = DOCXRelationships()
    /// The notes, in order: `<w:footnote>` elements for `word/footnotes.xml`.
    private(set) var footnotes: [String] = []
    /// The lists' numbering instances: nil for bullets (instance 1), a start for numbered lists.
    private(set) var numbering = DOCXNumbering()
    private(set) var pictureCount = 0
    private var bookmarks = DOCXBookmarks()
    private var chapterNotes: [String: Footnote] = [:]
    private var noteIDs: [String: Int] = [:]
    /// Runs written at the start of the next paragraph (a note's own number).
    private var pendingRuns = ""

    init(pictures: PictureSet) {
        self.pictures = pictures
    }

    /// The chapter, its title as a level-1 heading.
    mutating func chapter(_ chapter: EditableChapter) {
        chapterNotes = Dictionary(chapter.document.footnotes.map { ($0.label, $0) }, uniquingKeysWith: { first, _ in first })
        noteIDs = [:]
        xml += "<w:p><w:pPr><w:pStyle w:val=\"\(DOCXStyleID.heading(1))\"/></w:pPr>"
        xml += bookmarks.mark(chapter.anchor)
        xml += DOCXRun.text(chapter.heading, format: DOCXRun.Format())
        xml += "</w:p>\n"
        if let summary = chapter.summary { paragraph([.text(summary)], style: DOCXStyleID.summary, list: nil) }
        blocks(chapter.document.blocks, style: DOCXStyleID.body)
    }

    /// Ends the section of the chapter just written: an empty paragraph carrying its properties.
    mutating func sectionBreak(_ properties: String) {
        xml += "<w:p><w:pPr>\(properties)</w:pPr></w:p>\n"
    }

    // MARK: - Blocks

    private struct ListContext {
        var numID: Int
        var level: Int
    }

    private mutating func blocks(_ blocks: [Block], style: String, list: ListContext? = nil) {
        for block in blocks { self.block(block, style: style, list: list) }
    }

    private mutating func block(_ block: Block, style: String, list: ListContext?) {
        switch block {
        case .paragraph(let content), .plain(let content):
            paragraph(content, style: style, list: list)
        case .styledParagraph(_, let content):
            paragraph(content, style: style == DOCXStyleID.callout ? DOCXStyleID.calloutTitle : style, list: list)
        case .heading(let heading):
            guard style == DOCXStyleID.body else {
                return paragraph(heading.content, style: style == DOCXStyleID.callout ? DOCXStyleID.calloutTitle : style, list: list)
            }
            xml += "<w:p><w:pPr><w:pStyle w:val=\"\(DOCXStyleID.heading(heading.level))\"/></w:pPr>"
            if let id = heading.id { xml += bookmarks.mark(id) }
            if let number = heading.number { xml += DOCXRun.text(number + " ", format: DOCXRun.Format()) }
            inlines(heading.content, format: DOCXRun.Format())
            xml += "</w:p>\n"
        case .codeBlock(let code):
            xml += "<w:p><w:pPr><w:pStyle w:val=\"\(DOCXStyleID.code)\"/></w:pPr>"
            xml += DOCXRun.text(code.text.hasSuffix("\n") ? String(code.text.dropLast()) : code.text, format: DOCXRun.Format())
            xml += "</w:p>\n"
        case .quote(let children):
            blocks(children, style: style == DOCXStyleID.body ? DOCXStyleID.quote : style, list: list)
        case .list(let child):
            self.list(child, style: style, level: list.map { $0.level + 1 } ?? 0)
        case .table(let table):
            self.table(table)
        case .figure(let figure):
            blocks(figure.content, style: style, list: list)
        case .graphic(let graphic):
            picture(graphic)
        case .callout(let callout):
            blocks(callout.blocks, style: DOCXStyleID.callout)
        case .definitions(let items):
            for item in items.items {
                paragraph(item.term, style: DOCXStyleID.term, list: nil)
                paragraph(item.definition, style: DOCXStyleID.definition, list: nil)
            }
        case .thematicBreak:
            xml += "<w:p><w:pPr><w:pStyle w:val=\"\(DOCXStyleID.separator)\"/></w:pPr></w:p>\n"
        case .omittedHTML, .component:
            break
        }
    }

    private mutating func paragraph(_ content: [Inline], style: String, list: ListContext?) {
        xml += "<w:p><w:pPr><w:pStyle w:val=\"\(style)\"/>"
        if let list { xml += "<w:numPr><w:ilvl w:val=\"\(min(list.level, 8))\"/><w:numId w:val=\"\(list.numID)\"/></w:numPr>" }
        xml += "</w:pPr>"
        xml += pendingRuns
        pendingRuns = ""
        inlines(content, format: DOCXRun.Format())
        xml += "</w:p>\n"
    }

    private mutating func list(_ list: List, style: String, level: Int) {
        let numID = numbering.instance(start: list.start)
        let itemStyle = style == DOCXStyleID.body || style == DOCXStyleID.quote ? DOCXStyleID.list : style
        for item in list.items {
            var itemBlocks = item.blocks
            if let checked = item.task { itemBlocks = TaskMark.prefixing(checked, to: itemBlocks) }
            if itemBlocks.isEmpty { itemBlocks = [.plain([])] }
            // The item's first paragraph carries its bullet or number; the others follow it.
            for (index, block) in itemBlocks.enumerated() {
                if case .list = block {
                    self.block(block, style: style, list: ListContext(numID: numID, level: level))
                } else {
                    self.block(block, style: itemStyle, list: index == 0 ? ListContext(numID: numID, level: level) : nil)
                }
            }
        }
    }

    /// What a relationship's URI keeps as is.
    private static let uriCharacters = CharacterSet.urlQueryAllowed.union(CharacterSet(charactersIn: "#%"))

    /// The width of the text on an A4 page with the print margins, in twentieths of a point.
    static let textWidth = 9695

    private mutating func table(_ table: Table) {
        if let caption = table.caption { paragraph(caption, style: DOCXStyleID.caption, list: nil) }
        let columns = max(1, (table.head + table.body + table.foot).map(\.cells.count).max() ?? 1)
        let width = Self.textWidth / columns
        xml += "<w:tbl><w:tblPr><w:tblStyle w:val=\"\(DOCXStyleID.table)\"/><w:tblW w:w=\"5000\" w:type=\"pct\"/><w:tblLayout w:type=\"autofit\"/><w:tblLook w:val=\"0420\" w:firstRow=\"1\" w:lastRow=\"0\" w:firstColumn=\"0\" w:lastColumn=\"0\" w:noHBand=\"1\" w:noVBand=\"1\"/></w:tblPr>"
        xml += "<w:tblGrid>" + String(repeating: "<w:gridCol w:w=\"\(width)\"/>", count: columns) + "</w:tblGrid>\n"
        for row in table.head { self.row(row, columns: columns, width: width, header: true) }
        for row in table.body + table.foot { self.row(row, columns: columns, width: width, header: false) }
        xml += "</w:tbl>\n"
        // Two tables in a row would merge into one: a paragraph keeps them apart.
        xml += "<w:p><w:pPr><w:pStyle w:val=\"\(DOCXStyleID.body)\"/><w:spacing w:after=\"0\"/><w:rPr><w:sz w:val=\"8\"/></w:rPr></w:pPr></w:p>\n"
    }

    private mutating func row(_ row: TableRow, columns: Int, width: Int, header: Bool) {
        // A header row is repeated at the top of every page the table spans.
        xml += header ? "<w:tr><w:trPr><w:tblHeader/><w:cantSplit/></w:trPr>" : "<w:tr><w:trPr><w:cantSplit/></w:trPr>"
        for cell in row.cells {
            // Column headers dark as in print; row headers on a light ground, bold.
            let (fill, style): (String?, String) = header || cell.kind == .columnHeader ? (Charter.marine, DOCXStyleID.tableHeader)
                : cell.kind == .rowHeader ? (Charter.bleute, DOCXStyleID.rowHeader) : (nil, DOCXStyleID.tableCell)
            xml += "<w:tc><w:tcPr><w:tcW w:w=\"\(width)\" w:type=\"dxa\"/>"
            if let fill { xml += "<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"\(DOCXStyles.hex(fill))\"/>" }
            xml += "</w:tcPr>"
            let before = xml.utf8.count
            blocks(cell.blocks, style: style)
            // A cell ends with a paragraph.
            if xml.utf8.count == before || !xml.hasSuffix("</w:p>\n") {
                xml += "<w:p><w:pPr><w:pStyle w:val=\"\(style)\"/></w:pPr></w:p>"
            }
            xml += "</w:tc>"
        }
        for _ in row.cells.count..<max(columns, row.cells.count) {
            xml += "<w:tc><w:tcPr><w:tcW w:w=\"\(width)\" w:type=\"dxa\"/></w:tcPr><w:p><w:pPr><w:pStyle w:val=\"\(DOCXStyleID.tableCell)\"/></w:pPr></w:p></w:tc>"
        }
        xml += "</w:tr>\n"
    }

    private mutating func picture(_ graphic: any Graphic) {
        guard let picture = pictures[graphic.svg()] else { return }
        pictureCount += 1
        let number = pictureCount
        let svgID = relationships.add(type: DOCXRelationships.image, target: "media/graphique-\(number).svg")
        let pngID = picture.png.map { _ in relationships.add(type: DOCXRelationships.image, target: "media/graphique-\(number).png") }
        relationships.media.append((number, picture))
        let size = picture.centimetres
        let cx = Int(size.width * 360_000), cy = Int(size.height * 360_000)
        let title = XMLText.escaped(picture.title)
        xml += "<w:p><w:pPr><w:pStyle w:val=\"\(DOCXStyleID.figure)\"/></w:pPr><w:r><w:drawing>"
        xml += "<wp:inline distT=\"0\" distB=\"0\" distL=\"0\" distR=\"0\"><wp:extent cx=\"\(cx)\" cy=\"\(cy)\"/><wp:effectExtent l=\"0\" t=\"0\" r=\"0\" b=\"0\"/>"
        xml += "<wp:docPr id=\"\(number)\" name=\"Graphique \(number)\" descr=\"\(title)\" title=\"\(title)\"/>"
        xml += "<wp:cNvGraphicFramePr><a:graphicFrameLocks xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" noChangeAspect=\"1\"/></wp:cNvGraphicFramePr>"
        xml += "<a:graphic xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\"><a:graphicData uri=\"http://schemas.openxmlformats.org/drawingml/2006/picture\">"
        xml += "<pic:pic xmlns:pic=\"http://schemas.openxmlformats.org/drawingml/2006/picture\"><pic:nvPicPr><pic:cNvPr id=\"\(number)\" name=\"graphique-\(number)\" descr=\"\(title)\"/><pic:cNvPicPr/></pic:nvPicPr>"
        // The PNG for every reader, the SVG for those that draw it (Word 2016 and later).
        if let pngID {
            xml += "<pic:blipFill><a:blip r:embed=\"\(pngID)\"><a:extLst><a:ext uri=\"{96DAC541-7B7A-43D3-8B79-37D633B846F1}\"><asvg:svgBlip xmlns:asvg=\"http://schemas.microsoft.com/office/drawing/2016/SVG/main\" r:embed=\"\(svgID)\"/></a:ext></a:extLst></a:blip><a:stretch><a:fillRect/></a:stretch></pic:blipFill>"
        } else {
            xml += "<pic:blipFill><a:blip r:embed=\"\(svgID)\"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>"
        }
        xml += "<pic:spPr><a:xfrm><a:off x=\"0\" y=\"0\"/><a:ext cx=\"\(cx)\" cy=\"\(cy)\"/></a:xfrm><a:prstGeom prst=\"rect\"><a:avLst/></a:prstGeom></pic:spPr></pic:pic>"
        xml += "</a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>\n"
    }

    // MARK: - Inlines

    private mutating func inlines(_ inlines: [Inline], format: DOCXRun.Format) {
        for inline in inlines { self.inline(inline, format: format) }
    }

    private mutating func inline(_ inline: Inline, format: DOCXRun.Format) {
        var inner = format
        switch inline {
        case .text(let value):
            xml += DOCXRun.text(value, format: format)
        case .emphasis(let children):
            inner.italic = true
            inlines(children, format: inner)
        case .strong(let children):
            inner.bold = true
            inlines(children, format: inner)
        case .strikethrough(let children):
            inner.strike = true
            inlines(children, format: inner)
        case .code(let value):
            inner.style = DOCXStyleID.inlineCode
            xml += DOCXRun.text(value, format: inner)
        case .link(let link):
            inner.style = DOCXStyleID.link
            switch link.target {
            case .external(let url):
                guard let address = SafeAddress.external(url) else { return inlines(link.content, format: format) }
                // Word wants a URI: spaces and non-ASCII letters percent-encoded (existing escapes kept).
                let target = address.addingPercentEncoding(withAllowedCharacters: Self.uriCharacters) ?? address
                let id = relationships.add(type: DOCXRelationships.hyperlink, target: target, external: true)
                xml += "<w:hyperlink r:id=\"\(id)\" w:history=\"1\">"
            case .anchor(nil, let page, let anchor):
                xml += "<w:hyperlink w:anchor=\"\(XMLText.escaped(DOCXBookmarks.name(anchor ?? page)))\" w:history=\"1\">"
            case .anchor, .chapter:
                return inlines(link.content, format: format)
            }
            inlines(link.content, format: inner)
            xml += "</w:hyperlink>"
        case .image(let image):
            inner.italic = true
            inlines(image.description, format: inner)
        case .acronym(let sigle, _):
            xml += DOCXRun.text(sigle, format: format)
        case .noteReference(let label, let number, _):
            note(label: label, number: number, format: format)
        case .softBreak:
            xml += DOCXRun.text(" ", format: format)
        case .lineBreak:
            xml += "<w:r><w:br/></w:r>"
        case .span(_, let children):
            inlines(children, format: format)
        case .omittedHTML:
            break
        }
    }

    /// The first reference to a note writes the note; later ones repeat its number.
    private mutating func note(label: String, number: Int, format: DOCXRun.Format) {
        if let id = noteIDs[label] {
            xml += "<w:r><w:rPr><w:rStyle w:val=\"\(DOCXStyleID.footnoteReference)\"/></w:rPr><w:t>\(id)</w:t></w:r>"
            return
        }
        guard let footnote = chapterNotes[label] else { return xml += DOCXRun.text(String(number), format: format) }
        let id = footnotes.count + 1
        noteIDs[label] = id
        xml += "<w:r><w:rPr><w:rStyle w:val=\"\(DOCXStyleID.footnoteReference)\"/></w:rPr><w:footnoteReference w:id=\"\(id)\"/></w:r>"
        // The note's paragraphs are written apart, its number at the start of the first one.
        let body = xml, savedNotes = chapterNotes
        xml = ""
        chapterNotes = [:]
        pendingRuns = "<w:r><w:rPr><w:rStyle w:val=\"\(DOCXStyleID.footnoteReference)\"/></w:rPr><w:footnoteRef/></w:r><w:r><w:t xml:space=\"preserve\"> </w:t></w:r>"
        blocks(footnote.blocks, style: DOCXStyleID.footnote)
        if !pendingRuns.isEmpty { xml += "<w:p><w:pPr><w:pStyle w:val=\"\(DOCXStyleID.footnote)\"/></w:pPr>\(pendingRuns)</w:p>" }
        pendingRuns = ""
        footnotes.append("<w:footnote w:id=\"\(id)\">\(xml)</w:footnote>\n")
        xml = body
        chapterNotes = savedNotes
    }
}
