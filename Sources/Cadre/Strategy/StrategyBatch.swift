import Foundation

/// What `cadre strategie` is asked to produce.
public struct StrategyRequest: Sendable {
    /// The project folder.
    public var root: URL
    /// Output folder; `Output/` under the root when nil.
    public var output: URL?
    /// Data files (paths as given, relative to the working folder); all of `Content/collectivites/` when empty.
    public var files: [String]
    /// HTML, PDF or both.
    public var format: OutputFormat
    /// Documents rendered at once (HTML threads and PDF workers).
    public var jobs: Int
    /// Whether files are written (false for `cadre check`: every document is still rendered).
    public var writes: Bool
    /// Components added to the standard and strategy ones (a library user's own).
    public var components: [any Component] = []
    /// Passes run on every chapter of every document after cadre's own.
    public var passes: [any DocumentPass] = []

    /// A request for `files` (all of `Content/collectivites/` by default).
    public init(root: URL, output: URL? = nil, files: [String] = [], format: OutputFormat = .html, jobs: Int = 1, writes: Bool = true) {
        self.root = root
        self.output = output
        self.files = files
        self.format = format
        self.jobs = jobs
        self.writes = writes
    }
}

/// What a batch did: each file is produced or failed, on its own.
public struct StrategyOutcome: Equatable, Sendable {
    /// The documents produced (their folder names).
    public var produced: [String] = []
    /// The files that could not be produced.
    public var failed: [String] = []
    /// How many warnings the files gave.
    public var warnings = 0
    /// The project itself (templates, shared data) has errors: nothing was produced.
    public var projectFailed = false
    /// A PDF was asked for and WeasyPrint is missing.
    public var engineMissing = false
}

/// Renders the strategy documents of a batch: each data file is decoded, checked against the
/// guide's rules and, when it has no error, rendered with `Templates/strategie/`. A bad file
/// is reported and skipped; the others are produced.
public enum StrategyBatch {
    /// The output folder of strategy documents.
    public static let folder = "strategies"

    /// Produces the documents `request` asks for; every problem goes to `sink`, `progress` hears each document done.
    public static func run(_ request: StrategyRequest, into sink: DiagnosticSink, progress: @escaping @Sendable (Int, Int) -> Void = { _, _ in }) async -> StrategyOutcome {
        var outcome = StrategyOutcome()
        let projectSink = DiagnosticSink()
        let project = await Project.load(root: request.root, into: projectSink)
        let listed = request.files.isEmpty ? FileLister.files(in: project.contentFolder.appendingPathComponent("collectivites"), extensions: ["yml", "yaml"]) : request.files.map { URL(fileURLWithPath: $0).standardizedFileURL }
        let (files, conflicts) = CollectiviteFiles.separate(listed, root: project.root)
        sink.report(conflicts.map(\.diagnostic))
        outcome.failed += conflicts.map(\.path)
        let kit = StrategyKit(project: project, components: request.components, passes: request.passes, sink: projectSink)
        sink.report(projectSink.diagnostics)
        guard !projectSink.hasErrors, let kit else {
            outcome.projectFailed = true
            return outcome
        }
        if listed.isEmpty {
            sink.report(SourceLocation(file: "Content/collectivites", line: 1).error("aucun fichier de collectivité", hint: "créez-en un avec « cadre new collectivite \"Nom\" »"))
            outcome.projectFailed = true
            return outcome
        }

        // HTML: documents are independent; `jobs` threads share them out and write each one into
        // the staging folder as soon as it is rendered (disk writes overlap rendering).
        let output = request.output ?? project.root.appendingPathComponent("Output")
        if request.writes, let refusal = OutputFolder.refusal(output, root: project.root) {
            sink.report(refusal)
            outcome.projectFailed = true
            return outcome
        }
        let staged: StagedOutput?
        do {
            staged = request.writes ? try await OutputWriter(output: output).stage([], depth: 2) : nil
        } catch {
            sink.report(SourceLocation(file: output.path, line: 1).error("écriture impossible : \(error.localizedDescription)", hint: "vérifiez les droits d'écriture et l'espace disque"))
            outcome.projectFailed = true
            return outcome
        }
        let results = await Concurrently.map(files.count, limit: request.jobs, done: { progress($0, files.count) }) { index in
            var result = await kit.render(files[index], editable: request.format.editable)
            if let document = result.document, let staged {
                do {
                    try await staged.add([RenderedFile(path: "\(folder)/\(document.slug)/index.html", data: Data(document.html.utf8))] + document.editable
                                         + (document.deliberation.map { [RenderedFile(path: "\(folder)/\(document.slug)/deliberation.html", data: Data($0.utf8))] } ?? []))
                } catch {
                    result.diagnostics.append(SourceLocation(file: output.path, line: 1).error("écriture impossible : \(error.localizedDescription)", hint: "vérifiez les droits d'écriture et l'espace disque"))
                    result.document = nil
                }
            }
            return result
        }

        var documents: [(slug: String, origin: String)] = []
        for (file, result) in zip(files, results) {
            // A template's problem comes back with every file; the sink reports it once.
            sink.report(result.diagnostics)
            outcome.warnings += result.diagnostics.filter { $0.severity == .warning }.count
            guard let document = result.document else {
                outcome.failed.append(FileLister.relativePath(of: file, to: project.root))
                continue
            }
            documents.append((document.slug, FileLister.relativePath(of: file, to: project.root)))
        }
        guard !documents.isEmpty else { return outcome }
        guard let staged else {
            outcome.produced = documents.map(\.slug)
            return outcome
        }
        do {
            try await staged.add(Assets.files(in: project.templatesFolder.appendingPathComponent("assets"), under: "\(folder)/assets"))
            if request.format.print {
                guard let engine = PrintEngine.locate(root: project.root) else {
                    outcome.engineMissing = true
                    return outcome
                }
                let printSink = DiagnosticSink()
                guard await PrintStage(project: project, staged: staged, sink: printSink).run(strategies: documents, folder: folder, engine: engine, workers: request.jobs) else {
                    sink.report(printSink.diagnostics)
                    outcome.engineMissing = true
                    return outcome
                }
                sink.report(printSink.diagnostics)
                if printSink.hasErrors {
                    outcome.failed += documents.map(\.origin)
                    return outcome
                }
            }
            try await staged.commit()
            outcome.produced = documents.map(\.slug)
        } catch {
            sink.report(SourceLocation(file: output.path, line: 1).error("écriture impossible : \(error.localizedDescription)", hint: "vérifiez les droits d'écriture et l'espace disque"))
            outcome.failed += documents.map(\.origin)
        }
        return outcome
    }
}
