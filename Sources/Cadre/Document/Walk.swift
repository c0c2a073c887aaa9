/// The one traversal every pass uses: each block of a document, nested ones included (list
/// items, quotes, table cells, figures, callouts, footnotes), and each run of inlines.
/// Transforms return nil for "unchanged": most runs are left as they are, and are then not copied.
extension Document {
    /// Calls `visit` on every block, parents before their children; `visit` may change the block.
    public mutating func updateBlocks(_ visit: (inout Block) -> Void) {
        Block.update(&blocks, visit)
        for index in footnotes.indices { Block.update(&footnotes[index].blocks, visit) }
    }

    /// Replaces every run of inlines (a paragraph, a heading, a cell, a caption, a link's text…)
    /// by `transform` of it (nil: unchanged), innermost runs first.
    public mutating func updateInlines(_ transform: ([Inline]) -> [Inline]?) {
        updateBlocks { $0.updateOwnInlines { Inline.update($0, transform) } }
    }

    /// Replaces every outermost run of inlines by `transform` of it (nil: unchanged): for passes
    /// that walk nested runs themselves because what is around matters (no acronym inside a link).
    public mutating func updateOutermostInlines(_ transform: ([Inline]) -> [Inline]?) {
        updateBlocks { $0.updateOwnInlines(transform) }
    }

    /// Replaces every block, nested ones included, by what `transform` makes of it (nothing,
    /// or several blocks; nil: unchanged); children are transformed before their parent.
    public mutating func replaceBlocks(_ transform: (Block) -> [Block]?) {
        if let replaced = Block.replace(blocks, transform) { blocks = replaced }
        for index in footnotes.indices {
            if let replaced = Block.replace(footnotes[index].blocks, transform) { footnotes[index].blocks = replaced }
        }
    }

    /// Every block, parents before children (read only).
    public func forEachBlock(_ visit: (Block) -> Void) {
        Block.visit(blocks, visit)
        for note in footnotes { Block.visit(note.blocks, visit) }
    }
}

extension Block {
    static func update(_ blocks: inout [Block], _ visit: (inout Block) -> Void) {
        for index in blocks.indices {
            visit(&blocks[index])
            blocks[index].updateChildLists { Block.update(&$0, visit) }
        }
    }

    static func visit(_ blocks: [Block], _ visit: (Block) -> Void) {
        for block in blocks {
            visit(block)
            block.forEachChildList { Block.visit($0, visit) }
        }
    }

    static func replace(_ blocks: [Block], _ transform: (Block) -> [Block]?) -> [Block]? {
        var result: [Block]?
        for (index, block) in blocks.enumerated() {
            var current = block
            var childrenChanged = false
            current.updateChildLists { list in
                if let replaced = replace(list, transform) {
                    list = replaced
                    childrenChanged = true
                }
            }
            let replaced = transform(current)
            if replaced != nil || childrenChanged {
                if result == nil { result = Array(blocks[..<index]) }
                result!.append(contentsOf: replaced ?? [current])
            } else {
                result?.append(block)
            }
        }
        return result
    }

    /// Lets `change` edit, in place, each list of blocks this block holds.
    mutating func updateChildLists(_ change: (inout [Block]) -> Void) {
        // The block is emptied while its children change, so that they are not copied.
        switch self {
        case .quote(var children):
            self = .thematicBreak
            change(&children)
            self = .quote(children)
        case .list(var list):
            self = .thematicBreak
            for index in list.items.indices { change(&list.items[index].blocks) }
            self = .list(list)
        case .table(var table):
            self = .thematicBreak
            table.updateCells { change(&$0.blocks) }
            self = .table(table)
        case .figure(var figure):
            self = .thematicBreak
            change(&figure.content)
            self = .figure(figure)
        case .callout(var callout):
            self = .thematicBreak
            change(&callout.blocks)
            self = .callout(callout)
        default:
            break
        }
    }

    /// Calls `visit` on each list of blocks this block holds.
    func forEachChildList(_ visit: ([Block]) -> Void) {
        switch self {
        case .quote(let children): visit(children)
        case .list(let list): list.items.forEach { visit($0.blocks) }
        case .table(let table): (table.head + table.body + table.foot).forEach { $0.cells.forEach { visit($0.blocks) } }
        case .figure(let figure): visit(figure.content)
        case .callout(let callout): visit(callout.blocks)
        default: break
        }
    }

    /// Applies `transform` to the outermost runs of inlines this block holds itself (not its
    /// child blocks'); nil leaves a run as it is.
    mutating func updateOwnInlines(_ transform: ([Inline]) -> [Inline]?) {
        switch self {
        case .paragraph(let content):
            if let changed = transform(content) { self = .paragraph(changed) }
        case .styledParagraph(let attributes, let content):
            if let changed = transform(content) { self = .styledParagraph(attributes, changed) }
        case .plain(let content):
            if let changed = transform(content) { self = .plain(changed) }
        case .heading(var heading):
            guard let changed = transform(heading.content) else { return }
            heading.content = changed
            self = .heading(heading)
        case .table(var table):
            guard let caption = table.caption, let changed = transform(caption) else { return }
            self = .thematicBreak
            table.caption = changed
            self = .table(table)
        case .definitions(var list):
            self = .thematicBreak
            list.items = list.items.map { (transform($0.term) ?? $0.term, transform($0.definition) ?? $0.definition) }
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
    /// `transform` applied to the runs nested in `inlines` (emphasis, links…), then to `inlines`;
    /// nil when nothing changed.
    static func update(_ inlines: [Inline], _ transform: ([Inline]) -> [Inline]?) -> [Inline]? {
        var result: [Inline]?
        for (index, inline) in inlines.enumerated() {
            guard let changed = inline.updatingChildren(transform) else { continue }
            if result == nil { result = inlines }
            result![index] = changed
        }
        return transform(result ?? inlines) ?? result
    }

    private func updatingChildren(_ transform: ([Inline]) -> [Inline]?) -> Inline? {
        switch self {
        case .emphasis(let children): return Inline.update(children, transform).map { .emphasis($0) }
        case .strong(let children): return Inline.update(children, transform).map { .strong($0) }
        case .strikethrough(let children): return Inline.update(children, transform).map { .strikethrough($0) }
        case .span(let attributes, let children): return Inline.update(children, transform).map { .span(attributes, $0) }
        case .link(var link):
            guard let changed = Inline.update(link.content, transform) else { return nil }
            link.content = changed
            return .link(link)
        case .image(var image):
            guard let changed = Inline.update(image.description, transform) else { return nil }
            image.description = changed
            return .image(image)
        default: return nil
        }
    }
}
