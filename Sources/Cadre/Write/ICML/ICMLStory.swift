/// Writes one chapter as the body of an InCopy story: a `ParagraphStyleRange` per paragraph,
/// `CharacterStyleRange`s inside, text escaped by `XMLText` only. Tables are ICML tables,
/// footnotes real footnotes, schemas anchored frames placing their PDF, cross-references the
/// text the passes gave them (the target's number and title). Styles are those of `ICMLStyles`.
struct ICMLStory {
    /// The story's identifier (`Self`), unique in the IDML document.
    let id: String
    /// The file name (without extension) of each schema's SVG and PDF, by the schema's SVG.
    let figureNames: [String: String]
    /// Where the schemas' PDFs are, relative to the file that holds the story.
    let figureFolder: String
    /// The number of each heading and chapter of the publication, keyed `page#anchor` (and
    /// `page` for a chapter): a cross-reference shows its target's number after its text.
    var targets: [String: String] = [:]
    private(set) var xml = ""
    /// The schemas placed, in order: their file names.
    private(set) var placed: [String] = []
    private var tables = 0
    private var frames = 0
    private var notes: [String: Footnote] = [:]
    private var written: Set<String> = []
    /// The number the next numbered item restarts from.
    private var restart: Int?

    static let noCharacterStyle = "CharacterStyle/$ID/[No character style]"

    init(id: String, figureNames: [String: String], figureFolder: String = "figures/") {
        self.id = id
        self.figureNames = figureNames
        self.figureFolder = figureFolder
    }

    /// The chapter: its number, its title, its summary, then its body.
    mutating func chapter(_ chapter: EditableChapter) {
        notes = Dictionary(chapter.document.footnotes.map { ($0.label, $0) }, uniquingKeysWith: { first, _ in first })
        if let number = chapter.number { paragraph([.text(String(number))], style: "chapitre-numero") }
        paragraph([.text(chapter.title)], style: "h1")
        if let summary = chapter.summary { paragraph([.text(summary)], style: "resume") }
        blocks(chapter.document.blocks, style: "p")
    }

    /// The numbers cross-references show: each numbered chapter's and each numbered heading's.
    static func targets(_ chapters: [EditableChapter]) -> [String: String] {
        var targets: [String: String] = [:]
        for chapter in chapters {
            if let number = chapter.number { targets[chapter.anchor] = String(number) }
            chapter.document.forEachBlock { block in
                guard case .heading(let heading) = block, let id = heading.id, let number = heading.number else { return }
                targets["\(chapter.anchor)#\(id)"] = number
            }
        }
        return targets
    }

    /// A few paragraphs of plain text (the IDML cover).
    mutating func plain(_ lines: [(String, String)]) {
        for (text, style) in lines { paragraph([.text(text)], style: style) }
    }

    /// The story element, closed: `<Br/>` ends every paragraph but the last.
    func story(title: String) -> String {
        var body = xml
        if let range = body.range(of: "<Br/></CharacterStyleRange></ParagraphStyleRange>\n", options: .backwards), range.upperBound == body.endIndex {
            body.replaceSubrange(range, with: "</CharacterStyleRange></ParagraphStyleRange>\n")
        }
        return "<Story Self=\"\(id)\" AppliedTOCStyle=\"n\" TrackChanges=\"false\" StoryTitle=\"\(XMLText.escaped(title))\" AppliedNamedGrid=\"n\">"
            + "<StoryPreference OpticalMarginAlignment=\"false\" OpticalMarginSize=\"12\" FrameType=\"TextFrameType\" StoryOrientation=\"Horizontal\" StoryDirection=\"LeftToRightDirection\"/>\n"
            + body + "</Story>\n"
    }

    // MARK: - Blocks

    private mutating func blocks(_ blocks: [Block], style: String) {
        for block in blocks { self.block(block, style: style) }
    }

