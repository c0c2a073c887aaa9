/// Writes a `Document` as HTML: the chapter bodies of the site pages and of the single print
/// page. Markdown constructs come out as cmark-gfm writes them (so that pages built before the
/// document tree read the same); text is escaped here and nowhere else.
public struct HTMLWriter: Sendable {
    /// Where cross-references point.
    public enum Links: Sendable {
        /// One page per chapter: `cadre-logique.html#indicateurs`.
        case pages
        /// Every chapter in one page: `#indicateurs`.
        case singlePage
    }

    /// How cross-references are written.
    public var links: Links
    /// The path from the written page to the output folder, for links into another
    /// publication (`../` from a site page, `../../` from a strategy document).
    public var outputRoot: String
    /// The name of the footnotes' region: unique on a page that holds several chapters.
    public var notesLabel = "Notes"
    /// Levels added to every heading: 1 where the chapter's own title is an `h2` (a strategy
    /// document, whose `h1` is the document's), so that sections are `h3`.
    public var headingOffset = 0

    /// A writer for pages of a publication's site (by default) or for a single page.
    public init(links: Links = .pages, outputRoot: String = "../") {
        self.links = links
        self.outputRoot = outputRoot
    }

    /// The HTML of `document`.
    public func write(_ document: Document) -> String {
        var html = HTMLBuffer()
        blocks(document.blocks, into: &html)
        if !document.footnotes.isEmpty { footnotes(document.footnotes, into: &html) }
        return html.text
    }

    /// The HTML of some blocks (a passage).
    public func write(_ blocks: [Block]) -> String {
        var html = HTMLBuffer()
        self.blocks(blocks, into: &html)
        return html.text
    }

    // MARK: - Blocks

    func blocks(_ blocks: [Block], into html: inout HTMLBuffer) {
        for block in blocks { self.block(block, into: &html) }
    }

    func block(_ block: Block, into html: inout HTMLBuffer, backReferences: String? = nil) {
        switch block {
        case .paragraph(let content):
            html.newLine()
            html += "<p>"
            inlines(content, into: &html)
            if let backReferences { html += " " + backReferences }
            html += "</p>\n"
        case .styledParagraph(let attributes, let content):
            html.newLine()
            html += "<p\(Self.attributes(attributes))>"
            inlines(content, into: &html)
            html += "</p>\n"
        case .plain(let content):
            inlines(content, into: &html)
        case .heading(let heading):
            self.heading(heading, into: &html)
        case .codeBlock(let code):
            html.newLine()
            html += code.language.map { "<pre><code class=\"language-\(Self.escaped($0))\">" } ?? "<pre><code>"
            html += Self.escaped(code.text)
            html += "</code></pre>\n"
        case .quote(let children):
            html.newLine()
            html += "<blockquote>\n"
            blocks(children, into: &html)
            html.newLine()
            html += "</blockquote>\n"
        case .list(let list):
            self.list(list, into: &html)
        case .table(let table):
            self.table(table, into: &html)
        case .figure(let figure):
            html.newLine()
            html += "<figure\(Self.attributes(figure.attributes))>"
            blocks(figure.content, into: &html)
            // A picture closes its frame on its own line's end; a table has ended its line.
            if case .graphic = figure.content.last {} else { html.newLine() }
            html += "</figure>\n"
        case .graphic(let graphic):
            html += graphic.svg()
        case .callout(let callout):
            html.newLine()
            html += "<aside\(Self.attributes(callout.attributes))>\n"
            blocks(callout.blocks, into: &html)
            html.newLine()
            html += "</aside>\n"
        case .definitions(let list):
            html.newLine()
            html += "<dl\(Self.attributes(list.attributes))>\n"
            for (index, item) in list.items.enumerated() {
                if index > 0 { html += "\n" }
                html += "<dt>"
                inlines(item.term, into: &html)
                html += "</dt><dd>"
                inlines(item.definition, into: &html)
                html += "</dd>"
            }
            html += "\n</dl>\n"
        case .thematicBreak:
            html.newLine()
            html += "<hr />\n"
        case .omittedHTML:
            html.newLine()
            html += "<!-- raw HTML omitted -->"
            html.newLine()
        case .component:
            // Replaced by the component pass; one left means the pass reported it.
            break
        }
    }

