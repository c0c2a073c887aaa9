/// The one traversal every pass uses: each block of a document, nested ones included (list
/// items, quotes, table cells, callouts, footnotes), and each run of inlines.
extension Document {
    /// Calls `visit` on every block, parents before their children; `visit` may change the block.
    public mutating func updateBlocks(_ visit: (inout Block) -> Void) {
        Block.update(&blocks, visit)
        for index in footnotes.indices { Block.update(&footnotes[index].blocks, visit) }
    }

    /// Replaces every run of inlines (a paragraph, a heading, a cell, a caption, a link's text…)
    /// by `transform` of it, innermost runs first.
    public mutating func updateInlines(_ transform: ([Inline]) -> [Inline]) {
        updateBlocks { $0.updateOwnInlines { Inline.update($0, transform) } }
    }

    /// Replaces every outermost run of inlines by `transform` of it: for passes that walk
    /// nested runs themselves because what is around matters (no acronym inside a link).
    public mutating func updateOutermostInlines(_ transform: ([Inline]) -> [Inline]) {
        updateBlocks { $0.updateOwnInlines(transform) }
    }

    /// Replaces every block, nested ones included, by what `transform` makes of it (nothing,
    /// itself, or several blocks); children are transformed before their parent.
    public mutating func replaceBlocks(_ transform: (Block) -> [Block]) {
        blocks = Block.replace(blocks, transform)
        for index in footnotes.indices { footnotes[index].blocks = Block.replace(footnotes[index].blocks, transform) }
    }

    /// Every block, parents before children (read only).
    public func forEachBlock(_ visit: (Block) -> Void) {
        var copy = self
        copy.updateBlocks { visit($0) }
    }
}

extension Block {
    static func update(_ blocks: inout [Block], _ visit: (inout Block) -> Void) {
        for index in blocks.indices {
            visit(&blocks[index])
            blocks[index].updateChildren(visit)
        }
    }

    static func replace(_ blocks: [Block], _ transform: (Block) -> [Block]) -> [Block] {
        blocks.flatMap { block -> [Block] in
            var block = block
            block.updateChildLists { replace($0, transform) }
            return transform(block)
        }
    }

    /// Replaces each list of blocks this block holds by `transform` of it.
    mutating func updateChildLists(_ transform: ([Block]) -> [Block]) {
        switch self {
        case .quote(let children):
            self = .quote(transform(children))
        case .list(var list):
            for index in list.items.indices { list.items[index].blocks = transform(list.items[index].blocks) }
            self = .list(list)
        case .table(var table):
            table.updateCells { $0.blocks = transform($0.blocks) }
            self = .table(table)
        case .figure(var figure):
            figure.content = transform(figure.content)
            self = .figure(figure)
        case .callout(var callout):
            callout.blocks = transform(callout.blocks)
            self = .callout(callout)
        default:
            break
        }
    }

    /// Visits the blocks this block holds.
    mutating func updateChildren(_ visit: (inout Block) -> Void) {
        switch self {
        case .quote(var children):
            Block.update(&children, visit)
            self = .quote(children)
        case .list(var list):
            for index in list.items.indices { Block.update(&list.items[index].blocks, visit) }
            self = .list(list)
        case .table(var table):
            table.updateCells { Block.update(&$0.blocks, visit) }
            self = .table(table)
        case .figure(var figure):
            Block.update(&figure.content, visit)
            self = .figure(figure)
        case .callout(var callout):
            Block.update(&callout.blocks, visit)
            self = .callout(callout)
        default:
            break
        }
    }

    /// Applies `transform` to the outermost runs of inlines this block holds itself (not its child blocks').
    mutating func updateOwnInlines(_ transform: ([Inline]) -> [Inline]) {
        switch self {
        case .paragraph(let content):
            self = .paragraph(transform(content))
        case .styledParagraph(let attributes, let content):
            self = .styledParagraph(attributes, transform(content))
        case .plain(let content):
            self = .plain(transform(content))
        case .heading(var heading):
            heading.content = transform(heading.content)
            self = .heading(heading)
        case .table(var table):
            if let caption = table.caption { table.caption = transform(caption) }
            self = .table(table)
        case .definitions(var list):
            list.items = list.items.map { (transform($0.term), transform($0.definition)) }
            self = .definitions(list)
        default:
            break
        }
    }
}

extension Table {
    /// Calls `visit` on every cell, head, body and foot.
    mutating func updateCells(_ visit: (inout TableCell) -> Void) {
        for row in head.indices { for cell in head[row].cells.indices { visit(&head[row].cells[cell]) } }
        for row in body.indices { for cell in body[row].cells.indices { visit(&body[row].cells[cell]) } }
        for row in foot.indices { for cell in foot[row].cells.indices { visit(&foot[row].cells[cell]) } }
    }
}

extension Inline {
    /// `transform` applied to the runs nested in `inlines` (emphasis, links…), then to `inlines`.
    static func update(_ inlines: [Inline], _ transform: ([Inline]) -> [Inline]) -> [Inline] {
        transform(inlines.map { $0.updatingChildren(transform) })
    }

    private func updatingChildren(_ transform: ([Inline]) -> [Inline]) -> Inline {
        switch self {
        case .emphasis(let children): return .emphasis(Inline.update(children, transform))
        case .strong(let children): return .strong(Inline.update(children, transform))
        case .strikethrough(let children): return .strikethrough(Inline.update(children, transform))
        case .span(let attributes, let children): return .span(attributes, Inline.update(children, transform))
        case .link(var link):
            link.content = Inline.update(link.content, transform)
            return .link(link)
        case .image(var image):
            image.description = Inline.update(image.description, transform)
            return .image(image)
        default: return self
        }
    }
}
