import CCmarkGFM
import Foundation

/// A Markdown document parsed by cmark-gfm; owns the C nodes and frees them when it goes away.
///
/// GFM extensions (table, strikethrough, autolink, tagfilter, tasklist) and footnotes are on;
/// raw HTML is off: cmark-gfm renders it as a comment and drops dangerous link schemes.
/// Engine-made HTML enters the tree only as custom nodes (see `MarkdownNode`).
public final class MarkdownDocument {
    let root: OpaquePointer
    /// Nodes taken out of the tree. Their inline children's text points into their buffers,
    /// so they are freed with the document, never before.
    private var detached: [OpaquePointer] = []

    static let extensionNames = ["table", "strikethrough", "autolink", "tagfilter", "tasklist"]
    static let options = CMARK_OPT_FOOTNOTES | CMARK_OPT_VALIDATE_UTF8

    nonisolated(unsafe) private static let extensions: UnsafeMutablePointer<cmark_llist>? = {
        cmark_gfm_core_extensions_ensure_registered()
        var list: UnsafeMutablePointer<cmark_llist>?
        for name in extensionNames {
            guard let ext = cmark_find_syntax_extension(name) else { continue }
            list = cmark_llist_append(cmark_get_default_mem_allocator(), list, UnsafeMutableRawPointer(ext))
        }
        return list
    }()

    /// cmark-gfm keeps the extensions' special inline characters (`~`, those that start autolinks…)
    /// in one table for the whole process: each parse adds them when it parses inlines, in
    /// `cmark_parser_finish`, and removes them when it is done, so a parse on another thread at
    /// that moment misses its strikethroughs and links (github/cmark-gfm#176, not merged). Inline
    /// parsing therefore runs one document at a time; block parsing (`feed`) stays parallel.
    private static let inlineParsing = NSLock()

    /// Parses `markdown`; line and column positions of nodes are those of this text.
    public init(markdown: String) {
        let extensions = Self.extensions
        let parser = cmark_parser_new(Self.options)!
        var item = extensions
        while let node = item {
            cmark_parser_attach_syntax_extension(parser, OpaquePointer(node.pointee.data))
            item = node.pointee.next
        }
        var text = markdown
        text.withUTF8 { buffer in
            buffer.withMemoryRebound(to: CChar.self) { cmark_parser_feed(parser, $0.baseAddress, $0.count) }
        }
        root = Self.inlineParsing.withLock { cmark_parser_finish(parser) }
        cmark_parser_free(parser)
        cmark_consolidate_text_nodes(root)
    }

    deinit {
        cmark_node_free(root)
        for node in detached { cmark_node_free(node) }
    }

    /// The document node.
    public var document: MarkdownNode { MarkdownNode(pointer: root, document: self) }

    /// Every node in document order (taken before any mutation, so passes may change the tree).
    public func nodes(where include: (MarkdownNode) -> Bool = { _ in true }) -> [MarkdownNode] {
        var result: [MarkdownNode] = []
        let iterator = cmark_iter_new(root)
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard event == CMARK_EVENT_ENTER, let pointer = cmark_iter_get_node(iterator) else { continue }
            let node = MarkdownNode(pointer: pointer, document: self)
            if include(node) { result.append(node) }
        }
        return result
    }

    /// HTML for the whole document, with French labels where cmark-gfm has English ones.
    public func renderHTML() -> String {
        guard let html = cmark_render_html(root, Self.options, Self.extensions) else { return "" }
        defer { free(html) }
        let text = String(cString: html)
        guard strstr(html, "data-footnotes") != nil else { return text }
        return text
            .replacingAll("aria-label=\"Back to content\"", with: "aria-label=\"Retour au texte\"")
            .replacingAll("<section class=\"footnotes\" data-footnotes>", with: "<section class=\"footnotes\" data-footnotes aria-label=\"Notes\">")
    }

    // MARK: - Building nodes

    /// A block whose HTML is written by the engine (a component, a heading with its id).
    public func makeBlock(opening: String, closing: String = "") -> MarkdownNode {
        make(CMARK_NODE_CUSTOM_BLOCK, opening: opening, closing: closing)
    }

    /// An inline whose HTML is written by the engine (an `<abbr>`, a section number).
    public func makeInline(opening: String, closing: String = "") -> MarkdownNode {
        make(CMARK_NODE_CUSTOM_INLINE, opening: opening, closing: closing)
    }

    /// A plain text node; its text is escaped by the renderer.
    public func makeText(_ text: String) -> MarkdownNode {
        let node = cmark_node_new(CMARK_NODE_TEXT)!
        cmark_node_set_literal(node, text)
        retain(node)
        return MarkdownNode(pointer: node, document: self)
    }

    private func make(_ type: cmark_node_type, opening: String, closing: String) -> MarkdownNode {
        let node = cmark_node_new(type)!
        cmark_node_set_on_enter(node, opening)
        cmark_node_set_on_exit(node, closing)
        retain(node)
        return MarkdownNode(pointer: node, document: self)
    }

    /// Keeps a node that is (for now) outside the tree; it is freed with the document only if it is still outside.
    func retain(_ node: OpaquePointer) { detached.append(node) }

    /// Forgets a kept node that has been put back into the tree (the tree frees it).
    func adopt(_ node: OpaquePointer) {
        if let index = detached.lastIndex(of: node) { detached.remove(at: index) }
    }
}
