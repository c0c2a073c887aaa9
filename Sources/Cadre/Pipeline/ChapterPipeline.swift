import Mustache

/// The chapter stages shared by every kind of publication:
/// expand (Mustache) → parse (cmark-gfm, into a `Document`) → components → slugs and numbers →
/// cross-references → acronyms → whole-publication components → French typography.
/// Writers then turn the pages into HTML (or any other format).
struct ChapterPipeline: Sendable {
    let chapters: [Chapter]
    /// What Mustache tags and components see.
    let context: TemplateData
    let components: ComponentSet
    /// Slugs a heading may not take (page names).
    var reserved: Set<String> = []
    /// Chapters parsed once as Mustache templates, reused for every document of a batch.
    var templates: [String: MustacheTemplate] = [:]
    /// Extra passes a library user adds, run after the built-in ones and before the writers.
    var passes: [any DocumentPass] = []
    let sink: DiagnosticSink
    /// Concurrent tasks for the stages where chapters are independent (1 inside a batch that is already concurrent).
    var workers = Concurrently.cores
    var progress: @Sendable (String) -> Void = { _ in }

    /// The pages with their passes run, and the acronyms the publication uses.
    func run(acronyms: AcronymMarker) async -> [ChapterPage] {
        var anchoring = Anchoring(chapters: chapters, reserved: reserved)

        // Expand and parse (chapters are independent: concurrently), then give every heading its
        // anchor and number in order: cross-references need all of them.
        let parsed = await Concurrently.map(chapters.count, limit: workers) { [chapters, context, templates, sink] position -> ChapterPage? in
            let chapter = chapters[position]
            return ChapterExpansion.expand(chapter, context: context.values, template: templates[chapter.path], into: sink).map { ChapterPage(chapter: chapter, markdown: $0) }
        }
        let components = ComponentPass(components: components, context: context, sink: sink)
        var pages: [ChapterPage] = []
        // The list of acronyms used is sorted only for a publication that shows it.
        var wholePublication = false
        for (chapter, page) in zip(chapters, parsed) {
            progress(chapter.path)
            guard var page else {
                anchoring.markUnreadable(chapter)
                continue
            }
            if components.run(&page) { wholePublication = true }
            anchoring.anchor(&page, into: sink)
            pages.append(page)
        }

        let references = CrossReferencePass(index: anchoring.index)
        for position in pages.indices {
            let source = pages[position].source
            references.run(&pages[position].document, in: pages[position].chapter.fileName, locate: { source.location(of: $0, near: $1) }, into: sink)
            acronyms.mark(&pages[position].document)
        }
        let used = wholePublication ? acronyms.usedAcronyms : []
        let finalPasses = passes
        return await Concurrently.map(pages.count, limit: workers) { [pages, sink] position in
            var page = pages[position]
            components.finish(&page, usedAcronyms: used)
            FrenchTypography.mark(&page.document)
            FrenchTypography.markTitles(&page)
            for pass in finalPasses { pass.run(&page.document, chapter: page.chapter, into: sink) }
            return page
        }
    }
}

/// A pass a library user adds to a publication: it runs on each chapter's document after
/// cadre's own passes (French typography included) and before the writers.
public protocol DocumentPass: Sendable {
    func run(_ document: inout Document, chapter: Chapter, into sink: DiagnosticSink)
}
