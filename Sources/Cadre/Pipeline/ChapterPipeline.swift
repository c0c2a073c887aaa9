import Mustache

/// The chapter stages shared by publications and strategy documents:
/// expand (Mustache) → parse (cmark-gfm) → slugs, numbers, cross-references, acronyms,
/// components, French typography → HTML of each chapter.
struct ChapterPipeline {
    let chapters: [Chapter]
    /// What Mustache tags and components see.
    let context: [String: Any]
    let acronyms: AcronymMarker
    /// Slugs a heading may not take (page names).
    var reserved: Set<String> = []
    /// The collectivité's strategy, for the components of strategy documents.
    var strategy: StrategyDocument?
    /// Chapters parsed once as Mustache templates, reused for every document of a batch.
    var templates: [String: MustacheTemplate] = [:]
    let sink: DiagnosticSink
    /// Threads for the stages where chapters are independent (1 inside a batch that is already parallel).
    var workers = Parallel.cores
    var progress: (String) -> Void = { _ in }

    func run() -> [ChapterPage] {
        var slugger = Slugger()
        var index = AnchorIndex()
        for chapter in chapters {
            slugger.reserve(chapter.slug)
            index.addChapter(chapter)
        }
        reserved.forEach { slugger.reserve($0) }

        // Expand and parse (chapters are independent: on every core), then give every heading its
        // anchor and number in order: cross-references need all of them.
        let parsed = Parallel.map(chapters.count, workers: workers) { position -> ChapterPage? in
            let chapter = chapters[position]
            return ChapterExpansion.expand(chapter, context: context, template: templates[chapter.path], into: sink).map { ChapterPage(chapter: chapter, markdown: $0) }
        }
        var pages: [ChapterPage] = []
        for (chapter, page) in zip(chapters, parsed) {
            progress(chapter.path)
            guard let page else {
                index.markUnreadable(chapter.fileName)
                continue
            }
            SlugPass.run(page, slugger: &slugger, index: &index, into: sink)
            NumberingPass.run(page, index: &index)
            pages.append(page)
        }

        let components = ComponentPass(context: context, acronyms: acronyms, strategy: strategy, index: index, sink: sink)
        for page in pages {
            CrossReferencePass.run(page, index: index, into: sink)
            acronyms.mark(page.document)
            components.run(page)
        }
        components.finish()
        _ = Parallel.map(pages.count, workers: workers) { position in
            let page = pages[position]
            FrenchTypography.mark(page.document)
            HeadingMarkup.run(page)
            page.html = page.document.renderHTML()
        }
        return pages
    }
}
