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

        // Expand, parse and draw the components, and list the headings (chapters are
        // independent: concurrently; the components were a serial stage, 7 % of the HTML
        // benchmark's time), then give every heading its anchor and number in order:
        // cross-references need all of them. That serial stage only reads the lists.
        let components = ComponentPass(components: components, context: context, sink: sink)
        var parsed = await Concurrently.map(chapters.count, limit: workers) { [chapters, context, templates, sink] position -> (page: ChapterPage, waits: Bool)? in
            let chapter = chapters[position]
            guard let markdown = ChapterExpansion.expand(chapter, context: context.values, template: templates[chapter.path], into: sink) else { return nil }
            var page = ChapterPage(chapter: chapter, markdown: markdown)
            let waits = components.run(&page)
            SlugPass.collect(&page, into: sink)
            return (page, waits)
        }
        var pages: [ChapterPage] = []
        // The list of acronyms used is sorted only for a publication that shows it.
        var wholePublication = false
        for (chapter, result) in zip(chapters, parsed) {
            progress(chapter.path)
            guard var page = result?.page else {
                anchoring.markUnreadable(chapter)
                continue
            }
            if result?.waits == true { wholePublication = true }
            anchoring.anchor(&page)
            pages.append(page)
        }
        // From here on each page is held once, by `pages`, and handed to the task that changes
        // it: its document is then changed in place, not copied.
        parsed = []

        // Anchors, cross-references and acronyms read each page alone: concurrently (they were
        // a serial stage, a tenth of the HTML benchmark's wall time), each page with its own
        // marker, whose record of the acronyms used is then added to the publication's.
        let references = CrossReferencePass(index: anchoring.index)
        let table = acronyms.acronyms
        var marked = await Concurrently.transform(consume pages, limit: workers) { [sink] (page: consuming ChapterPage) -> (page: ChapterPage, used: Set<String>) in
            SlugPass.label(&page.document, with: page.headings)
            let source = page.source
            references.run(&page.document, in: page.chapter.fileName, locate: { source.location(of: $0, near: $1) }, into: sink)
            let marker = AcronymMarker(acronyms: table)
            marker.mark(&page.document)
            return (page, marker.used)
        }
        for result in marked { acronyms.record(result.used) }
        pages = marked.map(\.page)
        marked = []  // again one reference per page
        let used = wholePublication ? acronyms.usedAcronyms : []
        let finalPasses = passes
        return await Concurrently.transform(consume pages, limit: workers) { [sink] (page: consuming ChapterPage) in
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
