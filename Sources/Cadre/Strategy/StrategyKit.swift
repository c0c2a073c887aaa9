import Foundation
import Mustache

/// Strategy documents, a kind of publication: what every document of a batch shares, prepared
/// once — the chapters of `Templates/strategie/` (parsed as Mustache), the layouts, the shared
/// data and the guide's passages for each family of collectivité — and the rendering of one
/// collectivité's file with the standard components plus the strategy components bound to its
/// data. `render` may run on several tasks at once.
struct StrategyKit: Sendable {
    static let templatesFolder = "strategie"
    static let layout = "strategie/document"

    let project: Project
    let chapters: [Chapter]
    let templates: [String: MustacheTemplate]
    let layouts: Layouts
    let acronyms: [String: Acronym]
    let passages: [GuidePassage]
    let guide: GuideReference

    /// The result for one data file: its diagnostics and, without errors, its document.
    struct Result {
        var diagnostics: [Diagnostic]
        var document: RenderedStrategy?
    }

    /// A library user's components and passes, for every document.
    let extraComponents: [any Component]
    let passes: [any DocumentPass]

    init?(project: Project, components: [any Component] = [], passes: [any DocumentPass] = [], sink: DiagnosticSink) {
        let folder = project.templatesFolder.appendingPathComponent(Self.templatesFolder)
        let chapters = FileLister.files(in: folder, extensions: ["md"]).compactMap { Project.loadChapter($0, root: project.root, into: sink) }
        if chapters.isEmpty {
            sink.report(SourceLocation(file: "Templates/\(Self.templatesFolder)", line: 1).error("aucun chapitre de document de stratégie", hint: "Templates/strategie/ contient les chapitres NN-nom.md du document"))
        }
        var templates: [String: MustacheTemplate] = [:]
        for chapter in chapters {
            do {
                templates[chapter.path] = try ChapterExpansion.parse(chapter)
            } catch {
                // The first document reports the exact place (ChapterExpansion.expand); stop here.
                sink.report(SourceLocation(file: chapter.path, line: chapter.bodyLine).error("balise Mustache mal formée (\(error))", hint: "vérifiez que chaque {{#section}} est fermée"))
            }
        }
        let guide = GuideReference.load(project: project, into: sink)
        let layouts = Layouts.load(folder: project.templatesFolder, root: project.root, into: sink)
        if !layouts.has(Self.layout) {
            sink.report(SourceLocation(file: "Templates/\(Self.layout).mustache", line: 1).error("gabarit du document de stratégie introuvable", hint: "créez Templates/\(Self.layout).mustache"))
        }
        guard !sink.hasErrors else { return nil }
        self.project = project
        self.chapters = chapters
        self.templates = templates
        self.layouts = layouts
        self.acronyms = project.data.acronyms
        self.passages = Self.guidePassages(project)
        self.guide = guide
        self.extraComponents = components
        self.passes = passes
    }

    /// Decodes, checks and renders one collectivité's file.
    func render(_ file: URL, editable: OutputFormat = []) async -> Result {
        let sink = DiagnosticSink()
        let path = FileLister.relativePath(of: file, to: project.root)
        guard let text = FileLister.read(file, path: path, into: sink) else { return Result(diagnostics: sink.diagnostics) }
        return await render(text: text, path: path, slug: file.deletingPathExtension().lastPathComponent, editable: editable)
    }

    /// Decodes, checks and renders a collectivité's file given as `text` (the atelier keeps it in
    /// its database): `path` names it in diagnostics, `slug` is its document's folder name.
    func render(text: String, path: String, slug: String, editable: OutputFormat = []) async -> Result {
        let sink = DiagnosticSink()
        guard let strategy = YAMLDecoding.decode(Strategy.self, from: YAMLSource(text: text, file: path), into: sink) else {
            return Result(diagnostics: sink.diagnostics)
        }
        let check = StrategyCheck(strategy, guide: guide, file: path)
        sink.report(check.diagnostics)
        guard !check.hasErrors else { return Result(diagnostics: sink.diagnostics) }

        let document = StrategyDocument(strategy: strategy, guide: guide, broken: check.broken, passages: GuidePassage.chosen(passages, for: strategy, survey: guide.survey))
        let title = "Stratégie d'action internationale"
        var settings = PublicationSettings(titre: title, langue: "fr")
        settings.sousTitre = strategy.collectivite.nom
        settings.editeur = strategy.collectivite.nom
        settings.date = "Mandature \(strategy.mandature.debut)-\(strategy.mandature.fin)"
        let publication = FrenchTypography.mark(Publication(name: slug, settings: settings, chapters: chapters, settingsPath: path))
        let collectivite = document.context
        var context = LayoutContext.data(project: project, publication: publication)
        context["collectivite"] = collectivite
        // One marker per document: it records the acronyms used, and tasks share the kit.
        let pipeline = ChapterPipeline(chapters: chapters, context: TemplateData(context), components: ComponentSet.standard.adding(document.components).adding(extraComponents),
                                       reserved: ["index"], templates: templates, passes: passes, sink: sink, workers: 1)
        let pages = await pipeline.run(acronyms: AcronymMarker(acronyms: acronyms))
        guard !sink.hasErrors else { return Result(diagnostics: sink.diagnostics) }
        // A strategy document is one page, `strategies/<nom>/index.html`: links to the guide go up two folders.
        var writer = HTMLWriter(links: .singlePage, outputRoot: "../../")
        writer.headingOffset = 1
        let bodies = pages.map { page in
            writer.notesLabel = "Notes — " + (page.chapter.frontMatter.titreCourt ?? page.chapter.frontMatter.titre)
            return writer.write(page.document)
        }
        var layoutContext = LayoutContext(publication: publication, pages: pages).print(bodies)
        layoutContext["collectivite"] = collectivite
        guard let html = layouts.render(Self.layout, context: layoutContext, into: sink) else { return Result(diagnostics: sink.diagnostics) }
        var editableFiles = EditableDocument(publication: publication, pages: pages, subject: "\(title) de \(strategy.collectivite.nom)")
            .files(editable, at: "\(StrategyBatch.folder)/\(slug)/\(slug)", reportingTo: SourceLocation(file: path, line: 1), into: sink)
        let deliberation = self.deliberation(strategy, slug: slug, editable: editable, file: path, into: sink)
        editableFiles += deliberation.editable
        return Result(diagnostics: sink.diagnostics, document: RenderedStrategy(slug: slug, html: html, editable: editableFiles, deliberation: deliberation.html))
    }

