/// Replaces each component block of a chapter by the component's HTML; an unknown
/// component is an error. Blocks that need the whole publication (the acronym list) wait
/// until every chapter has been through the pass.
final class ComponentPass {
    private let context: [String: Any]
    private let acronyms: AcronymMarker
    private let strategy: StrategyDocument?
    /// The publication's anchors, to resolve cross-references written in a component's text.
    private let index: AnchorIndex?
    private let sink: DiagnosticSink
    private var deferred: [(node: MarkdownNode, request: ComponentRequest)] = []

    init(context: [String: Any], acronyms: AcronymMarker, strategy: StrategyDocument? = nil, index: AnchorIndex? = nil, sink: DiagnosticSink) {
        self.context = context
        self.acronyms = acronyms
        self.strategy = strategy
        self.index = index
        self.sink = sink
    }

    func run(_ page: ChapterPage) {
        for block in page.document.nodes(where: { $0.kind == .codeBlock }) {
            let name = block.fenceInfo.split(separator: " ").first.map(String.init) ?? ""
            guard !Components.plainCode.contains(name) else { continue }
            let location = page.source.location(of: name, near: block.line)
            guard let component = Components.all[name] else {
                sink.report(location.error("composant inconnu « \(name) »", hint: Suggestion.hint(for: name, in: Array(Components.all.keys), noun: "composants")))
                continue
            }
            let request = ComponentRequest(name: name, body: block.literal, location: location, context: context, acronyms: acronyms, strategy: strategy, sink: sink,
                                           renderMarkdown: { [unowned self] in self.renderNested($0, page: page, near: block.line) })
            if component == AcronymIndex.self {
                deferred.append((block, request))
            } else if let html = component.render(request) {
                block.replace(with: page.document.makeBlock(opening: html))
            }
        }
    }

    /// Renders the blocks that needed the whole publication.
    func finish() {
        for (node, request) in deferred {
            if let html = AcronymIndex.render(request) {
                node.replace(with: node.document.makeBlock(opening: html))
            }
        }
        deferred.removeAll()
    }

    private func renderNested(_ markdown: String, page: ChapterPage, near line: Int) -> String {
        let document = MarkdownDocument(markdown: markdown)
        if let index {
            CrossReferencePass.resolve(document, in: page.chapter.fileName, index: index, locate: { snippet, _ in page.source.location(of: snippet, near: line) }, into: sink)
        }
        acronyms.mark(document)
        FrenchTypography.mark(document)
        return document.renderHTML()
    }
}