    private mutating func block(_ block: Block, style: String) {
        switch block {
        case .paragraph(let content), .plain(let content):
            paragraph(content, style: style)
        case .styledParagraph(let attributes, let content):
            let label = attributes.classes.contains("selon-type-etiquette") || style == "aside.selon-type"
            paragraph(content, style: label ? "selon-type-etiquette" : style)
        case .heading(let heading):
            var content = heading.content
            if let number = heading.number { content = [.span(.classes("numero"), [.text(number)]), .text(" ")] + content }
            paragraph(content, style: style == "p" ? "h\(min(max(heading.level, 2), 4))" : style)
        case .codeBlock(let code):
            paragraph([.text(code.text.hasSuffix("\n") ? String(code.text.dropLast()) : code.text)], style: "pre")
        case .quote(let children):
            blocks(children, style: style == "p" ? "blockquote" : style)
        case .list(let list):
            self.list(list, style: style)
        case .table(let table):
            self.table(table)
        case .figure(let figure):
            blocks(figure.content, style: style)
        case .graphic(let graphic):
            self.graphic(graphic)
        case .callout(let callout):
            blocks(callout.blocks, style: "aside.selon-type")
        case .definitions(let list):
            for item in list.items {
                paragraph(item.term, style: "dt")
                paragraph(item.definition, style: "dd")
            }
        case .thematicBreak:
            paragraph([], style: "hr")
        case .omittedHTML, .component:
            break
        }
    }

    private mutating func paragraph(_ content: [Inline], style: String) {
        open(style)
        inlines(content, character: Self.noCharacterStyle)
        xml += "<CharacterStyleRange AppliedCharacterStyle=\"\(Self.noCharacterStyle)\"><Br/></CharacterStyleRange></ParagraphStyleRange>\n"
    }

    private mutating func open(_ style: String) {
        xml += "<ParagraphStyleRange AppliedParagraphStyle=\"ParagraphStyle/\(XMLText.escaped(style))\""
        if let start = restart {
            xml += " NumberingContinue=\"false\" NumberingStartAt=\"\(start)\""
            restart = nil
        }
        xml += ">"
    }

    private mutating func list(_ list: List, style: String) {
        // Bullets and numbers are the paragraph style's (InDesign's lists), not text: the
        // story says what the HTML says.
        let itemStyle = style == "p" || style == "blockquote" ? (list.start == nil ? "li" : "ol-li") : style
        for (index, item) in list.items.enumerated() {
            var itemBlocks = item.blocks
            if let checked = item.task { itemBlocks = TaskMark.prefixing(checked, to: itemBlocks) }
            if index == 0, let start = list.start, itemStyle == "ol-li" { restart = start }
            if itemBlocks.isEmpty { itemBlocks = [.plain([])] }
            blocks(itemBlocks, style: itemStyle)
        }
    }

    private mutating func table(_ table: Table) {
        tables += 1
        if let caption = table.caption { paragraph(caption, style: "caption") }
        let rows = table.head + table.body + table.foot
        let columns = max(1, rows.map(\.cells.count).max() ?? 1)
        let name = "\(id)_tableau\(tables)"
        open("p")
        xml += "<CharacterStyleRange AppliedCharacterStyle=\"\(Self.noCharacterStyle)\">"
        xml += "<Table Self=\"\(name)\" HeaderRowCount=\"\(table.head.count)\" FooterRowCount=\"\(table.foot.count)\" BodyRowCount=\"\(table.body.count)\" ColumnCount=\"\(columns)\" AppliedTableStyle=\"TableStyle/\(ICMLStyles.table)\" TableDirection=\"LeftToRightDirection\">\n"
        let width = ICMLStory.textWidth / Double(columns)
        for (index, row) in rows.enumerated() {
            // Rows grow with their text in InDesign; a reader that does not grow them
            // (Scribus) gets a height from the text's length.
            let height = row.cells.map { Self.estimatedHeight(of: $0.blocks, width: width) }.max() ?? 14
            xml += "<Row Self=\"\(name)Row\(index)\" Name=\"\(index)\" SingleRowHeight=\"\(ICMLStyles.number(height))\" MinimumHeight=\"14\" AutoGrow=\"true\"/>"
        }
        for column in 0..<columns { xml += "<Column Self=\"\(name)Column\(column)\" Name=\"\(column)\" SingleColumnWidth=\"\(ICMLStyles.number(width))\"/>" }
        xml += "\n"
        for (rowIndex, row) in rows.enumerated() {
            let header = rowIndex < table.head.count
            for column in 0..<columns {
                let cell = column < row.cells.count ? row.cells[column] : TableCell(.data, blocks: [])
                let style = header || cell.kind == .columnHeader ? "th" : cell.kind == .rowHeader ? "th-ligne" : "td"
                let fill = ICMLStyles.cells.first { $0.name == style }?.fill.map { " FillColor=\"Color/\($0)\"" } ?? ""
                xml += "<Cell Self=\"\(name)i\(column)i\(rowIndex)\" Name=\"\(column):\(rowIndex)\" RowSpan=\"1\" ColumnSpan=\"1\" AppliedCellStyle=\"CellStyle/\(style)\" AppliedCellStylePriority=\"0\"\(fill)>"
                let saved = xml
                xml = ""
                blocks(cell.blocks.isEmpty ? [.plain([])] : cell.blocks, style: style)
                xml = saved + Self.closingLastBreak(xml) + "</Cell>\n"
            }
        }
        xml += "</Table></CharacterStyleRange><CharacterStyleRange AppliedCharacterStyle=\"\(Self.noCharacterStyle)\"><Br/></CharacterStyleRange></ParagraphStyleRange>\n"
    }