    /// The draft délibération: its HTML page and its ODT and DOCX if asked (nothing when the
    /// project has no délibération layout).
    private func deliberation(_ strategy: Strategy, slug: String, editable: OutputFormat, file: String, into sink: DiagnosticSink) -> (html: String?, editable: [RenderedFile]) {
        guard layouts.has(Deliberation.layout) else { return (nil, []) }
        var text = Deliberation(strategy: strategy, guide: guide).document
        AcronymMarker(acronyms: acronyms).mark(&text)
        FrenchTypography.mark(&text)
        let name = FrenchTypography.apply(strategy.collectivite.nom)
        let body = HTMLWriter(links: .singlePage, outputRoot: "../../").write(text)
        let html = layouts.render(Deliberation.layout, context: ["titre": Deliberation.title, "collectivite": name, "contenu": body], into: sink)
        let document = EditableDocument(title: Deliberation.title, subtitle: name, author: name, subject: "Adoption de la stratégie d’action internationale de \(name)",
                                        date: strategy.deliberation?.french, front: false,
                                        chapters: [EditableChapter(title: Deliberation.title, anchor: "deliberation", document: text)])
        return (html, document.files(editable, at: "\(StrategyBatch.folder)/\(slug)/\(slug)-deliberation", reportingTo: SourceLocation(file: file, line: 1), into: sink))
    }

    /// The `selon-type` passages of the guide (the publication named `guide`), Mustache expanded,
    /// their cross-references resolved to the guide's pages (a link the guide itself cannot
    /// resolve, which its own build reports, is kept as text).
    private static func guidePassages(_ project: Project) -> [GuidePassage] {
        guard let guide = project.publications.first(where: { $0.name == "guide" }) else { return [] }
        let context = LayoutContext.data(project: project, publication: FrenchTypography.mark(guide))
        let quiet = DiagnosticSink()
        var anchoring = Anchoring(chapters: guide.chapters, reserved: PublicationBuild.reservedPages)
        var pages: [ChapterPage] = []
        for chapter in guide.chapters {
            guard let markdown = ChapterExpansion.expand(chapter, context: context, into: quiet) else {
                anchoring.markUnreadable(chapter)
                continue
            }
            var page = ChapterPage(chapter: chapter, markdown: markdown)
            SlugPass.collect(&page, into: quiet)
            anchoring.anchor(&page)
            pages.append(page)
        }
        let references = CrossReferencePass(index: anchoring.index, publication: guide.name)
        var passages: [GuidePassage] = []
        for page in pages {
            page.document.forEachBlock { block in
                guard case .component(let call) = block, call.name == PassageByType().name else { return }
                let source = YAMLSource(text: call.body, file: page.chapter.path)
                guard let parameters = YAMLDecoding.decode(PassageByType.Parameters.self, from: source, into: quiet) else { return }
                var text = DocumentReader.read(parameters.texte)
                references.run(&text, in: page.chapter.fileName, locate: { page.source.location(of: $0, near: $1) }, into: quiet)
                text.updateInlines { inlines in
                    inlines.flatMap { inline -> [Inline] in
                        if case .link(let link) = inline, case .chapter = link.target { return link.content }
                        return [inline]
                    }
                }
                passages.append(GuidePassage(chapter: page.chapter.frontMatter.titre, types: parameters.types.value, blocks: text.blocks, markdown: parameters.texte))
            }
        }
        return passages
    }
}

/// One collectivité's strategy document: its folder name, its HTML, its ODT and DOCX if asked.
struct RenderedStrategy: Sendable {
    var slug: String
    var html: String
    var editable: [RenderedFile] = []
    /// The draft délibération's page.
    var deliberation: String?
}
