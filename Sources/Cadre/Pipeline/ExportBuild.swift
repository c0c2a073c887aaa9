import Foundation

/// What `cadre export` makes and where.
public struct ExportRequest: Sendable {
    /// The project folder (with Content/ and Templates/).
    public var root: URL
    /// Output folder; `Output/` under the root when nil.
    public var output: URL?
    /// The publication to package.
    public var publication: String

    /// A request to package `publication` of the project at `root`.
    public init(root: URL, output: URL? = nil, publication: String) {
        self.root = root
        self.output = output
        self.publication = publication
    }
}

/// `cadre export`: the layout provider's package. The publication is built as `cadre build
/// --format html,pdf` builds it (the proof PDF is its print PDF), then its chapters are written
/// as ICML stories and an IDML document, its schemas as SVG and PDF, with a manifest and a
/// French LISEZMOI, into `<publication>/<publication>-maquette.zip`. Everything is staged and
/// swapped in at once: a failed export leaves the previous Output/ as it was.
public enum Exporter {
    /// Packages what `request` asks; every problem goes to `sink`.
    public static func run(_ request: ExportRequest, into sink: DiagnosticSink, progress: @escaping @Sendable (String) -> Void = { _ in }) async -> BuildOutcome {
        let project = await Project.load(root: request.root, into: sink)
        let available = project.publications.map(\.name)
        guard let publication = project.publications.first(where: { $0.name == request.publication }) else {
            return .unknownPublication(request.publication, suggestion: Suggestion.hint(for: request.publication, in: available, noun: "publications"))
        }
        let layouts = Layouts.load(folder: project.templatesFolder, root: project.root, into: sink)
        progress(publication.name)
        let files = await PublicationBuild(project: project, publication: publication, layouts: layouts, sink: sink, progress: progress).run()
        // The chapters' documents after every pass, for the ICML writer. Run again rather than
        // taken from the build: its diagnostics are already reported, so they go nowhere here.
        let marked = FrenchTypography.mark(publication)
        let pages = await ChapterPipeline(chapters: marked.chapters, context: TemplateData(LayoutContext.data(project: project, publication: marked)),
                                          components: PublicationBuild(project: project, publication: publication, layouts: layouts, sink: sink).components,
                                          reserved: PublicationBuild.reservedPages, sink: DiagnosticSink())
            .run(acronyms: AcronymMarker(acronyms: project.data.acronyms))
        guard !sink.hasErrors else { return .failed }
        let output = request.output ?? project.root.appendingPathComponent("Output")
        if let refusal = OutputFolder.refusal(output, root: project.root) { sink.report(refusal); return .failed }
        guard let engine = PrintEngine.locate(root: project.root) else { return .engineMissing }
        do {
            let staged = try await OutputWriter(output: output).stage(files)
            progress("PDF")
            guard await PrintStage(project: project, staged: staged, sink: sink).run([publication], engine: engine, workers: 1) else { return .engineMissing }
            guard !sink.hasErrors else { return .failed }
            progress("maquette")
            let settings = SourceLocation(file: publication.settingsPath, line: 1)
            guard let proof = FileManager.default.contents(atPath: staged.url("\(publication.name)/\(publication.name).pdf").path),
                  let pagination = Pagination.read(from: staged.url("\(publication.name)/pagination.json")) else {
                sink.report(settings.error("l'épreuve PDF de « \(publication.name) » manque : le paquet de maquette ne peut pas être fait", hint: "lancez « cadre build \(publication.name) --format pdf » pour voir pourquoi le PDF n'est pas produit"))
                return .failed
            }
            let document = EditableDocument(publication: marked, pages: pages)
            guard let zip = ExportPackage.make(document, publication: marked, proof: proof, pagination: pagination,
                                               templates: project.templatesFolder, into: sink), !sink.hasErrors else { return .failed }
            try await staged.add([RenderedFile(path: "\(publication.name)/\(publication.name)-maquette.zip", data: zip)])
            try await staged.commit()
            return .built(files: staged.count)
        } catch {
            sink.report(SourceLocation(file: output.path, line: 1).error("écriture impossible : \(error.localizedDescription)", hint: "vérifiez les droits d'écriture et l'espace disque"))
            return .failed
        }
    }
}
