import Foundation
import Mustache

/// What every strategy document of a batch shares, prepared once: the chapters of
/// `Templates/strategie/` (parsed as Mustache), the layouts, the shared data and the guide's
/// passages for each type of collectivité. `render` is safe to call from several threads.
struct StrategyKit: @unchecked Sendable {
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
        var document: (slug: String, html: String)?
    }

    init?(project: Project, sink: DiagnosticSink) {
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
    }

    /// Decodes, checks and renders one collectivité's file.
    func render(_ file: URL) -> Result {
        let sink = DiagnosticSink()
        let path = FileLister.relativePath(of: file, to: project.root)
        guard let text = FileLister.read(file, path: path, into: sink),
              let strategy = YAMLDecoding.decode(Strategy.self, from: YAMLSource(text: text, file: path), into: sink) else {
            return Result(diagnostics: sink.diagnostics)
        }
        let check = StrategyCheck(strategy, guide: guide, file: path)
        sink.report(check.diagnostics)
        guard !check.hasErrors else { return Result(diagnostics: sink.diagnostics) }

        let family = strategy.collectivite.type.family
        let document = StrategyDocument(strategy: strategy, guide: guide, broken: check.broken, passages: passages.filter { $0.types.contains(family) })
        let slug = file.deletingPathExtension().lastPathComponent
        let title = "Stratégie d'action internationale"
        var settings = PublicationSettings(titre: title, langue: "fr")
        settings.sousTitre = strategy.collectivite.nom
        settings.editeur = strategy.collectivite.nom
        settings.date = "Mandature \(strategy.mandature.debut)-\(strategy.mandature.fin)"
        let publication = Publication(name: slug, settings: settings, chapters: chapters, settingsPath: path)
        let collectivite = document.context
        var context = LayoutContext.data(project: project, publication: publication)
        context["collectivite"] = collectivite
        // One marker per document: it records the acronyms used, and threads share the kit.
        let pages = ChapterPipeline(chapters: chapters, context: context, acronyms: AcronymMarker(acronyms: acronyms), reserved: ["index"], strategy: document, templates: templates, sink: sink, workers: 1).run()
        guard !sink.hasErrors else { return Result(diagnostics: sink.diagnostics) }
        var layoutContext = LayoutContext(publication: publication, pages: pages).print(workers: 1)
        layoutContext["collectivite"] = collectivite
        guard let html = layouts.render(Self.layout, context: layoutContext, into: sink) else { return Result(diagnostics: sink.diagnostics) }
        return Result(diagnostics: sink.diagnostics, document: (slug, html))
    }

    /// A passage's HTML, rendered once for every document that includes it.
    private static func render(_ markdown: String, acronyms: [String: Acronym]) -> String {
        let document = MarkdownDocument(markdown: markdown)
        AcronymMarker(acronyms: acronyms).mark(document)
        FrenchTypography.mark(document)
        return document.renderHTML()
    }

    /// The `selon-type` passages of the guide (the publication named `guide`), Mustache expanded.
    private static func guidePassages(_ project: Project) -> [GuidePassage] {
        guard let guide = project.publications.first(where: { $0.name == "guide" }) else { return [] }
        let context = LayoutContext.data(project: project, publication: guide)
        let quiet = DiagnosticSink()
        var passages: [GuidePassage] = []
        for chapter in guide.chapters {
            guard let markdown = ChapterExpansion.expand(chapter, context: context, into: quiet) else { continue }
            let document = MarkdownDocument(markdown: markdown)
            for block in document.nodes(where: { $0.kind == .codeBlock }) where block.fenceInfo.hasPrefix(PassageByType.name) {
                let source = YAMLSource(text: block.literal, file: chapter.path)
                guard let parameters = YAMLDecoding.decode(PassageByType.Parameters.self, from: source, into: quiet) else { continue }
                passages.append(GuidePassage(chapter: chapter.frontMatter.titre, types: parameters.types, html: Self.render(parameters.texte, acronyms: project.data.acronyms)))
            }
        }
        return passages
    }
}
