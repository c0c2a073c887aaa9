import CCmarkGFM

/// One node of a `MarkdownDocument`; a view that keeps its document alive.
public struct MarkdownNode {
    let pointer: OpaquePointer
    let document: MarkdownDocument

    /// The kinds of node the passes care about.
    public enum Kind: Equatable {
        case document, paragraph, heading, codeBlock, htmlBlock, customBlock, blockQuote, list, item
        case table, tableRow, tableCell, footnoteDefinition, thematicBreak
        case text, code, htmlInline, customInline, emphasis, strong, link, image, footnoteReference
        case softBreak, lineBreak, strikethrough, other
    }

    public var kind: Kind {
        let type = cmark_node_get_type(pointer)
        switch type {
        case CMARK_NODE_DOCUMENT: return .document
        case CMARK_NODE_PARAGRAPH: return .paragraph
        case CMARK_NODE_HEADING: return .heading
        case CMARK_NODE_CODE_BLOCK: return .codeBlock
        case CMARK_NODE_HTML_BLOCK: return .htmlBlock
        case CMARK_NODE_CUSTOM_BLOCK: return .customBlock
        case CMARK_NODE_BLOCK_QUOTE: return .blockQuote
        case CMARK_NODE_LIST: return .list
        case CMARK_NODE_ITEM: return .item
        case CMARK_NODE_FOOTNOTE_DEFINITION: return .footnoteDefinition
        case CMARK_NODE_THEMATIC_BREAK: return .thematicBreak
        case CMARK_NODE_TEXT: return .text
        case CMARK_NODE_CODE: return .code
        case CMARK_NODE_HTML_INLINE: return .htmlInline
        case CMARK_NODE_CUSTOM_INLINE: return .customInline
        case CMARK_NODE_EMPH: return .emphasis
        case CMARK_NODE_STRONG: return .strong
        case CMARK_NODE_LINK: return .link
        case CMARK_NODE_IMAGE: return .image
        case CMARK_NODE_FOOTNOTE_REFERENCE: return .footnoteReference
        case CMARK_NODE_SOFTBREAK: return .softBreak
        case CMARK_NODE_LINEBREAK: return .lineBreak
        default:
            // Extension node types are not exported by the headers; their names are.
            switch cmark_node_get_type_string(pointer).map({ String(cString: $0) }) {
            case "table": return .table
            case "table_row": return .tableRow
            case "table_cell": return .tableCell
            case "strikethrough": return .strikethrough
            default: return .other
            }
        }
    }

    // MARK: - Content

    /// The text of a text, code or code-block node.
    public var literal: String {
        get { cmark_node_get_literal(pointer).map { String(cString: $0) } ?? "" }
        nonmutating set { cmark_node_set_literal(pointer, newValue) }
    }

    /// The info string of a fenced code block (what follows the opening fence).
    public var fenceInfo: String { cmark_node_get_fence_info(pointer).map { String(cString: $0) } ?? "" }

    /// The destination of a link or image.
    public var url: String {
        get { cmark_node_get_url(pointer).map { String(cString: $0) } ?? "" }
        nonmutating set { cmark_node_set_url(pointer, newValue) }
    }

    public var headingLevel: Int { Int(cmark_node_get_heading_level(pointer)) }

    /// Line and column where the node starts in the parsed text (1-based).
    public var line: Int { Int(cmark_node_get_start_line(pointer)) }
    public var column: Int { Int(cmark_node_get_start_column(pointer)) }

    /// The plain text of the node and its descendants (what a heading or a link says).
    public var plainText: String {
        if kind == .text || kind == .code { return literal }
        if kind == .softBreak || kind == .lineBreak { return " " }
        return children.map(\.plainText).joined()
    }

    // MARK: - Tree

    public var parent: MarkdownNode? { cmark_node_parent(pointer).map { MarkdownNode(pointer: $0, document: document) } }
    public var previous: MarkdownNode? { cmark_node_previous(pointer).map { MarkdownNode(pointer: $0, document: document) } }
    public var next: MarkdownNode? { cmark_node_next(pointer).map { MarkdownNode(pointer: $0, document: document) } }

    public var children: [MarkdownNode] {
        var result: [MarkdownNode] = []
        var child = cmark_node_first_child(pointer)
        while let current = child {
            result.append(MarkdownNode(pointer: current, document: document))
            child = cmark_node_next(current)
        }
        return result
    }

    /// True when some ancestor is of one of `kinds`.
    public func isInside(_ kinds: Set<Kind>) -> Bool {
        var node = parent
        while let current = node {
            if kinds.contains(current.kind) { return true }
            node = current.parent
        }
        return false
    }

    // MARK: - Mutation

    public func insertBefore(_ node: MarkdownNode) {
        if cmark_node_insert_before(pointer, node.pointer) == 1 { document.adopt(node.pointer) }
    }

    public func insertAfter(_ node: MarkdownNode) {
        if cmark_node_insert_after(pointer, node.pointer) == 1 { document.adopt(node.pointer) }
    }

    public func appendChild(_ node: MarkdownNode) {
        if cmark_node_append_child(pointer, node.pointer) == 1 { document.adopt(node.pointer) }
    }

    /// Puts `node` where this node was; this node is kept until the document goes away.
    public func replace(with node: MarkdownNode) {
        insertBefore(node)
        unlink()
    }

    /// Takes the node out of the tree; it is kept until the document goes away.
    public func unlink() {
        cmark_node_unlink(pointer)
        document.retain(pointer)
    }

    /// Moves this node's children into `container`, then puts the container in this node's place.
    public func wrapChildren(in container: MarkdownNode) {
        for child in children { container.appendChild(child) }
        replace(with: container)
    }
}
