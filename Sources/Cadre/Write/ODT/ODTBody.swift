/// Writes the chapters of an `EditableDocument` as the body of an ODT's `content.xml`: one
/// function for blocks, one for inlines, text escaped by `XMLText` only. Headings keep the
/// numbers the numbering pass gave them; notes are real notes, links real links.
struct ODTBody {
    let pictures: PictureSet
    private(set) var xml = ""
    /// The pictures written, in order: `Pictures/graphique-N.svg|png` in the package.
    private(set) var embedded: [Picture] = []
    private var tables = 0
    private var notes = 0
    private var bookmarks: Set<String> = []
    /// The notes of the chapter being written, by label, and the id each got when written.
    private var chapterNotes: [String: Footnote] = [:]
    private var noteIDs: [String: String] = [:]

    init(pictures: PictureSet) {
        self.pictures = pictures
    }

    /// The chapter, its title as a level-1 heading.
    mutating func chapter(_ chapter: EditableChapter) {
        chapterNotes = Dictionary(chapter.document.footnotes.map { ($0.label, $0) }, uniquingKeysWith: { first, _ in first })
        noteIDs = [:]
        xml += "<text:h text:style-name=\"\(ODTStyleName.heading(1))\" text:outline-level=\"1\">"
        bookmark(chapter.anchor)
        text(chapter.heading)
        xml += "</text:h>\n"
        if let summary = chapter.summary { paragraph([.text(summary)], style: ODTStyleName.summary) }
        blocks(chapter.document.blocks, style: ODTStyleName.body)
    }

    // MARK: - Blocks

    mutating func blocks(_ blocks: [Block], style: String) {
        for block in blocks { self.block(block, style: style) }
    }

    private mutating func block(_ block: Block, style: String) {
        switch block {
        case .paragraph(let content), .plain(let content):
            paragraph(content, style: style)
        case .styledParagraph(_, let content):
            paragraph(content, style: style == ODTStyleName.callout ? ODTStyleName.calloutTitle : style)
        case .heading(let heading):
            self.heading(heading, style: style)
        case .codeBlock(let code):
            xml += "<text:p text:style-name=\"\(ODTStyleName.code)\">"
            text(code.text.hasSuffix("\n") ? String(code.text.dropLast()) : code.text)
            xml += "</text:p>\n"
        case .quote(let children):
            blocks(children, style: style == ODTStyleName.body ? ODTStyleName.quote : style)
        case .list(let list):
            self.list(list, style: style, nested: false)
        case .table(let table):
            self.table(table)
        case .figure(let figure):
            blocks(figure.content, style: style)
        case .graphic(let graphic):
            picture(graphic)
        case .callout(let callout):
            blocks(callout.blocks, style: ODTStyleName.callout)
        case .definitions(let list):
            for item in list.items {
                paragraph(item.term, style: ODTStyleName.term)
                paragraph(item.definition, style: ODTStyleName.definition)
            }
        case .thematicBreak:
            xml += "<text:p text:style-name=\"\(ODTStyleName.separator)\"/>\n"
        case .omittedHTML, .component:
            break
        }
    }

    private mutating func paragraph(_ content: [Inline], style: String) {
        xml += "<text:p text:style-name=\"\(style)\">"
        inlines(content)
        xml += "</text:p>\n"
    }

    private mutating func heading(_ heading: Heading, style: String) {
        // A heading inside a box or a cell stays a paragraph: the outline is the document's.
        guard style == ODTStyleName.body else {
            paragraph(heading.content, style: style == ODTStyleName.callout ? ODTStyleName.calloutTitle : style)
            return
        }
        let level = min(heading.level, 6)
        xml += "<text:h text:style-name=\"\(ODTStyleName.heading(level))\" text:outline-level=\"\(level)\">"
        if let id = heading.id { bookmark(id) }
        if let number = heading.number { text(number + " ") }
        inlines(heading.content)
        xml += "</text:h>\n"
    }

