import Foundation

/// What to build and where.
public struct BuildRequest: Sendable {
    public var root: URL
    /// Output folder; `Output/` under the root when nil.
    public var output: URL?
    /// Publication names; all when empty.
    public var publications: [String]
    /// Whether files are written (false for `cadre check`).
    public var writes: Bool

    public init(root: URL, output: URL? = nil, publications: [String] = [], writes: Bool = true) {
        self.root = root
        self.output = output
        self.publications = publications
        self.writes = writes
    }
}

/// The outcome of a build: what was written, or why nothing was.
public enum BuildOutcome: Equatable, Sendable {
    case built(files: Int)
    /// Content or data errors (exit status 1); the diagnostics say which.
    case failed
    /// The request names a publication that does not exist (exit status 2).
    case unknownPublication(String, suggestion: String)
}

/// Runs the whole pipeline: load → expand → parse → passes → render → write.
public enum Builder {
    public static func run(_ request: BuildRequest, into sink: DiagnosticSink, progress: @escaping (String) -> Void = { _ in }) -> BuildOutcome {
        let project = Project.load(root: request.root, into: sink)
        let available = project.publications.map(\.name)
        for name in request.publications where !available.contains(name) {
            return .unknownPublication(name, suggestion: Suggestion.hint(for: name, in: available, noun: "publications"))
        }
        let selected = request.publications.isEmpty ? project.publications : project.publications.filter { request.publications.contains($0.name) }
        let layouts = Layouts.load(folder: project.templatesFolder, root: project.root, into: sink)
        var files: [RenderedFile] = []
        for publication in selected {
            progress(publication.name)
            files += PublicationBuild(project: project, publication: publication, layouts: layouts, sink: sink, progress: progress).run()
        }
        guard !sink.hasErrors else { return .failed }
        if request.writes {
            do {
                try OutputWriter(output: request.output ?? project.root.appendingPathComponent("Output")).write(files)
            } catch {
                sink.report(SourceLocation(file: (request.output ?? project.root.appendingPathComponent("Output")).path, line: 1).error("écriture impossible : \(error.localizedDescription)", hint: "vérifiez les droits d'écriture et l'espace disque"))
                return .failed
            }
        }
        return .built(files: files.count)
    }
}