    /// A cell's height for its text: lines of 8.2 pt Lato (about 4.2 pt a character) at 10.5 pt
    /// leading, with the cell's insets.
    static func estimatedHeight(of blocks: [Block], width: Double) -> Double {
        var lines = 0.0
        func count(_ blocks: [Block]) {
            for block in blocks {
                switch block {
                case .paragraph(let content), .plain(let content), .styledParagraph(_, let content):
                    lines += max(1, (Double(Inline.plainText(content).count) * 4.2 / max(width - 8, 20)).rounded(.up))
                case .list(let list): for item in list.items { count(item.blocks) }
                case .quote(let children): count(children)
                default: lines += 1
                }
            }
        }
        count(blocks)
        return max(14, max(lines, 1) * 10.5 + 6)
    }

    /// A cell's last paragraph ends the cell, not with a break.
    private static func closingLastBreak(_ xml: String) -> String {
        let ending = "<CharacterStyleRange AppliedCharacterStyle=\"\(noCharacterStyle)\"><Br/></CharacterStyleRange></ParagraphStyleRange>\n"
        guard xml.hasSuffix(ending) else { return xml }
        return String(xml.dropLast(ending.count)) + "</ParagraphStyleRange>"
    }

    /// The schema as an anchored frame placing its PDF (`figures/<id>.pdf` beside the story).
    private mutating func graphic(_ graphic: any Graphic) {
        let svg = graphic.svg()
        guard let name = figureNames[svg] else { return }
        placed.append(name)
        frames += 1
        let (width, height) = Picture.size(of: svg)
        // CSS pixels to points, scaled down to the text width.
        var w = width * 0.75, h = height * 0.75
        if w > Self.textWidth { h *= Self.textWidth / w; w = Self.textWidth }
        let frame = "\(id)_schema\(frames)"
        let (sw, sh) = (ICMLStyles.number(w), ICMLStyles.number(h))
        open("figure.schema")
        xml += "<CharacterStyleRange AppliedCharacterStyle=\"\(Self.noCharacterStyle)\">"
        xml += "<Rectangle Self=\"\(frame)\" ContentType=\"GraphicType\" StrokeWeight=\"0\" ItemTransform=\"1 0 0 1 0 0\" Name=\"\(XMLText.escaped(name))\">"
        xml += "<Properties><PathGeometry><GeometryPathType PathOpen=\"false\"><PathPointArray>"
        for (x, y) in [("0", "0"), ("0", sh), (sw, sh), (sw, "0")] {
            xml += "<PathPointType Anchor=\"\(x) \(y)\" LeftDirection=\"\(x) \(y)\" RightDirection=\"\(x) \(y)\"/>"
        }
        xml += "</PathPointArray></GeometryPathType></PathGeometry></Properties>"
        xml += "<AnchoredObjectSetting AnchoredPosition=\"InlinePosition\"/>"
        xml += "<PDF Self=\"\(frame)_pdf\" ItemTransform=\"\(ICMLStyles.number(w / (width * 0.75))) 0 0 \(ICMLStyles.number(h / (height * 0.75))) 0 0\">"
        xml += "<Properties><Profile type=\"string\">$ID/Embedded</Profile></Properties>"
        xml += "<PDFAttribute PageNumber=\"1\" PDFCrop=\"CropContentVisibleLayers\" TransparentBackground=\"true\"/>"
        xml += "<Link Self=\"\(frame)_lien\" LinkResourceURI=\"file:\(figureFolder)\(XMLText.escaped(name)).pdf\" LinkResourceFormat=\"$ID/Adobe Portable Document Format (PDF)\" StoredState=\"Normal\"/>"
        xml += "</PDF></Rectangle></CharacterStyleRange>"
        xml += "<CharacterStyleRange AppliedCharacterStyle=\"\(Self.noCharacterStyle)\"><Br/></CharacterStyleRange></ParagraphStyleRange>\n"
    }