    private func heading(_ heading: Heading, into html: inout HTMLBuffer) {
        html.newLine()
        let level = min(heading.level + headingOffset, 6)
        guard let id = heading.id else {
            html += "<h\(level)>"
            inlines(heading.content, into: &html)
            html += "</h\(level)>\n"
            return
        }
        html += "<h\(level) id=\"\(Self.escaped(id))\">\n"
        if let number = heading.number { html += "<span class=\"numero\">\(number)</span> " }
        inlines(heading.content, into: &html)
        html += "\n</h\(level)>\n"
    }

    private func list(_ list: List, into html: inout HTMLBuffer) {
        // In a table cell a list is written on one line, as the cell itself.
        let end = html.compact ? "" : "\n"
        if !html.compact { html.newLine() }
        if let start = list.start {
            html += (start == 1 ? "<ol>" : "<ol start=\"\(start)\">") + end
        } else {
            html += "<ul>" + end
        }
        for item in list.items {
            if !html.compact { html.newLine() }
            html += "<li>"
            if let checked = item.task { html += checked ? "<input type=\"checkbox\" checked=\"\" disabled=\"\" /> " : "<input type=\"checkbox\" disabled=\"\" /> " }
            blocks(item.blocks, into: &html)
            html += "</li>" + end
        }
        html += (list.start == nil ? "</ul>" : "</ol>") + end
    }

    private func table(_ table: Table, into html: inout HTMLBuffer) {
        html.newLine()
        html += "<table\(Self.attributes(table.attributes))>\n"
        if let caption = table.caption {
            html += "<caption>"
            inlines(caption, into: &html)
            html += "</caption>\n"
        }
        if !table.head.isEmpty {
            html += "<thead>"
            for row in table.head { self.row(row, alignments: table.alignments, into: &html) }
            html += "</thead>\n"
        }
        html += "<tbody>\n"
        for row in table.body {
            self.row(row, alignments: table.alignments, into: &html)
            html += "\n"
        }
        html += "</tbody>\n"
        if !table.foot.isEmpty {
            html += "<tfoot>"
            for row in table.foot { self.row(row, alignments: table.alignments, into: &html) }
            html += "</tfoot>\n"
        }
        html += "</table>\n"
    }

    private func row(_ row: TableRow, alignments: [Table.Alignment], into html: inout HTMLBuffer) {
        html += "<tr\(Self.attributes(row.attributes))>"
        for (index, cell) in row.cells.enumerated() {
            let tag: String
            switch cell.kind {
            case .data: tag = "td"
            case .columnHeader: tag = "th scope=\"col\""
            case .rowHeader: tag = "th scope=\"row\""
            }
            var align = ""
            if index < alignments.count {
                switch alignments[index] {
                case .left: align = " align=\"left\""
                case .center: align = " align=\"center\""
                case .right: align = " align=\"right\""
                case .none: break
                }
            }
            html += "<\(tag)\(align)\(Self.attributes(cell.attributes))>"
            // A cell's blocks start right after its tag and end at its closing tag, lists on one line.
            let compact = html.compact
            html.compact = true
            html.startsInline = true
            blocks(cell.blocks, into: &html)
            html.startsInline = false
            html.dropFinalNewLine()
            html.compact = compact
            html += cell.kind == .data ? "</td>" : "</th>"
        }
        html += "</tr>"
    }