    private mutating func list(_ list: List, style: String, nested: Bool) {
        let listStyle = list.start == nil ? ODTStyleName.bullets : ODTStyleName.numbers
        xml += "<text:list text:style-name=\"\(listStyle)\">\n"
        let itemStyle = style == ODTStyleName.body || style == ODTStyleName.quote ? ODTStyleName.list : style
        for (index, item) in list.items.enumerated() {
            xml += index == 0 && (list.start ?? 1) != 1 ? "<text:list-item text:start-value=\"\(list.start!)\">" : "<text:list-item>"
            var itemBlocks = item.blocks
            if let checked = item.task { itemBlocks = TaskMark.prefixing(checked, to: itemBlocks) }
            if itemBlocks.isEmpty { xml += "<text:p text:style-name=\"\(itemStyle)\"/>" }
            for block in itemBlocks {
                if case .list(let child) = block { self.list(child, style: style, nested: true) } else { self.block(block, style: itemStyle) }
            }
            xml += "</text:list-item>\n"
        }
        xml += "</text:list>\n"
    }

    private mutating func table(_ table: Table) {
        tables += 1
        if let caption = table.caption { paragraph(caption, style: ODTStyleName.caption) }
        let columns = max(1, (table.head + table.body + table.foot).map(\.cells.count).max() ?? 1)
        xml += "<table:table table:name=\"Tableau\(tables)\" table:style-name=\"Tableau\">\n"
        xml += "<table:table-column table:style-name=\"Tableau.Colonne\" table:number-columns-repeated=\"\(columns)\"/>\n"
        if !table.head.isEmpty {
            // Repeated at the top of every page the table spans.
            xml += "<table:table-header-rows>\n"
            for row in table.head { self.row(row, columns: columns, header: true) }
            xml += "</table:table-header-rows>\n"
        }
        for row in table.body + table.foot { self.row(row, columns: columns, header: false) }
        xml += "</table:table>\n"
    }

    private mutating func row(_ row: TableRow, columns: Int, header: Bool) {
        xml += "<table:table-row>"
        for cell in row.cells {
            // Column headers dark as in print; row headers on a light ground, bold.
            let (cellStyle, style) = header || cell.kind == .columnHeader ? ("Tableau.EnTete", ODTStyleName.tableHeader)
                : cell.kind == .rowHeader ? ("Tableau.EnTeteDeLigne", ODTStyleName.rowHeader) : ("Tableau.Cellule", ODTStyleName.tableCell)
            xml += "<table:table-cell table:style-name=\"\(cellStyle)\" office:value-type=\"string\">"
            if cell.blocks.isEmpty { xml += "<text:p text:style-name=\"\(style)\"/>" }
            blocks(cell.blocks, style: style)
            xml += "</table:table-cell>"
        }
        for _ in row.cells.count..<max(columns, row.cells.count) {
            xml += "<table:table-cell table:style-name=\"Tableau.Cellule\" office:value-type=\"string\"><text:p text:style-name=\"\(ODTStyleName.tableCell)\"/></table:table-cell>"
        }
        xml += "</table:table-row>\n"
    }

    private mutating func picture(_ graphic: any Graphic) {
        guard let picture = pictures[graphic.svg()] else { return }
        embedded.append(picture)
        let number = embedded.count
        let size = picture.centimetres
        xml += "<text:p text:style-name=\"\(ODTStyleName.figure)\">"
        xml += "<draw:frame draw:style-name=\"Image\" draw:name=\"Graphique \(number)\" text:anchor-type=\"as-char\" svg:width=\"\(Self.centimetres(size.width))\" svg:height=\"\(Self.centimetres(size.height))\" draw:z-index=\"0\">"
        // The first image a reader can draw is shown: the SVG, else the 300 dpi PNG.
        xml += "<draw:image xlink:href=\"Pictures/graphique-\(number).svg\" xlink:type=\"simple\" xlink:show=\"embed\" xlink:actuate=\"onLoad\" draw:mime-type=\"image/svg+xml\"/>"
        if picture.png != nil {
            xml += "<draw:image xlink:href=\"Pictures/graphique-\(number).png\" xlink:type=\"simple\" xlink:show=\"embed\" xlink:actuate=\"onLoad\" draw:mime-type=\"image/png\"/>"
        }
        xml += "<svg:title>\(XMLText.escaped(picture.title))</svg:title>"
        xml += "</draw:frame></text:p>\n"
    }

    static func centimetres(_ value: Double) -> String {
        String(format: "%.3fcm", value)
    }

    // MARK: - Inlines

    mutating func inlines(_ inlines: [Inline]) {
        for inline in inlines { self.inline(inline) }
    }