    /// The text width of an A4 page with the print margins, in points (tables and schemas
    /// are set to it; the layout provider adjusts).
    static let textWidth = 481.9

    // MARK: - Inlines

    private mutating func inlines(_ inlines: [Inline], character: String) {
        for inline in inlines { self.inline(inline, character: character) }
    }

    private mutating func inline(_ inline: Inline, character: String) {
        switch inline {
        case .text(let value):
            run(value, character)
        case .emphasis(let children):
            inlines(children, character: "CharacterStyle/em")
        case .strong(let children):
            inlines(children, character: "CharacterStyle/strong")
        case .strikethrough(let children):
            inlines(children, character: "CharacterStyle/s")
        case .code(let value):
            run(value, "CharacterStyle/code")
        case .link(let link):
            inlines(link.content, character: "CharacterStyle/a")
            // Print adds the target's page (CSS); a story to be laid out again says which section.
            if case .anchor(nil, let page, let anchor) = link.target,
               let number = targets[anchor.map { "\(page)#\($0)" } ?? page] ?? targets[page],
               !Inline.plainText(link.content).contains(number) {
                run("\u{00A0}(\(number))", "CharacterStyle/renvoi-numero")
            }
        case .image(let image):
            inlines(image.description, character: "CharacterStyle/em")
        case .acronym(let sigle, _):
            run(sigle, "CharacterStyle/abbr")
        case .noteReference(let label, let number, _):
            note(label: label, number: number)
        case .softBreak:
            run(" ", character)
        case .lineBreak:
            // A forced line break inside the paragraph (U+2028).
            run("\u{2028}", character)
        case .span(let attributes, let children):
            inlines(children, character: attributes.classes.contains("numero") ? "CharacterStyle/numero" : character)
        case .omittedHTML:
            break
        }
    }

    private mutating func run(_ text: String, _ character: String) {
        guard !text.isEmpty else { return }
        // Tabs and line feeds inside a paragraph are written as InDesign's own characters.
        let cleaned = text.replacingOccurrences(of: "\r\n", with: "\u{2028}").replacingOccurrences(of: "\n", with: "\u{2028}")
        xml += "<CharacterStyleRange AppliedCharacterStyle=\"\(character)\"><Content>\(XMLText.escaped(cleaned))</Content></CharacterStyleRange>"
    }

    /// The first reference writes the footnote; later ones repeat its number as a call.
    private mutating func note(label: String, number: Int) {
        guard let footnote = notes[label], written.insert(label).inserted else {
            run(String(number), "CharacterStyle/footnote-ref")
            return
        }
        xml += "<CharacterStyleRange AppliedCharacterStyle=\"CharacterStyle/footnote-ref\" Position=\"Superscript\"><Footnote>"
        let saved = xml, savedNotes = notes
        xml = ""
        notes = [:]
        blocks(footnote.blocks, style: "footnotes")
        let body = Self.closingLastBreak(xml)
        notes = savedNotes
        // InDesign numbers the note itself (<?ACE 4?>, the footnote number marker).
        let marker = "<ParagraphStyleRange AppliedParagraphStyle=\"ParagraphStyle/footnotes\"><CharacterStyleRange AppliedCharacterStyle=\"\(Self.noCharacterStyle)\"><Content><?ACE 4?></Content></CharacterStyleRange><CharacterStyleRange AppliedCharacterStyle=\"\(Self.noCharacterStyle)\"><Content>\t</Content></CharacterStyleRange>"
        let opening = "<ParagraphStyleRange AppliedParagraphStyle=\"ParagraphStyle/footnotes\">"
        xml = saved + (body.hasPrefix(opening) ? marker + body.dropFirst(opening.count) : marker + "</ParagraphStyleRange>" + body)
        xml += "</Footnote></CharacterStyleRange>"
    }
}
