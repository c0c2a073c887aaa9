import Foundation

/// What to build and where.
public struct BuildRequest: Sendable {
    /// The project folder (with Content/ and Templates/).
    public var root: URL
    /// Output folder; `Output/` under the root when nil.
    public var output: URL?
    /// Publication names; all when empty.
    public var publications: [String]
    /// Whether files are written (false for `cadre check`).
    public var writes: Bool
    /// The site, the PDFs, or both.
    public var format: OutputFormat
    /// How many print workers run at once.
    public var jobs: Int
    /// Components added to the standard ones (a library user's own).
    public var components: [any Component] = []
    /// Passes run on every chapter after cadre's own.
    public var passes: [any DocumentPass] = []

    /// A request to build `publications` (all by default) of the project at `root`.
    public init(root: URL, output: URL? = nil, publications: [String] = [], writes: Bool = true, format: OutputFormat = .html, jobs: Int = 1) {
        self.root = root
        self.output = output
        self.publications = publications
        self.writes = writes
        self.format = format
        self.jobs = jobs
    }
}

/// The outcome of a build: what was written, or why nothing was.
public enum BuildOutcome: Equatable, Sendable {
    case built(files: Int)
    /// Content or data errors (exit status 1); the diagnostics say which.
    case failed
    /// The request names a publication that does not exist (exit status 2).
    case unknownPublication(String, suggestion: String)
    /// A PDF was asked for and WeasyPrint is not installed (exit status 1, with install advice).
    case engineMissing
}

/// Runs the whole pipeline: load → expand → parse → passes → render → write.
public enum Builder {
    /// Builds what `request` asks; every problem goes to `sink`, `progress` hears each step.
    public static func run(_ request: BuildRequest, into sink: DiagnosticSink, progress: @escaping @Sendable (String) -> Void = { _ in }) async -> BuildOutcome {
        let project = await Project.load(root: request.root, into: sink)
        let available = project.publications.map(\.name)
        for name in request.publications where !available.contains(name) {
            return .unknownPublication(name, suggestion: Suggestion.hint(for: name, in: available, noun: "publications"))
        }
        let selected = request.publications.isEmpty ? project.publications : project.publications.filter { request.publications.contains($0.name) }
        let layouts = Layouts.load(folder: project.templatesFolder, root: project.root, into: sink)
        var files: [RenderedFile] = []
        for publication in selected {
            progress(publication.name)
            var build = PublicationBuild(project: project, publication: publication, layouts: layouts, sink: sink, site: request.format.site || !request.writes, progress: progress)
            build.components = build.components.adding(request.components)
            build.passes = request.passes
            build.editable = request.writes ? request.format.editable : []
            files += await build.run()
        }
        guard !sink.hasErrors else { return .failed }
        guard request.writes else { return .built(files: files.count) }
        let output = request.output ?? project.root.appendingPathComponent("Output")
        if let refusal = OutputFolder.refusal(output, root: project.root) { sink.report(refusal); return .failed }
        do {
            let staged = try await OutputWriter(output: output).stage(files)
            if request.format.print {
                guard let engine = PrintEngine.locate(root: project.root) else { return .engineMissing }
                progress("PDF")
                guard await PrintStage(project: project, staged: staged, sink: sink).run(selected, engine: engine, workers: request.jobs) else { return .engineMissing }
                guard !sink.hasErrors else { return .failed }
            }
            try await staged.commit()
            return .built(files: staged.count)
        } catch {
            sink.report(SourceLocation(file: output.path, line: 1).error("écriture impossible : \(error.localizedDescription)", hint: "vérifiez les droits d'écriture et l'espace disque"))
            return .failed
        }
    }
}
