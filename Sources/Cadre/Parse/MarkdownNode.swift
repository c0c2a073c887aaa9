import CCmarkGFM

/// One node of a `MarkdownDocument`; a view that keeps its document alive.
struct MarkdownNode {
    let pointer: OpaquePointer
    let document: MarkdownDocument

    /// The kinds of node the passes care about.
    enum Kind: Equatable {
        case document, paragraph, heading, codeBlock, htmlBlock, customBlock, blockQuote, list, item
        case table, tableRow, tableCell, footnoteDefinition, thematicBreak
        case text, code, htmlInline, customInline, emphasis, strong, link, image, footnoteReference
        case softBreak, lineBreak, strikethrough, other
    }

    var kind: Kind {
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
            case "tasklist": return .item
            default: return .other
            }
        }
    }

    // MARK: - Content

    /// The text of a text, code or code-block node.
    var literal: String { cmark_node_get_literal(pointer).map { String(cString: $0) } ?? "" }

    /// The info string of a fenced code block (what follows the opening fence).
    var fenceInfo: String { cmark_node_get_fence_info(pointer).map { String(cString: $0) } ?? "" }

    /// The destination of a link or image.
    var url: String { cmark_node_get_url(pointer).map { String(cString: $0) } ?? "" }

    var headingLevel: Int { Int(cmark_node_get_heading_level(pointer)) }

    /// The title of a link or image (`[x](url "title")`).
    var title: String { cmark_node_get_title(pointer).map { String(cString: $0) } ?? "" }

    /// The first number of an ordered list; nil for a bulleted one.
    var listStart: Int? { cmark_node_get_list_type(pointer) == CMARK_ORDERED_LIST ? Int(cmark_node_get_list_start(pointer)) : nil }

    /// Whether a list is tight (its items' paragraphs are not set apart).
    var isTight: Bool { cmark_node_get_list_tight(pointer) != 0 }

    /// A task-list item's check box: checked or not; nil for an ordinary item.
    var task: Bool? {
        guard cmark_node_get_type_string(pointer).map({ String(cString: $0) }) == "tasklist" else { return nil }
        return cmark_gfm_extensions_get_tasklist_item_checked(pointer)
    }

    /// Whether a table row is the header row.
    var isHeaderRow: Bool { cmark_gfm_extensions_get_table_row_is_header(pointer) != 0 }

    /// The column alignments of a table (`l`, `c`, `r` or 0 for each column).
    var tableAlignments: [UInt8] {
        let count = Int(cmark_gfm_extensions_get_table_columns(pointer))
        guard let alignments = cmark_gfm_extensions_get_table_alignments(pointer) else { return [] }
        return (0..<count).map { alignments[$0] }
    }

    /// Line and column where the node starts in the parsed text (1-based).
    var line: Int { Int(cmark_node_get_start_line(pointer)) }
    var column: Int { Int(cmark_node_get_start_column(pointer)) }

    /// The plain text of the node and its descendants (what a heading or a link says).
    var plainText: String {
        if kind == .text || kind == .code { return literal }
        if kind == .softBreak || kind == .lineBreak { return " " }
        return children.map(\.plainText).joined()
    }

    // MARK: - Tree

    var parent: MarkdownNode? { cmark_node_parent(pointer).map { MarkdownNode(pointer: $0, document: document) } }
    var previous: MarkdownNode? { cmark_node_previous(pointer).map { MarkdownNode(pointer: $0, document: document) } }
    var next: MarkdownNode? { cmark_node_next(pointer).map { MarkdownNode(pointer: $0, document: document) } }

    var children: [MarkdownNode] {
        var result: [MarkdownNode] = []
        var child = cmark_node_first_child(pointer)
        while let current = child {
            result.append(MarkdownNode(pointer: current, document: document))
            child = cmark_node_next(current)
        }
        return result
    }
}
