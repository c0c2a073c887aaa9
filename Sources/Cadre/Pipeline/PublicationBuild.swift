import Foundation

/// A file produced by a build, relative to the output folder.
public struct RenderedFile: Sendable {
    /// Where it goes, relative to the output folder.
    public var path: String
    /// Its bytes.
    public var data: Data

    /// The file at `path` with `data`.
    public init(path: String, data: Data) {
        self.path = path
        self.data = data
    }
}

/// Takes one publication through the pipeline: expand → parse → passes → write.
struct PublicationBuild: Sendable {
    let project: Project
    let publication: Publication
    let layouts: Layouts
    var components = ComponentSet.standard.knowing(StrategyComponents.names, servingElsewhere: "ce composant ne sert que dans les documents de stratégie (Templates/strategie/) ; dans le guide, utilisez « tableau » avec une source de Content/data/")
    /// Passes run on every chapter after cadre's own.
    var passes: [any DocumentPass] = []
    let sink: DiagnosticSink
    /// Whether the site pages are written (the print HTML always is).
    var site = true
    /// The word-processor documents to write (ODT, DOCX), all chapters in one file.
    var editable: OutputFormat = []
    var progress: @Sendable (String) -> Void = { _ in }

    /// Page names cadre writes itself; a chapter may not take them.
    static let reservedPages: Set<String> = ["index", "impression", "assets"]

    func run() async -> [RenderedFile] {
        // Settings are shown by templates and writers: their texts are set once, here.
        let publication = FrenchTypography.mark(self.publication)
        for chapter in publication.chapters where Self.reservedPages.contains(chapter.slug) {
            sink.report(SourceLocation(file: chapter.path, line: 1).error("le nom « \(chapter.slug) » est réservé", hint: "renommez le fichier, par exemple NN-\(chapter.slug)-du-guide.md"))
        }
        let pipeline = ChapterPipeline(chapters: publication.chapters, context: TemplateData(LayoutContext.data(project: project, publication: publication)),
                                       components: components, reserved: Self.reservedPages, passes: passes, sink: sink, progress: progress)
        let pages = await pipeline.run(acronyms: AcronymMarker(acronyms: project.data.acronyms))
        let files = await write(pages, of: publication)
        // Freeing the documents of the HTML benchmark's nine hundred chapters takes some 50 ms:
        // it is done beside the rest of the build (writing the files), not before it.
        Task.detached(priority: .background) { _ = consume pages }
        return files
    }

    private func write(_ pages: [ChapterPage], of publication: Publication) async -> [RenderedFile] {
        let name = publication.name
        let layoutContext = LayoutContext(publication: publication, pages: pages)
        var files: [RenderedFile] = []
        func add(_ path: String, _ html: String?) {
            if let html { files.append(RenderedFile(path: "\(name)/\(path)", data: Data(html.utf8))) }
        }
        // Chapter bodies are independent: written concurrently, in both link styles.
        let bodies = await Concurrently.map(pages.count) { [site] position -> (site: String?, print: String) in
            let page = pages[position]
            var print = HTMLWriter(links: .singlePage)
            print.notesLabel = "Notes — " + (page.chapter.frontMatter.titreCourt ?? page.chapter.frontMatter.titre)
            return (site ? HTMLWriter(links: .pages).write(page.document) : nil, print.write(page.document))
        }
        // The print page is one long serial render: it runs beside the site pages' renders.
        let printLayout = publication.printLayout
        async let printPage = layouts.render(printLayout, context: layoutContext.print(bodies.map(\.print)), into: sink)
        if site {
            add("index.html", layouts.render("site/index", context: layoutContext.index(), into: sink))
            let rendered = await Concurrently.map(pages.count) { [layouts, sink] position in
                layouts.render("site/chapitre", context: layoutContext.chapterPage(at: position, html: bodies[position].site ?? ""), into: sink)
            }
            for (page, html) in zip(pages, rendered) { add("\(page.chapter.slug).html", html) }
        }
        add("impression.html", await printPage)
        files += Assets.files(in: project.templatesFolder.appendingPathComponent("assets"), under: "\(name)/assets")
        files += EditableDocument(publication: publication, pages: pages).files(editable, at: "\(name)/\(name)", reportingTo: SourceLocation(file: publication.settingsPath, line: 1), into: sink)
        return files
    }
}

/// The static files of `Templates/assets/` (stylesheets, fonts), copied beside each publication.
enum Assets {
    static func files(in folder: URL, under prefix: String) -> [RenderedFile] {
        guard let enumerator = FileManager.default.enumerator(atPath: folder.path) else { return [] }
        var files: [RenderedFile] = []
        while let path = enumerator.nextObject() as? String {
            let url = folder.appendingPathComponent(path)
            guard !FileLister.isFolder(url), !path.split(separator: "/").contains(where: { $0.hasPrefix(".") }),
                  let data = FileManager.default.contents(atPath: url.path) else { continue }
            files.append(RenderedFile(path: "\(prefix)/\(path)", data: data))
        }
        return files.sorted { $0.path < $1.path }
    }
}