    private mutating func inline(_ inline: Inline) {
        switch inline {
        case .text(let value):
            text(value)
        case .emphasis(let children):
            span(ODTStyleName.emphasis, children)
        case .strong(let children):
            span(ODTStyleName.strong, children)
        case .strikethrough(let children):
            span("Barre", children)
        case .code(let value):
            xml += "<text:span text:style-name=\"\(ODTStyleName.sourceText)\">"
            text(value)
            xml += "</text:span>"
        case .link(let link):
            guard let address = address(link.target) else { return inlines(link.content) }
            xml += "<text:a xlink:type=\"simple\" xlink:href=\"\(XMLText.escaped(address))\" text:style-name=\"\(ODTStyleName.link)\">"
            inlines(link.content)
            xml += "</text:a>"
        case .image(let image):
            span(ODTStyleName.emphasis, image.description)
        case .acronym(let sigle, _):
            text(sigle)
        case .noteReference(let label, let number, let occurrence):
            note(label: label, number: number, occurrence: occurrence)
        case .softBreak:
            xml += " "
        case .lineBreak:
            xml += "<text:line-break/>"
        case .span(_, let children):
            inlines(children)
        case .omittedHTML:
            break
        }
    }

    private mutating func span(_ style: String, _ children: [Inline]) {
        xml += "<text:span text:style-name=\"\(style)\">"
        inlines(children)
        xml += "</text:span>"
    }

    /// The first reference to a note writes the note; later ones refer to it.
    private mutating func note(label: String, number: Int, occurrence: Int) {
        if let id = noteIDs[label] {
            xml += "<text:span text:style-name=\"\(ODTStyleName.noteAnchor)\"><text:note-ref text:note-class=\"footnote\" text:reference-format=\"text\" text:ref-name=\"\(id)\">\(number)</text:note-ref></text:span>"
            return
        }
        guard let footnote = chapterNotes[label] else { return text(String(number)) }
        notes += 1
        let id = "note\(notes)"
        noteIDs[label] = id
        xml += "<text:note text:id=\"\(id)\" text:note-class=\"footnote\"><text:note-citation>\(number)</text:note-citation><text:note-body>"
        let saved = chapterNotes
        chapterNotes = [:] // a note cannot hold a note
        blocks(footnote.blocks, style: ODTStyleName.footnote)
        chapterNotes = saved
        xml += "</text:note-body></text:note>"
    }

    /// Where a link goes in the document: a bookmark of this document, an outside address, or
    /// nowhere (a page of another publication, an unresolved reference: the text stays).
    private func address(_ target: LinkTarget) -> String? {
        switch target {
        case .external(let url): return SafeAddress.external(url)
        case .anchor(nil, let page, let anchor): return "#" + (anchor ?? page)
        case .anchor, .chapter: return nil
        }
    }

    private mutating func bookmark(_ name: String) {
        guard bookmarks.insert(name).inserted else { return }
        xml += "<text:bookmark text:name=\"\(XMLText.escaped(name))\"/>"
    }

    /// Plain text: escaped, runs of spaces kept (`text:s`), tabs and line feeds as ODF writes them.
    mutating func text(_ value: String) {
        guard value.utf8.contains(where: { $0 == 9 || $0 == 10 || $0 == 13 }) || value.contains("  ") else {
            xml += XMLText.escaped(value)
            return
        }
        var pendingSpaces = 0
        var chunk = ""
        func flush(into xml: inout String) {
            xml += XMLText.escaped(chunk)
            chunk = ""
            guard pendingSpaces > 0 else { return }
            xml += " "
            if pendingSpaces > 1 { xml += "<text:s text:c=\"\(pendingSpaces - 1)\"/>" }
            pendingSpaces = 0
        }
        for character in value {
            switch character {
            case " ":
                if pendingSpaces == 0 { xml += XMLText.escaped(chunk); chunk = "" }
                pendingSpaces += 1
            case "\n", "\r\n", "\r":
                flush(into: &xml)
                xml += "<text:line-break/>"
            case "\t":
                flush(into: &xml)
                xml += "<text:tab/>"
            default:
                if pendingSpaces > 0 { flush(into: &xml) }
                chunk.append(character)
            }
        }
        flush(into: &xml)
    }
}
