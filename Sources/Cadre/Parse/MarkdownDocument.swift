import CCmarkGFM
import Foundation

/// A Markdown document parsed by cmark-gfm; owns the C nodes and frees them when it goes away.
/// It lives only as long as `DocumentReader` needs to read it into a `Document`.
///
/// GFM extensions (table, strikethrough, autolink, tagfilter, tasklist) and footnotes are on;
/// raw HTML is dropped by the reader.
final class MarkdownDocument {
    let root: OpaquePointer

    static let extensionNames = ["table", "strikethrough", "autolink", "tagfilter", "tasklist"]
    static let options = CMARK_OPT_FOOTNOTES | CMARK_OPT_VALIDATE_UTF8

    // A C list built once and only read after: the C boundary, where the compiler cannot check.
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
    init(markdown: String) {
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

    deinit { cmark_node_free(root) }

    /// The document node.
    var document: MarkdownNode { MarkdownNode(pointer: root, document: self) }

    /// Every node in document order.
    func nodes(where include: (MarkdownNode) -> Bool = { _ in true }) -> [MarkdownNode] {
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
}
