import CCmarkGFM

/// Reads Markdown (GitHub flavour, with footnotes) into cadre's `Document`, through
/// cmark-gfm: the only place where the parsed Markdown leaves C. Fenced blocks whose info string names something other than plain code become
/// component calls; raw HTML is dropped (shown as omitted).
public enum DocumentReader {
    /// Deeper nesting (a thousand `>`) is read as plain text: writers and passes walk the tree recursively.
    static let maximumDepth = 64

    /// The document of `markdown`; positions are those of this text.
    public static func read(_ markdown: String) -> Document {
        let parsed = MarkdownDocument(markdown: markdown)
        let children = parsed.document.children
        // cmark-gfm keeps only the definitions that are referred to, last, in the order of first
        // reference. Its API gives neither a definition's label nor a reference's: the label is
        // read where the definition starts (`[^label]:`), a reference knows its number.
        let definitions = children.filter { $0.kind == .footnoteDefinition }
        var reader = State()
        if !definitions.isEmpty {
            let lines = markdown.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
            for (index, node) in definitions.enumerated() {
                reader.labels[index + 1] = label(at: node, in: lines) ?? String(index + 1)
            }
        }
        let blocks = children.filter { $0.kind != .footnoteDefinition }.flatMap { reader.blocks($0, depth: 0) }
        let footnotes = definitions.enumerated().map { index, node in
            let label = reader.labels[index + 1]!
            return Footnote(label: label, number: index + 1, blocks: node.children.flatMap { reader.blocks($0, depth: 1) }, references: reader.references[label, default: 1])
        }
        return Document(blocks: blocks, footnotes: footnotes)
    }

    /// The label of the footnote definition starting at `node`: what stands between `[^` and `]:`.
    private static func label(at node: MarkdownNode, in lines: [Substring.UTF8View]) -> String? {
        guard node.line >= 1, node.line <= lines.count else { return nil }
        let line = Substring(lines[node.line - 1])
        guard let open = line.range(of: "[^"), let close = line.range(of: "]:", range: open.upperBound..<line.endIndex) else { return nil }
        return String(line[open.upperBound..<close.lowerBound])
    }

    /// Info strings that keep a fenced block as a plain code block.
    static let plainCode: Set<String> = ["", "text", "texte"]

    private struct State {
        /// Footnote number → label, learnt from the definitions (a reference only knows its number).
        var labels: [Int: String] = [:]
        /// How many times each footnote label was referred to so far.
        var references: [String: Int] = [:]

        mutating func blocks(_ node: MarkdownNode, depth: Int, tight: Bool = false) -> [Block] {
            if depth > maximumDepth { return [.paragraph([.text(node.plainText)])] }
            switch node.kind {
            case .paragraph:
                let content = inlines(node.children, depth: depth)
                return [tight ? .plain(content) : .paragraph(content)]
            case .heading:
                return [.heading(Heading(level: node.headingLevel, content: inlines(node.children, depth: depth), position: SourcePosition(line: node.line, column: node.column)))]
            case .codeBlock:
                let name = node.fenceInfo.split(separator: " ").first.map(String.init) ?? ""
                if plainCode.contains(name) {
                    return [.codeBlock(CodeBlock(language: name.isEmpty ? nil : name, text: node.literal))]
                }
                return [.component(ComponentCall(name: name, body: node.literal, position: SourcePosition(line: node.line, column: node.column)))]
            case .htmlBlock:
                return [.omittedHTML]
            case .blockQuote:
                return [.quote(node.children.flatMap { blocks($0, depth: depth + 1) })]
            case .list:
                let tight = node.isTight
                let items = node.children.map { item in
                    ListItem(blocks: item.children.flatMap { blocks($0, depth: depth + 1, tight: tight) }, task: item.task)
                }
                return [.list(List(start: node.listStart, items: items))]
            case .table:
                return [.table(table(node, depth: depth))]
            case .thematicBreak:
                return [.thematicBreak]
            default:
                return []
            }
        }

        mutating func table(_ node: MarkdownNode, depth: Int) -> Table {
            let alignments: [Table.Alignment] = node.tableAlignments.map {
                switch $0 {
                case UInt8(ascii: "l"): .left
                case UInt8(ascii: "c"): .center
                case UInt8(ascii: "r"): .right
                default: .none
                }
            }
            var table = Table(alignments: alignments)
            for row in node.children {
                let header = row.isHeaderRow
                let cells = row.children.map { TableCell(header ? .columnHeader : .data, inlines($0.children, depth: depth + 1)) }
                if header { table.head.append(TableRow(cells: cells)) } else { table.body.append(TableRow(cells: cells)) }
            }
            return table
        }

        mutating func inlines(_ nodes: [MarkdownNode], depth: Int) -> [Inline] {
            nodes.flatMap { inline($0, depth: depth + 1) }
        }

        mutating func inline(_ node: MarkdownNode, depth: Int) -> [Inline] {
            if depth > maximumDepth { return [.text(node.plainText)] }
            switch node.kind {
            case .text: return [.text(node.literal)]
            case .code: return [.code(node.literal)]
            case .emphasis: return [.emphasis(inlines(node.children, depth: depth))]
            case .strong: return [.strong(inlines(node.children, depth: depth))]
            case .strikethrough: return [.strikethrough(inlines(node.children, depth: depth))]
            case .softBreak: return [.softBreak]
            case .lineBreak: return [.lineBreak]
            case .htmlInline: return [.omittedHTML]
            case .link:
                let position = SourcePosition(line: node.line, column: node.column)
                return [.link(Link(target: LinkTarget(written: node.url), title: node.title, content: inlines(node.children, depth: depth), position: position))]
            case .image:
                return [.image(Image(source: node.url, title: node.title, description: inlines(node.children, depth: depth)))]
            case .footnoteReference:
                let number = Int(node.literal) ?? 0
                let label = labels[number] ?? node.literal
                references[label, default: 0] += 1
                return [.noteReference(label: label, number: number, occurrence: references[label]!)]
            default:
                return inlines(node.children, depth: depth)
            }
        }
    }
}

extension LinkTarget {
    /// A link as an author wrote it: a chapter file and/or a fragment (`07-cadre-logique.md#x`,
    /// `#x`) is a cross-reference to resolve; anything else is an address.
    public init(written url: String) {
        if url.contains(":") || url.hasPrefix("//") {
            self = .external(url)
            return
        }
        let parts = url.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
        let path = parts[0]
        let fragment = parts.count > 1 && !parts[1].isEmpty ? parts[1] : nil
        guard path.isEmpty || path.hasSuffix(".md") else {
            self = .external(url)
            return
        }
        let file = path.isEmpty ? nil : String(path.split(separator: "/").last ?? "")
        self = file == nil && fragment == nil ? .external(url) : .chapter(file: file, fragment: fragment, written: url)
    }
}