    private func footnotes(_ notes: [Footnote], into html: inout HTMLBuffer) {
        html.newLine()
        html += "<section class=\"footnotes\" data-footnotes aria-label=\"\(notesLabel.htmlEscaped)\">\n<ol>\n"
        for note in notes {
            let label = Self.hrefEscaped(note.label)
            html += "<li id=\"fn-\(label)\">\n"
            var backReferences = "<a href=\"#fnref-\(label)\" class=\"footnote-backref\" data-footnote-backref aria-label=\"Retour au texte\">↩</a>"
            if note.references > 1 {
                for occurrence in 2...note.references {
                    backReferences += " <a href=\"#fnref-\(label)-\(occurrence)\" class=\"footnote-backref\" data-footnote-backref aria-label=\"Retour au texte\">↩<sup class=\"footnote-ref\">\(occurrence)</sup></a>"
                }
            }
            // The back links end the last paragraph, as cmark-gfm writes them.
            for (index, block) in note.blocks.enumerated() {
                if index == note.blocks.count - 1, case .paragraph = block {
                    self.block(block, into: &html, backReferences: backReferences)
                    backReferences = ""
                } else {
                    self.block(block, into: &html)
                }
            }
            if !backReferences.isEmpty { html += backReferences + "\n" }
            html += "</li>\n"
        }
        html += "</ol>\n</section>\n"
    }

    // MARK: - Inlines

    func inlines(_ inlines: [Inline], into html: inout HTMLBuffer) {
        for inline in inlines { self.inline(inline, into: &html) }
    }

    private func inline(_ inline: Inline, into html: inout HTMLBuffer) {
        switch inline {
        case .text(let text):
            html.appendEscaped(text)
        case .emphasis(let children):
            html += "<em>"
            inlines(children, into: &html)
            html += "</em>"
        case .strong(let children):
            html += "<strong>"
            inlines(children, into: &html)
            html += "</strong>"
        case .strikethrough(let children):
            html += "<del>"
            inlines(children, into: &html)
            html += "</del>"
        case .code(let text):
            html += "<code>" + Self.escaped(text) + "</code>"
        case .link(let link):
            html += "<a href=\"" + href(link.target) + "\""
            if !link.title.isEmpty { html += " title=\"" + Self.escaped(link.title) + "\"" }
            html += ">"
            inlines(link.content, into: &html)
            html += "</a>"
        case .image(let image):
            html += "<img src=\"" + Self.safeHref(image.source) + "\" alt=\"" + Self.escaped(Inline.plainText(image.description)) + "\""
            if !image.title.isEmpty { html += " title=\"" + Self.escaped(image.title) + "\"" }
            html += " />"
        case .acronym(let sigle, let definition):
            html += "<abbr title=\"" + definition.htmlEscaped + "\">" + Self.escaped(sigle) + "</abbr>"
        case .noteReference(let label, let number, let occurrence):
            let label = Self.hrefEscaped(label)
            html += "<sup class=\"footnote-ref\"><a href=\"#fn-\(label)\" id=\"fnref-\(label)\(occurrence > 1 ? "-\(occurrence)" : "")\" data-footnote-ref>\(number)</a></sup>"
        case .softBreak:
            html += "\n"
        case .lineBreak:
            html += "<br />\n"
        case .span(let attributes, let children):
            html += "<span\(Self.attributes(attributes))>"
            inlines(children, into: &html)
            html += "</span>"
        case .omittedHTML:
            html += "<!-- raw HTML omitted -->"
        }
    }

    /// The address a link target gets on this page.
    func href(_ target: LinkTarget) -> String {
        switch target {
        case .external(let url):
            return Self.safeHref(url)
        case .chapter(_, _, let written):
            // Unresolved (the pass reported it): kept as written.
            return Self.hrefEscaped(written)
        case .anchor(let publication?, let page, let anchor):
            return Self.hrefEscaped("\(outputRoot)\(publication)/\(page).html" + (anchor.map { "#\($0)" } ?? ""))
        case .anchor(nil, let page, let anchor):
            switch links {
            case .pages: return Self.hrefEscaped("\(page).html" + (anchor.map { "#\($0)" } ?? ""))
            case .singlePage: return "#" + Self.hrefEscaped(anchor ?? page)
            }
        }
    }

    // MARK: - Escaping

    /// ` id="…" class="…" name="…"`, values escaped.
    static func attributes(_ attributes: Attributes) -> String {
        guard !attributes.isEmpty else { return "" }
        var text = ""
        if let id = attributes.id { text += " id=\"\(id.htmlEscaped)\"" }
        if !attributes.classes.isEmpty { text += " class=\"\(attributes.classes.joined(separator: " ").htmlEscaped)\"" }
        for pair in attributes.pairs { text += " \(pair.name)=\"\(pair.value.htmlEscaped)\"" }
        return text
    }

    /// Text in HTML: `&`, `<`, `>` and `"` escaped, as cmark-gfm does (`'` is left: text and
    /// attributes are always in double quotes).
    static func escaped(_ text: String) -> String {
        var buffer = HTMLBuffer()
        buffer.appendEscaped(text)
        return buffer.text
    }

    /// An address, or nothing for a scheme that runs code or reads local files (`javascript:`,
    /// `vbscript:`, `file:`, `data:` but images), as cmark-gfm does.
    static func safeHref(_ url: String) -> String {
        let lower = url.prefix(20).lowercased()
        for scheme in ["javascript:", "vbscript:", "file:"] where lower.hasPrefix(scheme) { return "" }
        if lower.hasPrefix("data:"), !["data:image/png", "data:image/gif", "data:image/jpeg", "data:image/webp"].contains(where: { lower.hasPrefix($0) }) { return "" }
        return hrefEscaped(url)
    }

    /// An address percent-encoded as cmark-gfm does: safe characters kept, `&` and `'` as entities.
    static func hrefEscaped(_ url: String) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(url.utf8.count)
        let hex = Array("0123456789ABCDEF".utf8)
        for byte in url.utf8 {
            if byte < 128, hrefSafe[Int(byte)] {
                bytes.append(byte)
            } else if byte == UInt8(ascii: "&") {
                bytes += Array("&amp;".utf8)
            } else if byte == UInt8(ascii: "'") {
                bytes += Array("&#x27;".utf8)
            } else {
                bytes += [UInt8(ascii: "%"), hex[Int(byte >> 4)], hex[Int(byte & 0xF)]]
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `-_.+!*(),%#@?=;:/$~` and letters and digits: kept as they are in an address.
    private static let hrefSafe: [Bool] = (0..<128).map { byte in
        let scalar = Unicode.Scalar(UInt8(byte))
        return ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar) || "-_.+!*(),%#@?=;:/$~".unicodeScalars.contains(scalar)
    }
}

/// Text being written, with cmark-gfm's rule for block starts: a block begins on a new line.
struct HTMLBuffer {
    private(set) var text = ""
    /// Whether lists are written on one line (in a table cell).
    var compact = false
    /// Whether the next block starts where the text is, not on a new line (a cell's first block).
    var startsInline = false

    /// Ends the current line, unless nothing is written yet, it has just ended, or a cell has
    /// just opened.
    mutating func newLine() {
        if startsInline {
            startsInline = false
            return
        }
        if let last = text.utf8.last, last != UInt8(ascii: "\n") { text += "\n" }
    }

    static func += (buffer: inout HTMLBuffer, text: String) {
        buffer.startsInline = false
        buffer.text += text
    }

    /// Drops the line break that ends a cell's last block.
    mutating func dropFinalNewLine() {
        if text.utf8.last == UInt8(ascii: "\n") { text.removeLast() }
    }

    /// Appends `value` escaped as `HTMLWriter.escaped` does, without building it first.
    mutating func appendEscaped(_ value: String) {
        startsInline = false
        var utf8 = value
        utf8.withUTF8 { bytes in
            var start = 0
            for index in 0..<bytes.count {
                let entity: String
                switch bytes[index] {
                case 38: entity = "&amp;"
                case 60: entity = "&lt;"
                case 62: entity = "&gt;"
                case 34: entity = "&quot;"
                default: continue
                }
                if start < index { text += String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self) }
                text += entity
                start = index + 1
            }
            if start == 0 {
                text += value
            } else if start < bytes.count {
                text += String(decoding: UnsafeBufferPointer(rebasing: bytes[start...]), as: UTF8.self)
            }
        }
    }
}
